import { inSegment } from '../segments/segment-store.ts';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import { Account, move, type TransferDraft } from '../ledger/transfer.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { newCode } from '../redemptions/codes.ts';
import { countHeld, getRedemption, insertRedemption, markSettled, type RedemptionRow } from '../redemptions/redemption-store.ts';
import { reserveTransferKey, settlementDrafts } from '../redemptions/settlement.ts';
import { assertCauseActive, recordDonation } from '../charity/charity-store.ts';
import { offerIsTheirs } from '../experiments/experiment-store.ts';
import type { Tx } from '../platform/db/database.ts';
import { formatMoney } from '../platform/money.ts';
import { emitEvent } from '../program-events/program-event-store.ts';
import { assertRedeemable, priceRedemption, SETTLED_AT_ONCE, WITH_CODE, type Discount, type Reward } from '../rewards/reward.ts';
import { tierRanks } from '../tiers/tier-store.ts';
import { memberBenefits } from './member-benefits.ts';
import { getReward, takeStock } from '../rewards/reward-store.ts';

const DAY_MS = 86_400_000;

/** Codes are in the currency of the store that issues them; store credit and donations in the program's. */
const currencyOf = (reward: Reward, program: ProgramContext) => (SETTLED_AT_ONCE.has(reward.type) ? program.currency : program.storeCurrency);

/**
 * A customer redeems a reward: the reward's conditions are checked, its points leave the
 * available balance at once (reserved, two-phase), and a code is issued. The customer's row lock
 * makes balance check and reservation one step, so parallel redemptions can never overdraw.
 */
export async function redeemReward(deps: Deps, program: ProgramContext, customerId: string, request: { reward_id: string; points?: number }): Promise<RedemptionRow> {
  const now = deps.clock.now();
  // The reward is read beside the transaction, while it locks the customer: one wait fewer.
  // (Its stock is taken under the lock below.)
  const rewardRead = getReward(deps.db, program.id, request.reward_id);
  rewardRead.catch(() => {});
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomer(tx, program.id, customerId);
    const reward = await rewardRead;
    const perks = reward.min_tier_id || reward.membership_plan_id ? (await memberBenefits(tx, program.id, [customer], now)).get(customerId) : undefined;
    const tierRank = reward.min_tier_id ? await tierRanks(tx, program.id, perks!.tierId, reward.min_tier_id) : undefined;
    const alreadyRedeemed = reward.once_per_customer ? await countHeld(tx, customerId, reward.id) : 0;
    const inSegmentNow = reward.segment_id ? await inSegment(tx, program.id, reward.segment_id, customerId, now) : undefined;
    const inVariant = await offerIsTheirs(tx, program.id, customerId, (o) => o.rewardId === reward.id);
    assertRedeemable(reward, { now, customerTags: customer.tags, alreadyRedeemed, tierRank, planIds: perks?.planIds ?? [], inSegment: inSegmentNow, inVariant });
    const { points, discount } = priceRedemption(reward, currencyOf(reward, program), request.points);
    if (customer.points_available < points) {
      throw new RegularsError('invalid_request', 'insufficient_points', `This reward costs ${points} points; the customer has ${customer.points_available} available.`, 'points');
    }
    await takeStock(tx, reward);
    return issue(tx, program, customerId, reward, points, discount, now);
  });
}

/**
 * Issues a reward for free, in the caller's transaction (the customer is locked): a tier's entry
 * reward. Conditions and stock do not apply; an archived reward is not issued.
 */
export async function issueFreeReward(tx: Tx, program: ProgramContext, customerId: string, rewardId: string, now: Date): Promise<RedemptionRow | undefined> {
  const reward = await getReward(tx, program.id, rewardId);
  if (reward.status !== 'active' || reward.points_cost === undefined) return undefined;
  const { discount } = priceRedemption(reward, currencyOf(reward, program), undefined);
  return issue(tx, program, customerId, reward, 0, discount, now);
}

async function issue(tx: Tx, program: ProgramContext, customerId: string, reward: Reward, points: number, discount: Discount, now: Date): Promise<RedemptionRow> {
  const redemption = await insertRedemption(
    tx,
    {
      programId: program.id,
      storeId: program.storeId,
      customerId,
      rewardId: reward.id,
      points,
      code: WITH_CODE.has(reward.type) ? newCode(program.codePrefix) : null,
      discount,
      expiresAt: reward.code_validity_days !== undefined ? new Date(now.getTime() + reward.code_validity_days * DAY_MS) : null,
    },
    now,
  );
  if (points > 0) {
    await postTransfers(tx, program.id, customerId, [
      {
        code: 'redeem.reserve',
        idempotency_key: reserveTransferKey(redemption.id),
        reference: { type: 'redemption', id: redemption.id },
        explanation: { summary: `${points} points reserved for ${reward.name}`, inputs: { reward_id: reward.id, points } },
        occurred_at: now,
        entries: move(points, Account.available, Account.reserved),
      },
    ], now);
  }
  // What the reward_redeemed email (and, with issue 16, a webhook) starts from, written with the redemption.
  await emitEvent(tx, { programId: program.id, customerId, type: 'redemption.created', dedupeKey: `redemption.created:${redemption.id}`, data: { redemption_id: redemption.id, reward_id: reward.id, reward_name: reward.name, points, has_code: redemption.code !== null } }, now);
  if (reward.type === 'custom') {
    // The store fulfils custom rewards: it learns of them from this event, then marks them used.
    await emitEvent(tx, { programId: program.id, customerId, type: 'reward.redeemed', dedupeKey: `reward.redeemed:${redemption.id}`, data: { redemption_id: redemption.id, reward_id: reward.id, reward_name: reward.name, points } }, now);
  }
  if (!SETTLED_AT_ONCE.has(reward.type)) return redemption;
  return settleAtOnce(tx, program, redemption, discount, reward.name, now);
}

/**
 * Store credit and charity rewards are used the moment they are redeemed: the reserved points
 * are spent, and the credit lands in the customer's wallet or the donation is recorded, in the
 * same transaction.
 */
async function settleAtOnce(tx: Tx, program: ProgramContext, redemption: RedemptionRow, discount: Discount, rewardName: string, now: Date): Promise<RedemptionRow> {
  const money = formatMoney(discount.amount!, program.currency);
  const drafts: TransferDraft[] = settlementDrafts(redemption, 'use', true, now, rewardName);
  if (discount.type === 'store_credit' && discount.amount! > 0) {
    drafts.push({
      code: 'credit.issue',
      idempotency_key: `redemption:${redemption.id}:credit`,
      reference: { type: 'redemption', id: redemption.id },
      explanation: { summary: `${money} of store credit for ${redemption.points} points (${rewardName})`, inputs: { amount: discount.amount, points: redemption.points } },
      occurred_at: now,
      entries: move(discount.amount!, Account.storeCreditIssued, Account.storeCredit),
    });
  } else {
    await assertCauseActive(tx, program.id, discount.cause_id!);
    await recordDonation(tx, { programId: program.id, customerId: redemption.customer_id, causeId: discount.cause_id!, redemptionId: redemption.id, points: redemption.points, amount: discount.amount ?? 0, currency: program.currency }, now);
  }
  if (drafts.length > 0) await postTransfers(tx, program.id, redemption.customer_id, drafts, now);
  await markSettled(tx, [redemption.id], { status: 'used', order_id: null }, now);
  return getRedemption(tx, program.id, redemption.id);
}
