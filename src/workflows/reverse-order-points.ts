import type { Tx } from '../platform/db/database.ts';
import { heldPointsOfOrder, reduceHold } from '../ledger/holds.ts';
import { postTransfers, type OrderStats } from '../ledger/ledger-store.ts';
import { Account, type Entry, type TransferDraft } from '../ledger/transfer.ts';

export interface Reversal {
  reversed: number;
  forgiven: number;
  transaction_id: string | null;
}

/**
 * Takes `points` of an order's award back, in one transfer: first from the order's points still
 * on hold, then from the available balance. Where the program does not allow negative balances,
 * points already spent are forgiven rather than taken, and the explanation says so. The order's
 * effect on the customer's order statistics moves in the same statement.
 */
export async function reverseOrderPoints(
  tx: Tx,
  ctx: { programId: string; customerId: string; orderId: string; allowNegative: boolean; available: number },
  points: number,
  transfer: { code: 'reverse.refund' | 'reverse.cancel'; key: string; reference: { type: string; id: string }; why: string; at: Date },
  orderStats: OrderStats,
): Promise<Reversal> {
  const entries: Entry[] = [];
  let left = points;
  for (const hold of await heldPointsOfOrder(tx, ctx.customerId, ctx.orderId)) {
    const take = Math.min(hold.points_remaining, left);
    if (take === 0) break;
    await reduceHold(tx, ctx.customerId, hold.transfer_id, take);
    entries.push({ account: Account.pending, amount: -take });
    left -= take;
  }
  const fromAvailable = ctx.allowNegative ? left : Math.min(left, Math.max(0, ctx.available));
  if (fromAvailable > 0) entries.push({ account: Account.available, amount: -fromAvailable });
  const forgiven = Math.max(0, left - fromAvailable);
  const reversed = Math.max(0, points) - forgiven;
  const fromPending = reversed - fromAvailable;
  const parts = [fromPending && `${fromPending} pending`, fromAvailable && `${fromAvailable} available`].filter(Boolean).join(' and ');
  const forgivenNote = forgiven ? `; ${forgiven} already spent and forgiven (balance may not go below zero)` : '';
  const drafts: TransferDraft[] =
    reversed > 0
      ? [
          {
            code: transfer.code,
            idempotency_key: transfer.key,
            reference: transfer.reference,
            explanation: { summary: `${transfer.why}: ${reversed} points taken back (${parts})${forgivenNote}`, inputs: { due: points, from_pending: fromPending, from_available: fromAvailable, forgiven, order_id: ctx.orderId } },
            occurred_at: transfer.at,
            entries: [...entries, { account: Account.issued, amount: reversed }],
            takesFrom: { preferOrder: ctx.orderId },
          },
        ]
      : [];
  const [posted] = await postTransfers(tx, ctx.programId, ctx.customerId, drafts, transfer.at, { allowNegative: ctx.allowNegative, orderStats });
  return { reversed, forgiven, transaction_id: posted?.id ?? null };
}
