// The Surveys page's dates, as the URL keeps them (?from=…&to=…, both days included) and as the
// API takes them (`to` exclusive).
import type { DayRange } from '../../hooks/api/surveys.ts';
import { periodRange } from '../../lib/period.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The dates shown, both included: those of the URL, else the last 12 months up to today. */
export function shownDates(params: URLSearchParams, now = new Date()): { from: string; to: string } {
  const last12 = periodRange('12m', now);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return { from: DAY.test(from) ? from : last12.from, to: DAY.test(to) ? to : shift(last12.to, -1) };
}

/** The API's range of the dates shown, or null when they run backwards. */
export function apiRange(shown: { from: string; to: string }): DayRange | null {
  return shown.from <= shown.to ? { from: shown.from, to: shift(shown.to, 1) } : null;
}
