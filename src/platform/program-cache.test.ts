import { describe, expect, it } from 'vitest';
import type { Db } from './db/database.ts';
import { programCache } from './program-cache.ts';

const db = {} as Db;

describe('programCache', () => {
  it('loads once for callers arriving together, then serves the cached value', async () => {
    let loads = 0;
    const cache = programCache(60_000, async (_db, programId) => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return `${programId}:${loads}`;
    });
    const values = await Promise.all([cache.get(db, 'p1'), cache.get(db, 'p1'), cache.get(db, 'p1')]);
    expect(values).toEqual(['p1:1', 'p1:1', 'p1:1']);
    expect(await cache.get(db, 'p1')).toBe('p1:1');
    expect(await cache.get(db, 'p2')).toBe('p2:2');
    cache.forget('p1');
    expect(await cache.get(db, 'p1')).toBe('p1:3');
  });

  it('does not keep a failed load: the waiting caller and the next one load again', async () => {
    let loads = 0;
    const cache = programCache(60_000, async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (loads === 1) throw new Error('connection lost');
      return loads;
    });
    const [first, second] = await Promise.allSettled([cache.get(db, 'p'), cache.get(db, 'p')]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: 2 });
    expect(await cache.get(db, 'p')).toBe(2);
  });

  it('does not keep a load that a change overtook', async () => {
    let version = 1;
    const cache = programCache(60_000, async () => {
      const seen = version;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return seen;
    });
    const before = cache.get(db, 'p');
    version = 2;
    cache.forget('p');
    expect(await before).toBe(1);
    expect(await cache.get(db, 'p')).toBe(2);
  });

  it('expires after its time', async () => {
    let loads = 0;
    const cache = programCache(1, async () => ++loads);
    expect(await cache.get(db, 'p')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.get(db, 'p')).toBe(2);
  });
});
