import { Account, move, type TransferDraft } from '../ledger/transfer.ts';
import type { RedemptionRow } from './redemption-store.ts';

/** The transfer that ends a reservation: its points are spent, or come back to the customer. */
export function settlementDraft(redemption: RedemptionRow, outcome: 'use' | 'void' | 'expire', returnPoints: boolean, at: Date, why: string): TransferDraft {
  const spent = outcome === 'use' || (outcome === 'expire' && !returnPoints);
  const returned = spent ? {} : { restoresLotsOf: reserveTransferKey(redemption.id) };
  const summary = spent
    ? `${redemption.points} reserved points spent: ${why}`
    : `${redemption.points} reserved points returned: ${why}`;
  return {
    code: outcome === 'use' ? 'redeem.use' : outcome === 'void' ? 'redeem.void' : 'redeem.expire',
    idempotency_key: `redemption:${redemption.id}:${outcome}`,
    reference: { type: 'redemption', id: redemption.id },
    explanation: { summary, inputs: { redemption_id: redemption.id, reward_id: redemption.reward_id, code: redemption.code } },
    occurred_at: at,
    entries: move(redemption.points, Account.reserved, spent ? Account.redeemed : Account.available),
    ...returned,
  };
}

/** The idempotency key of the transfer that reserved a redemption's points. */
export function reserveTransferKey(redemptionId: string): string {
  return `redemption:${redemptionId}:reserve`;
}
