import { Account, move, type TransferDraft } from '../ledger/transfer.ts';
import type { RedemptionRow } from './redemption-store.ts';

/**
 * The transfer that ends a reservation: its points are spent, or come back to the customer. A
 * free redemption (a tier's entry reward) reserved no points and needs none.
 */
export function settlementDrafts(redemption: RedemptionRow, outcome: 'use' | 'void' | 'expire', returnPoints: boolean, at: Date, why: string): TransferDraft[] {
  if (redemption.points === 0) return [];
  const spent = outcome === 'use' || (outcome === 'expire' && !returnPoints);
  const returned = spent ? {} : { restoresLotsOf: reserveTransferKey(redemption.id) };
  const summary = spent
    ? `${redemption.points} reserved points spent: ${why}`
    : `${redemption.points} reserved points returned: ${why}`;
  const draft: TransferDraft = {
    code: outcome === 'use' ? 'redeem.use' : outcome === 'void' ? 'redeem.void' : 'redeem.expire',
    idempotency_key: `redemption:${redemption.id}:${outcome}`,
    reference: { type: 'redemption', id: redemption.id },
    explanation: { summary, inputs: { redemption_id: redemption.id, reward_id: redemption.reward_id, code: redemption.code } },
    occurred_at: at,
    entries: move(redemption.points, Account.reserved, spent ? Account.redeemed : Account.available),
    ...returned,
  };
  return [draft];
}

/** The idempotency key of the transfer that reserved a redemption's points. */
export function reserveTransferKey(redemptionId: string): string {
  return `redemption:${redemptionId}:reserve`;
}
