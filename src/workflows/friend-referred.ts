import { resolveCustomer, type CustomerKeys } from '../customers/customer-store.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { conflict, invalidRequest } from '../platform/errors.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { firstOrderFlags, signupFlags } from '../referrals/fraud.ts';
import { advocateByCode, advocateTraces, insertReferral, referralOfFriend, referralsFromIpThisWeek, type ReferralRow } from '../referrals/referral-store.ts';
import { issueFreeReward } from './reward-redeemed.ts';

const DAY_MS = 86_400_000;

export interface ReferralRequest {
  code: string;
  friend: CustomerKeys;
  ip_hash?: string;
  device_hash?: string;
}

/**
 * A friend arrives with an advocate's code: the referral is recorded once per friend, checked for
 * fraud, and, unless flagged, the friend's reward is issued at once. The same friend and code
 * again answers the first referral.
 */
export async function referFriend(deps: Deps, program: ProgramContext, request: ReferralRequest): Promise<{ referral: ReferralRow; created: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const advocate = await advocateByCode(tx, program.id, request.code);
    if (!advocate) throw invalidRequest('referral_code_unknown', 'No customer has this referral code.', 'code');
    const { customer: friend } = await resolveCustomer(tx, program.id, request.friend, now);
    const known = await referralOfFriend(tx, program.id, friend.id);
    if (known) {
      if (known.advocate_id === advocate.id) return { referral: known, created: false };
      throw conflict('already_referred', 'This customer was already referred by someone else.', 'friend');
    }
    const settings = await referralSettings(tx, program.id);
    const flags = signupFlags({
      advocate: await advocateTraces(tx, advocate),
      friend,
      ...(request.ip_hash ? { ip_hash: request.ip_hash } : {}),
      ...(request.device_hash ? { device_hash: request.device_hash } : {}),
      referralsFromIp: request.ip_hash ? await referralsFromIpThisWeek(tx, program.id, request.ip_hash, now) : 0,
      ipLimitPerWeek: settings.referral_ip_limit_per_week,
    });
    const referral = await insertReferral(tx, {
      program_id: program.id,
      advocate_id: advocate.id,
      friend_id: friend.id,
      code: request.code.trim().toUpperCase(),
      status: flags.length > 0 ? 'flagged' : 'pending',
      flags,
      ip_hash: request.ip_hash ?? null,
      device_hash: request.device_hash ?? null,
      created_at: now,
    });
    if (!referral) throw conflict('concurrent_update', 'This friend was referred concurrently; retry to read it.');
    await emitEvent(tx, { programId: program.id, customerId: advocate.id, type: flags.length ? 'referral.flagged' : 'referral.created', dedupeKey: `referral:${referral.id}:created`, data: { referral_id: referral.id, friend_id: friend.id, flags } }, now);
    return { referral: flags.length ? referral : await rewardFriend(tx, program, referral, now), created: true };
  });
}

export async function referralSettings(tx: Db | Tx, programId: string) {
  return tx
    .selectFrom('programs')
    .select(['referral_friend_reward_id', 'referral_advocate_reward_id', 'referral_advocate_points', 'referral_hold_days', 'referral_ip_limit_per_week', 'referral_link_base'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
}

/** The friend's reward (once), when the program has one. */
export async function rewardFriend(tx: Tx, program: ProgramContext, referral: ReferralRow, now: Date): Promise<ReferralRow> {
  if (referral.friend_redemption_id) return referral;
  const { referral_friend_reward_id: rewardId } = await referralSettings(tx, program.id);
  const redemption = rewardId ? await issueFreeReward(tx, program, referral.friend_id, rewardId, now) : undefined;
  if (!redemption) return referral;
  return tx.updateTable('referrals').set({ friend_redemption_id: redemption.id }).where('id', '=', referral.id).returningAll().executeTakeFirstOrThrow();
}

/**
 * A referred friend's first order (in the order's transaction): the referral waits for the hold
 * to pass, and the order is checked for the advocate's address, browser or device.
 */
export async function linkFirstOrders(tx: Tx, orders: { programId: string; customerId: string; order: { id: string; placed_at: Date; ip_hash: string | null; device_hash: string | null; shipping_address_hash: string | null } }[]): Promise<void> {
  if (orders.length === 0) return;
  const referrals = await tx
    .selectFrom('referrals')
    .selectAll()
    .where('friend_id', 'in', orders.map((o) => o.customerId))
    .where('order_id', 'is', null)
    .where('status', 'in', ['pending', 'flagged'])
    .forUpdate()
    .execute();
  for (const referral of referrals) {
    const { order } = orders.find((o) => o.customerId === referral.friend_id && o.programId === referral.program_id)!;
    const advocate = await tx.selectFrom('customers').select(['id', 'program_id', 'email']).where('id', '=', referral.advocate_id).executeTakeFirstOrThrow();
    const flags = firstOrderFlags(await advocateTraces(tx, advocate), order);
    const { referral_hold_days: holdDays } = await referralSettings(tx, referral.program_id);
    await tx
      .updateTable('referrals')
      .set({
        order_id: order.id,
        completes_at: new Date(new Date(order.placed_at).getTime() + holdDays * DAY_MS),
        flags: [...new Set([...referral.flags, ...flags])],
        status: flags.length > 0 ? 'flagged' : referral.status,
      })
      .where('id', '=', referral.id)
      .execute();
  }
}
