// The periods the analytics pages offer, as the API's [from, to) dates (UTC days; `to` exclusive).
export const PERIODS = ['30d', '90d', '12m', 'ytd'] as const;
export type Period = (typeof PERIODS)[number];

const day = (d: Date) => d.toISOString().slice(0, 10);

export function periodRange(period: Period, now = new Date()): { from: string; to: string } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to);
  if (period === '30d') from.setUTCDate(from.getUTCDate() - 30);
  else if (period === '90d') from.setUTCDate(from.getUTCDate() - 90);
  else if (period === '12m') from.setUTCFullYear(from.getUTCFullYear() - 1);
  else from.setUTCMonth(0, 1);
  return { from: day(from), to: day(to) };
}

/** The range cut into buckets for a chart over time: weeks for short periods, months otherwise. */
export function periodBuckets(period: Period, now = new Date()): { from: string; to: string; label: string }[] {
  const { from, to } = periodRange(period, now);
  const end = new Date(`${to}T00:00:00Z`);
  const buckets: { from: string; to: string; label: string }[] = [];
  const weekly = period === '30d' || period === '90d';
  let start = new Date(`${from}T00:00:00Z`);
  while (start < end) {
    const next = weekly ? new Date(start.getTime() + 7 * 86_400_000) : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const stop = next < end ? next : end;
    buckets.push({ from: day(start), to: day(stop), label: day(start) });
    start = stop;
  }
  return buckets;
}

/** The months the period touches, as the API's YYYY-MM (both included). */
export function periodMonths(period: Period, now = new Date()): { from: string; to: string } {
  const { from, to } = periodRange(period, now);
  const last = new Date(`${to}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return { from: from.slice(0, 7), to: day(last).slice(0, 7) };
}
