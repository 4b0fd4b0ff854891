import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'prg' | 'key' | 'sto' | 'cus' | 'ord' | 'ref' | 'txn' | 'rule' | 'evt' | 'adj' | 'rwd' | 'rdm' | 'whe' | 'whd' | 'seg' | 'gift' | 'cause' | 'don' | 'tier' | 'tch' | 'trc' | 'rfl' | 'stc' | 'chl' | 'mpl' | 'mbr' | 'con' | 'dlv' | 'prq' | 'aud' | 'rvs' | 'usr' | 'imp' | 'eml' | 'pq' | 'cmp' | 'srv' | 'exp';

let lastTime = 0;
// The 80 random bits as two 40-bit halves in plain numbers (BigInt arithmetic cost a microsecond an id).
let randomHigh = 0;
let randomLow = 0;
const HALF = 2 ** 40;

/**
 * Prefixed, time-ordered ids (`cus_01j…`): 48 bits of milliseconds then 80 random bits, in
 * Crockford base32. Within one millisecond the random part counts up (monotonic, as in ULID), so
 * ids of one process sort in creation order: inserts stay local in the primary key and
 * `starting_after` pagination follows creation order.
 */
export function newId(prefix: IdPrefix, at: number = Date.now()): string {
  if (at <= lastTime) {
    randomLow += 1;
    if (randomLow === HALF) {
      randomLow = 0;
      randomHigh = (randomHigh + 1) % HALF;
    }
  } else {
    lastTime = at;
    // Fresh random bits, halved (as a whole) to leave room for counting up within the millisecond.
    const random = randomBytes(10);
    const high = random.readUIntBE(0, 5);
    randomLow = Math.floor(random.readUIntBE(5, 5) / 2) + (high % 2) * (HALF / 2);
    randomHigh = Math.floor(high / 2);
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(lastTime, 0, 6);
  bytes.writeUIntBE(randomHigh, 6, 5);
  bytes.writeUIntBE(randomLow, 11, 5);
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
