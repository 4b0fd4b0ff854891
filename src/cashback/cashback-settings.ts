import type { Db, Tx } from '../platform/db/database.ts';

const CACHE_MS = 2_000;
const cache = new Map<string, { bps: number; holdDays: number; until: number }>();

/** The program's cashback rate and hold, cached for two seconds like the earning rules. */
export async function cashbackSettings(db: Db | Tx, programId: string): Promise<{ bps: number; holdDays: number }> {
  const hit = cache.get(programId);
  if (hit && hit.until > Date.now()) return hit;
  const row = await db.selectFrom('programs').select(['cashback_bps', 'cashback_hold_days']).where('id', '=', programId).executeTakeFirstOrThrow();
  const entry = { bps: row.cashback_bps, holdDays: row.cashback_hold_days, until: Date.now() + CACHE_MS };
  cache.set(programId, entry);
  return entry;
}

export function forgetCashbackSettings(programId: string): void {
  cache.delete(programId);
}
