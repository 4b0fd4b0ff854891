import { invalidRequest } from './errors.ts';

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));

export function assertCurrency(code: string, param = 'currency'): string {
  const upper = code.toUpperCase();
  if (!supportedCurrencies.has(upper)) {
    throw invalidRequest('invalid_currency', `"${code}" is not an ISO 4217 currency code.`, param);
  }
  return upper;
}

const minorPerUnitCache = new Map<string, number>();

/** Minor units per major unit: 100 for USD, 1 for JPY, 1000 for BHD. */
export function minorPerUnit(currency: string): number {
  let perUnit = minorPerUnitCache.get(currency);
  if (perUnit === undefined) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    perUnit = 10 ** digits;
    minorPerUnitCache.set(currency, perUnit);
  }
  return perUnit;
}

/** "29.33" → 2933 minor units of USD, exactly (no floating point); undefined when it is not a plain decimal of that currency. */
export function parseMoney(text: string, currency: string): number | undefined {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return undefined;
  const digits = Math.round(Math.log10(minorPerUnit(currency)));
  const fraction = (m[3] ?? '').padEnd(digits, '0');
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return undefined;
  const value = Number(m[2]) * 10 ** digits + Number(fraction.slice(0, digits) || '0');
  return m[1] ? -value : value;
}

/** "54.00 USD" from 5400 minor units; for explanations, never for arithmetic. */
export function formatMoney(amountMinor: number, currency: string): string {
  const perUnit = minorPerUnit(currency);
  const digits = Math.round(Math.log10(perUnit));
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  const major = Math.floor(abs / perUnit);
  const minor = String(abs % perUnit).padStart(digits, '0');
  return `${sign}${major}${digits > 0 ? `.${minor}` : ''} ${currency}`;
}

/** floor(a × b ÷ c) exactly, for integers whose product may pass 2^53. */
export function mulDivFloor(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
