import type { Db } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { conflict } from '../platform/errors.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { getRedemption, markSettled, type RedemptionRow } from '../redemptions/redemption-store.ts';
import { settlementDrafts } from '../redemptions/settlement.ts';
import { returnStock } from '../rewards/reward-store.ts';

/**
 * The shopper, the admin or the store ends a reservation: `use` spends its points (a custom
 * reward fulfilled, a code used outside an order feed), `void` gives them back. Only a reserved
 * redemption can be settled; settling it again the same way changes nothing.
 */
export async function settleRedemption(
  deps: Deps,
  program: ProgramContext,
  id: string,
  outcome: { kind: 'use'; orderId: string | null } | { kind: 'void'; reason: string },
): Promise<RedemptionRow> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { customer_id: customerId } = await getRedemption(tx, program.id, id);
    await lockCustomer(tx, program.id, customerId);
    const redemption = await getRedemption(tx, program.id, id, { lock: true });
    const target = outcome.kind === 'use' ? 'used' : 'voided';
    if (redemption.status === target) return redemption;
    if (redemption.status !== 'reserved') throw conflict(`redemption_${redemption.status}`, `This redemption is already ${redemption.status}.`);
    const why = outcome.kind === 'use' ? (outcome.orderId ? `used on order ${outcome.orderId}` : 'fulfilled') : `voided: ${outcome.reason}`;
    await postTransfers(tx, program.id, customerId, settlementDrafts(redemption, outcome.kind, true, now, why), now);
    await markSettled(tx, [id], outcome.kind === 'use' ? { status: 'used', order_id: outcome.orderId } : { status: 'voided', reason: outcome.reason }, now);
    if (outcome.kind === 'void') await returnStock(tx, redemption.reward_id);
    return getRedemption(tx, program.id, id);
  });
}

/**
 * Sweep: codes past their deadline expire. Where the program says so (the default) their points
 * return to the customer; otherwise they are spent. Idempotent, level-triggered.
 */
export async function expireCodes(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  const batch = 500;
  let expired = 0;
  for (;;) {
    const due = await dueCodes(db, now, batch, options.programId);
    for (const code of due) expired += await expireCode(db, code, now);
    if (due.length < batch) return expired;
  }
}

function dueCodes(db: Db, now: Date, limit: number, programId?: string) {
  let query = db
    .selectFrom('redemptions as r')
    .innerJoin('programs as p', 'p.id', 'r.program_id')
    .select(['r.id', 'r.program_id', 'r.customer_id', 'p.return_points_on_code_expiry'])
    .where('r.status', '=', 'reserved')
    .where('r.expires_at', '<=', now)
    .orderBy('r.expires_at')
    .limit(limit);
  if (programId) query = query.where('r.program_id', '=', programId);
  return query.execute();
}

async function expireCode(db: Db, due: { id: string; program_id: string; customer_id: string; return_points_on_code_expiry: boolean }, now: Date): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockCustomer(tx, due.program_id, due.customer_id);
    const redemption = await getRedemption(tx, due.program_id, due.id, { lock: true });
    if (redemption.status !== 'reserved') return 0;
    const why = `code ${redemption.code} expired ${new Date(redemption.expires_at!).toISOString().slice(0, 10)}`;
    await postTransfers(tx, due.program_id, due.customer_id, settlementDrafts(redemption, 'expire', due.return_points_on_code_expiry, now, why), now);
    await markSettled(tx, [redemption.id], { status: 'expired' }, now);
    // The code was never used: its unit of stock comes back, whatever happens to its points.
    await returnStock(tx, redemption.reward_id);
    return 1;
  });
}

