import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { lockCustomer, postTransfers } from '../ledger/ledger-store.ts';
import { Account, move } from '../ledger/transfer.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { newCode } from '../redemptions/codes.ts';
import { countHeld, insertRedemption, type RedemptionRow } from '../redemptions/redemption-store.ts';
import { reserveTransferKey } from '../redemptions/settlement.ts';
import { assertRedeemable, priceRedemption } from '../rewards/reward.ts';
import { getReward, takeStock } from '../rewards/reward-store.ts';

const DAY_MS = 86_400_000;
const CODE_TYPES = new Set(['percent_off', 'amount_off', 'free_shipping', 'free_product']);

/**
 * A customer redeems a reward: the reward's conditions are checked, its points leave the
 * available balance at once (reserved, two-phase), and a code is issued. The customer's row lock
 * makes balance check and reservation one step, so parallel redemptions can never overdraw.
 */
export async function redeemReward(deps: Deps, program: ProgramContext, customerId: string, request: { reward_id: string; points?: number }): Promise<RedemptionRow> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const customer = await lockCustomer(tx, program.id, customerId);
    const reward = await getReward(tx, program.id, request.reward_id);
    assertRedeemable(reward, { now, customerTags: customer.tags, alreadyRedeemed: reward.once_per_customer ? await countHeld(tx, customerId, reward.id) : 0 });
    const { points, discount } = priceRedemption(reward, program.currency, request.points);
    if (customer.points_available < points) {
      throw new RegularsError('invalid_request', 'insufficient_points', `This reward costs ${points} points; the customer has ${customer.points_available} available.`, 'points');
    }
    await takeStock(tx, reward);
    const redemption = await insertRedemption(
      tx,
      {
        programId: program.id,
        customerId,
        rewardId: reward.id,
        points,
        code: CODE_TYPES.has(reward.type) ? newCode(program.codePrefix) : null,
        discount,
        expiresAt: reward.code_validity_days !== undefined ? new Date(now.getTime() + reward.code_validity_days * DAY_MS) : null,
      },
      now,
    );
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
    return redemption;
  });
}
