import { invalidRequest } from '../platform/errors.ts';
import { parseMoney } from '../platform/money.ts';

/**
 * Reading a platform's JSON (parsed with parseExactJson: numbers are their exact text) field by
 * field, each as what it is. A payload missing what it must have is refused with the field named.
 */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const objectAt = (json: Json, key: string): Json | undefined => (isObject(json[key]) ? (json[key] as Json) : undefined);

export const listAt = (json: Json, key: string): Json[] => (Array.isArray(json[key]) ? (json[key] as unknown[]).filter(isObject) : []);

/** A string or a number (kept as its exact text), trimmed; undefined when absent, empty or null. */
export function textAt(json: Json, key: string): string | undefined {
  const value = json[key];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export function requiredText(json: Json, key: string, what: string): string {
  const text = textAt(json, key);
  if (!text) throw invalidRequest('payload_invalid', `The ${what} has no ${key}.`, key);
  return text;
}

/** A count (quantities): a whole number. */
export function countAt(json: Json, key: string): number {
  const n = Number(textAt(json, key) ?? '0');
  return Number.isSafeInteger(n) ? n : 0;
}

/** Money as minor units of `currency`, from "12.34", 12.34 or a Shopify money bag ({shop_money: {amount}}, GraphQL's {shopMoney: {amount}}). */
export function moneyAt(json: Json, key: string, currency: string): number {
  const set = objectAt(json, key);
  const text = set ? textAt(objectAt(set, 'shop_money') ?? objectAt(set, 'shopMoney') ?? {}, 'amount') : textAt(json, key);
  if (text === undefined) return 0;
  const minor = parseMoney(text, currency);
  if (minor === undefined) throw invalidRequest('payload_invalid', `${key} "${text}" is not an amount of ${currency}.`, key);
  return minor;
}

/** A timestamp with its offset (Shopify), or one in UTC without a zone (WooCommerce's *_gmt). */
export function dateAt(json: Json, key: string, options: { utcWithoutZone?: boolean } = {}): Date | undefined {
  const text = textAt(json, key);
  if (!text) return undefined;
  const date = new Date(options.utcWithoutZone && !/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? `${text}Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export const booleanAt = (json: Json, key: string): boolean | undefined => (typeof json[key] === 'boolean' ? (json[key] as boolean) : undefined);
