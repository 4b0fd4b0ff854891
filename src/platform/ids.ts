import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'prg' | 'key' | 'sto' | 'cus' | 'ord' | 'ref' | 'txn' | 'rule' | 'evt' | 'adj' | 'rwd' | 'rdm' | 'whe' | 'whd' | 'seg' | 'gift' | 'cause' | 'don' | 'tier' | 'tch' | 'trc' | 'rfl' | 'stc' | 'chl' | 'mpl' | 'mbr' | 'con' | 'dlv' | 'prq' | 'aud' | 'rvs' | 'usr' | 'imp' | 'eml' | 'pq' | 'cmp' | 'srv' | 'exp';

let lastTime = 0;
let lastRandom = 0n;
const RANDOM_LIMIT = 1n << 80n;

/**
 * Prefixed, time-ordered ids (`cus_01j…`): 48 bits of milliseconds then 80 random bits, in
 * Crockford base32. Within one millisecond the random part counts up (monotonic, as in ULID), so
 * ids of one process sort in creation order: inserts stay local in the primary key and
 * `starting_after` pagination follows creation order.
 */
export function newId(prefix: IdPrefix, at: number = Date.now()): string {
  if (at <= lastTime) {
    lastRandom = (lastRandom + 1n) % RANDOM_LIMIT;
  } else {
    lastTime = at;
    lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n;
  }
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(lastTime, 0, 6);
  let random = lastRandom;
  for (let i = 15; i >= 6; i--) {
    bytes[i] = Number(random & 0xffn);
    random >>= 8n;
  }
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
