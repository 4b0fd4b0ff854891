import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
/** The milliseconds an id carries: its first 48 bits (the first ten base32 digits hold 50: two bits of the random part follow). */
const timeOf = (id: string) => Math.floor([...id.split('_')[1]!.slice(0, 10)].reduce((n, c) => n * 32 + CROCKFORD.indexOf(c), 0) / 4);

describe('ids', () => {
  it('carry their time, and sort in creation order within a millisecond and across milliseconds', () => {
    const at = Date.UTC(2026, 11, 3, 12, 0, 0);
    const ids = [...Array.from({ length: 100_000 }, () => newId('ord', at)), newId('ord', at + 1), newId('ord', at + 2)];
    expect(ids.every((id) => /^ord_[0-9a-hjkmnp-tv-z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect([timeOf(ids[0]!), timeOf(ids.at(-1)!)]).toEqual([at, at + 2]);
  });
});
