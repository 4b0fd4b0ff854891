import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'prg' | 'key' | 'sto' | 'cus' | 'ord' | 'ref' | 'txn' | 'rule' | 'evt' | 'adj';

/**
 * Prefixed, time-ordered ids (`cus_01j…`): 48 bits of milliseconds then 80 random bits, in
 * Crockford base32. Time order keeps primary-key inserts local and makes `starting_after`
 * pagination follow creation order.
 */
export function newId(prefix: IdPrefix, at: number = Date.now()): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(at, 0, 6);
  randomBytes(10).copy(bytes, 6);
  return `${prefix}_${encodeBase32(bytes)}`;
}

function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31];
  return out;
}
