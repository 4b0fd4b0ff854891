import { sql } from 'kysely';
import type { Tx } from '../platform/db/database.ts';
import { formatMoney } from '../platform/money.ts';
import { heldPointsOfOrder, reduceHold } from '../ledger/holds.ts';
import { postTransfers } from '../ledger/ledger-store.ts';
import { Account, type Entry } from '../ledger/transfer.ts';

/**
 * Takes back `due` of an order's cashback: first what is still pending, then the store credit
 * balance, which never goes below zero (what was already spent is forgiven). Records both on the
 * order for the next refund's arithmetic.
 */
export async function reverseOrderCashback(
  tx: Tx,
  ctx: { programId: string; customerId: string; orderId: string; currency: string },
  due: number,
  transfer: { key: string; reference: { type: string; id: string }; why: string; at: Date },
): Promise<{ reversed: number; forgiven: number }> {
  if (due <= 0) return { reversed: 0, forgiven: 0 };
  const entries: Entry[] = [];
  let left = due;
  for (const hold of await heldPointsOfOrder(tx, ctx.customerId, ctx.orderId, Account.storeCreditPending)) {
    const take = Math.min(hold.points_remaining, left);
    if (take === 0) break;
    await reduceHold(tx, ctx.customerId, hold.transfer_id, take);
    entries.push({ account: Account.storeCreditPending, amount: -take });
    left -= take;
  }
  const { store_credit_minor: balance } = await tx.selectFrom('customers').select('store_credit_minor').where('id', '=', ctx.customerId).executeTakeFirstOrThrow();
  const fromCredit = Math.min(left, balance);
  if (fromCredit > 0) entries.push({ account: Account.storeCredit, amount: -fromCredit });
  const forgiven = left - fromCredit;
  const reversed = due - forgiven;
  if (reversed > 0) {
    const money = (m: number) => formatMoney(m, ctx.currency);
    const note = forgiven > 0 ? `; ${money(forgiven)} already spent and forgiven` : '';
    await postTransfers(tx, ctx.programId, ctx.customerId, [
      {
        code: 'cashback.reverse',
        idempotency_key: transfer.key,
        reference: transfer.reference,
        explanation: { summary: `${transfer.why}: ${money(reversed)} of cashback taken back${note}`, inputs: { due, forgiven, order_id: ctx.orderId } },
        occurred_at: transfer.at,
        entries: [...entries, { account: Account.storeCreditIssued, amount: reversed }],
      },
    ], transfer.at);
  }
  await tx
    .updateTable('orders')
    .set({ cashback_reversed_minor: sql`cashback_reversed_minor + ${reversed}`, cashback_forgiven_minor: sql`cashback_forgiven_minor + ${forgiven}` })
    .where('id', '=', ctx.orderId)
    .execute();
  return { reversed, forgiven };
}
