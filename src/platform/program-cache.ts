import type { Db, Tx } from './db/database.ts';

/**
 * Program configuration every order needs (earning rules, tiers, cashback, cards, challenges) is
 * cached per program for a short time: a change made through this instance applies at once
 * (`forget`), one made through another instance within `ms`.
 */
export function programCache<T>(ms: number, load: (db: Db | Tx, programId: string, now: Date) => Promise<T>) {
  const entries = new Map<string, { value: T; until: number }>();
  return {
    /** `now`: the program's clock, for loads that depend on it (the expiry uses the real time). */
    async get(db: Db | Tx, programId: string, now = new Date()): Promise<T> {
      const hit = entries.get(programId);
      if (hit && hit.until > Date.now()) return hit.value;
      const value = await load(db, programId, now);
      entries.set(programId, { value, until: Date.now() + ms });
      return value;
    },
    forget(programId: string): void {
      entries.delete(programId);
    },
  };
}
