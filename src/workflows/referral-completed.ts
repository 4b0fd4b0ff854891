import type { Db, Tx } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { conflict } from '../platform/errors.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import { loadProgramContext, type ProgramContext } from '../programs/program-store.ts';
import { getReferral, type ReferralRow } from '../referrals/referral-store.ts';
import { referralSettings, rewardFriend } from './friend-referred.ts';
import { issueFreeReward } from './reward-redeemed.ts';
import { reevaluateTiers } from './tier-evaluated.ts';

/**
 * Sweep: referrals whose friend's first order has cleared the hold complete: the advocate gets the
 * program's reward and points, unless the order was cancelled or fully refunded (then the
 * referral is rejected). Idempotent.
 */
export async function completeReferrals(db: Db, now: Date, options: { programId?: string } = {}): Promise<number> {
  let query = db.selectFrom('referrals').select(['id', 'program_id', 'advocate_id']).where('status', '=', 'pending').where('completes_at', '<=', now).orderBy('completes_at').limit(500);
  if (options.programId) query = query.where('program_id', '=', options.programId);
  let completed = 0;
  for (const due of await query.execute()) {
    completed += await db.transaction().execute(async (tx) => {
      const program = await loadProgramContext(tx, due.program_id);
      await lockCustomer(tx, program.id, due.advocate_id);
      const referral = await getReferral(tx, program.id, due.id, { lock: true });
      return (await settle(tx, program, referral, now)) === 'completed' ? 1 : 0;
    });
  }
  return completed;
}

async function settle(tx: Tx, program: ProgramContext, referral: ReferralRow, now: Date): Promise<'completed' | 'rejected' | 'waiting'> {
  if (referral.status !== 'pending' || !referral.order_id || !referral.completes_at || new Date(referral.completes_at) > now) return 'waiting';
  const order = await tx.selectFrom('orders').select(['status', 'subtotal_minor', 'discount_minor', 'refunded_minor']).where('id', '=', referral.order_id).executeTakeFirstOrThrow();
  const refundedAll = order.refunded_minor >= Math.max(0, order.subtotal_minor - order.discount_minor);
  if (order.status === 'cancelled' || refundedAll) {
    await tx.updateTable('referrals').set({ status: 'rejected', rejected_reason: order.status === 'cancelled' ? 'order_cancelled' : 'order_refunded', decided_at: now }).where('id', '=', referral.id).execute();
    return 'rejected';
  }
  const settings = await referralSettings(tx, program.id);
  const redemption = settings.referral_advocate_reward_id ? await issueFreeReward(tx, program, referral.advocate_id, settings.referral_advocate_reward_id, now) : undefined;
  const points = settings.referral_advocate_points;
  if (points > 0) {
    await postTransfers(tx, program.id, referral.advocate_id, [
      {
        code: 'earn.action',
        idempotency_key: `referral:${referral.id}:advocate`,
        reference: { type: 'referral', id: referral.id },
        explanation: { summary: `${points} points for referring a friend whose first order cleared the return window`, inputs: { referral_id: referral.id, order_id: referral.order_id } },
        occurred_at: now,
        entries: move(points, Account.issued, Account.available),
        opensLot: { earned_at: now },
      },
    ], now);
  }
  await tx
    .updateTable('referrals')
    .set({ status: 'completed', completed_at: now, advocate_redemption_id: redemption?.id ?? null, advocate_points: points })
    .where('id', '=', referral.id)
    .execute();
  await emitEvent(tx, { programId: program.id, customerId: referral.advocate_id, type: 'referral.completed', dedupeKey: `referral:${referral.id}:completed`, data: { referral_id: referral.id, friend_id: referral.friend_id, points } }, now);
  const advocate = await lockCustomer(tx, program.id, referral.advocate_id);
  await reevaluateTiers(tx, program, [advocate], now, { reason: 'qualified', type: 'referral', ids: new Map([[advocate.id, referral.id]]) });
  return 'completed';
}

/**
 * An admin decides a flagged referral. Approving makes it pending again: the friend's reward is
 * issued, and if the first order already cleared, the advocate's too. Rejecting ends it.
 */
export async function decideReferral(deps: Deps, program: ProgramContext, id: string, decision: { approve: true } | { approve: false; reason: string }): Promise<ReferralRow> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { advocate_id: advocateId } = await getReferral(tx, program.id, id);
    await lockCustomer(tx, program.id, advocateId);
    const referral = await getReferral(tx, program.id, id, { lock: true });
    if (referral.status !== 'flagged') throw conflict('referral_not_flagged', `This referral is ${referral.status}, not flagged.`);
    if (!decision.approve) {
      return tx.updateTable('referrals').set({ status: 'rejected', rejected_reason: decision.reason, decided_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    }
    const approved = await tx.updateTable('referrals').set({ status: 'pending', decided_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await settle(tx, program, await rewardFriend(tx, program, approved, now), now);
    return getReferral(tx, program.id, id);
  });
}
