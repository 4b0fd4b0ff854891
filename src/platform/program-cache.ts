import type { Db, Tx } from './db/database.ts';

/**
 * Program configuration every order needs (earning rules, tiers, cashback, cards, challenges) is
 * cached per program for a short time: a change made through this instance applies at once
 * (`forget`), one made through another instance within `ms`. Callers asking while a load is under
 * way share it, so a burst of orders (or reads when an entry expires) loads once, not once each.
 */
export function programCache<T>(ms: number, load: (db: Db | Tx, programId: string, now: Date) => Promise<T>) {
  const entries = new Map<string, { value: T; until: number }>();
  const loading = new Map<string, Promise<T>>();
  return {
    /** `now`: the program's clock, for loads that depend on it (the expiry uses the real time). */
    async get(db: Db | Tx, programId: string, now = new Date()): Promise<T> {
      const hit = entries.get(programId);
      if (hit && hit.until > Date.now()) return hit.value;
      const shared = loading.get(programId);
      if (shared) {
        // The shared load runs on another caller's connection; if that fails, load on ours.
        const value = await shared.catch(() => undefined);
        if (value !== undefined) return value;
      }
      const pending = load(db, programId, now);
      loading.set(programId, pending);
      try {
        const value = await pending;
        // A load that `forget` overtook may have read the old configuration: answer, don't keep.
        if (loading.get(programId) === pending) entries.set(programId, { value, until: Date.now() + ms });
        return value;
      } finally {
        if (loading.get(programId) === pending) loading.delete(programId);
      }
    },
    forget(programId: string): void {
      entries.delete(programId);
      loading.delete(programId);
    },
  };
}
