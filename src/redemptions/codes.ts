import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud and typed by hand. */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 10;

/** A discount code: 10 characters of a 31-letter alphabet (about 50 bits), from the CSPRNG. */
export function newCode(prefix: string | null): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += READABLE[randomInt(READABLE.length)];
  return `${prefix ?? ''}${code}`;
}

/** How a typed code is compared: trimmed and upper case. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}
