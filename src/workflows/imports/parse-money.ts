import { minorPerUnit } from '../../platform/money.ts';

/** "29.33" → 2933 minor units of USD, exactly (no floating point); undefined when it is not a plain decimal. */
export function parseMoney(text: string, currency: string): number | undefined {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim().replaceAll(',', ''));
  if (!m) return undefined;
  const digits = Math.round(Math.log10(minorPerUnit(currency)));
  const fraction = (m[3] ?? '').padEnd(digits, '0');
  if (fraction.length > digits && /[1-9]/.test(fraction.slice(digits))) return undefined;
  const value = Number(m[2]) * 10 ** digits + Number(fraction.slice(0, digits) || '0');
  return m[1] ? -value : value;
}
