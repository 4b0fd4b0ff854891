import type { Db, Tx } from '../platform/db/database.ts';
import { programCache } from '../platform/program-cache.ts';

const cache = programCache(2_000, async (db, programId) => {
  const row = await db.selectFrom('programs').select(['cashback_bps', 'cashback_hold_days']).where('id', '=', programId).executeTakeFirstOrThrow();
  return { bps: row.cashback_bps, holdDays: row.cashback_hold_days };
});

/** The program's cashback rate and hold (cached, see programCache). */
export function cashbackSettings(db: Db | Tx, programId: string): Promise<{ bps: number; holdDays: number }> {
  return cache.get(db, programId);
}

export function forgetCashbackSettings(programId: string): void {
  cache.forget(programId);
}
