import { newId } from '../platform/ids.ts';
import { Account, type PostedTransfer, type TransferCode, type TransferDraft } from './transfer.ts';

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

const change = (t: TransferDraft, account: Account) => t.entries.filter((e) => e.account === account).reduce((sum, e) => sum + e.amount, 0);

function typeOf(t: TransferDraft): string | null {
  if (t.code.startsWith('earn.')) return change(t, Account.available) > 0 ? 'points.earned' : change(t, Account.pending) > 0 ? 'points.pending' : null;
  return announced[t.code] ?? null;
}

/** What a transfer moves on the customer's balances, and the event it announces (without the balances after, which the posting statement adds). */
export interface TransferMove {
  n: number;
  transfer_id: string;
  program_id: string;
  customer_id: string;
  event_id: string;
  type: string | null;
  available: number;
  pending: number;
  credit: number;
  data: Record<string, unknown>;
}

/** Each transfer of a posting in order, for the statement that posts them (ledger-store.ts). */
export function transferMoves(programId: string, customerId: string, transfers: PostedTransfer[], first: number, at: Date): TransferMove[] {
  return transfers.map((t, i) => {
    const type = typeOf(t);
    const moved = { available: change(t, Account.available), pending: change(t, Account.pending), credit: change(t, Account.storeCredit) };
    const amounts = type?.startsWith('store_credit.') || type?.startsWith('cashback.') ? { amount_minor: moved.credit + change(t, Account.storeCreditPending) } : { points: moved.available, pending_points: moved.pending };
    return {
      n: first + i,
      transfer_id: t.id,
      program_id: programId,
      customer_id: customerId,
      event_id: type ? newId('evt', at.getTime()) : '',
      type,
      ...moved,
      data: type ? { transfer_id: t.id, ...amounts, reason: t.explanation.summary, reference: t.reference, occurred_at: t.occurred_at.toISOString() } : {},
    };
  });
}
