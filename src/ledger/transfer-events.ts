import type { OutboxEvent } from '../platform/outbox.ts';
import { Account, type PostedTransfer, type TransferCode } from './transfer.ts';

/**
 * The program event each kind of transfer announces. Reservations, cashback and opening balances
 * are announced by what makes them (`redemption.created`, `cashback.earned`; imports are history).
 */
const announced: Partial<Record<TransferCode, string>> = {
  'adjust.manual': 'points.adjusted',
  'reverse.refund': 'points.reversed',
  'reverse.cancel': 'points.reversed',
  'release.hold': 'points.released',
  'expire.points': 'points.expired',
  'credit.issue': 'store_credit.issued',
  'credit.spend': 'store_credit.spent',
  'credit.return': 'store_credit.returned',
  'cashback.reverse': 'cashback.reversed',
};

/** A customer's balances after their posting. */
export interface BalancesAfter {
  points_available: number;
  points_pending: number;
  store_credit_minor: number;
}

const change = (t: PostedTransfer, account: Account) => t.entries.filter((e) => e.account === account).reduce((sum, e) => sum + e.amount, 0);

function typeOf(t: PostedTransfer): string | undefined {
  if (t.code.startsWith('earn.')) return change(t, Account.available) > 0 ? 'points.earned' : change(t, Account.pending) > 0 ? 'points.pending' : undefined;
  return announced[t.code];
}

/**
 * The events of one customer's transfers, each with its change, the balances right after it and
 * the reason the ledger recorded. Balances after earlier transfers of the same posting are the
 * final ones less what the later transfers moved.
 */
export function transferEvents(programId: string, customerId: string, posted: PostedTransfer[], after: BalancesAfter): OutboxEvent[] {
  let available = after.points_available;
  let pending = after.points_pending;
  let credit = after.store_credit_minor;
  const events: OutboxEvent[] = [];
  for (const t of [...posted].reverse()) {
    const type = typeOf(t);
    const moved = { points: change(t, Account.available), pending_points: change(t, Account.pending), store_credit_minor: change(t, Account.storeCredit) + change(t, Account.storeCreditPending) };
    if (type) {
      const balances = type.startsWith('store_credit.') || type.startsWith('cashback.') ? { amount_minor: moved.store_credit_minor, store_credit_balance_minor: credit } : { points: moved.points, pending_points: moved.pending_points, balance: available, pending_balance: pending };
      events.push({ programId, customerId, type, dedupeKey: `transfer:${t.id}`, data: { transfer_id: t.id, ...balances, reason: t.explanation.summary, reference: t.reference, occurred_at: t.occurred_at.toISOString() } });
    }
    available -= moved.points;
    pending -= moved.pending_points;
    credit -= change(t, Account.storeCredit);
  }
  return events.reverse();
}
