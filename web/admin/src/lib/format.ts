// Numbers, money and dates in the dashboard's language, through Intl.
import i18n from 'i18next';

const locale = () => (i18n.language === 'ar' ? 'ar' : 'en');

export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n);

export const formatPercent = (ratio: number, digits = 1) =>
  new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);

/** How many minor units a currency's major unit has, as a power of ten (2 for USD, 0 for JPY). */
export const minorDigits = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Integer minor units in `currency` (ISO 4217), shown in major units; `signed`, a difference: "+$1.50", "-$0.20". */
export function formatMoney(minor: number, currency: string, { signed = false } = {}): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency, ...(signed ? { signDisplay: 'exceptZero' as const } : {}) }).format(minor / 10 ** minorDigits(currency));
}

/** A difference with its sign and `digits` decimals: "+4.2", "-1.0", "0.0". */
export const formatSigned = (n: number, digits = 1) => new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

export const formatDate = (iso: string) => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso));

export const formatDateTime = (iso: string) => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** "2026-03" as the month's short name and year. */
export const formatMonth = (month: string) => new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** A value set inside a sentence of the other direction ("$US 1.00" in Arabic) keeps its own order. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A signed figure ("-0.6", "-$1.50") kept left to right, so that in Arabic its sign stays before it and a unit after it stays after it. */
export const isolateLtr = (text: string) => `\u2066${text}\u2069`;
