import { parse } from 'lossless-json';

/**
 * JSON whose numbers are kept as the exact text received. Store platforms send 64-bit ids as
 * numbers (Shopify's pass 2^53, where JSON.parse rounds them) and money as numbers or strings;
 * callers read each field as what it is: an id as text, money through parseMoney, a count with Number.
 */
export function parseExactJson(text: string): unknown {
  return parse(text, null, (value: string) => value);
}
