// An NPS as the Surveys page writes it: signed, one decimal at most, with its 95% interval.
import i18n, { type TFunction } from 'i18next';
import type { NpsFigures } from '../../hooks/api/surveys.ts';
import { isolate } from '../../lib/format.ts';

/** "+37.4", "−12", "0"; a dash without answers. */
export function formatNps(nps: number | null): string {
  if (nps === null) return '—';
  return new Intl.NumberFormat(i18n.language === 'ar' ? 'ar' : 'en', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(nps);
}

/** "95% interval: +12 to +68" (in a column of its own: "+12 to +68"), or that one answer has none. */
export function formatInterval(t: TFunction, f: NpsFigures, inColumn = false): string {
  if (f.nps_low === null || f.nps_high === null) return t('surveys.noInterval');
  return t(inColumn ? 'surveys.intervalRange' : 'surveys.interval', { low: isolate(formatNps(f.nps_low)), high: isolate(formatNps(f.nps_high)) });
}
