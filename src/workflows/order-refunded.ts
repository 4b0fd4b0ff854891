import { lockCustomer } from '../ledger/ledger-store.ts';
import { reverseOrderDonation } from '../charity/order-giving.ts';
import { findRefund, getOrder, insertRefund, recordOrderReversal, refundsOf, type RefundRow } from '../orders/order-store.ts';
import { clawbackDue, dueBack, paidMerchandise, refundAmount, type RefundableOrder, type RefundLine } from '../orders/refund-share.ts';
import { reverseOrderCashback } from '../cashback/cashback-reversal.ts';
import { formatMoney } from '../platform/money.ts';
import type { Deps } from '../platform/deps.ts';
import { conflict } from '../platform/errors.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { reverseOrderPoints } from './reverse-order-points.ts';
import { reverseTierUpgrade } from './tier-evaluated.ts';

export interface RefundRequest {
  external_id: string;
  amount?: number;
  line_items?: RefundLine[];
}

/**
 * A refund arrives: record it once per order and external id, take back the order's points in
 * proportion to the merchandise refunded (see `clawbackDue`) and reverse the tier upgrade the
 * order caused if the metric no longer reaches it, in one transaction.
 */
export async function refundOrder(deps: Deps, program: ProgramContext, orderId: string, request: RefundRequest): Promise<{ refund: RefundRow; created: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { customer_id: customerId } = await getOrder(tx, program.id, orderId);
    const customer = await lockCustomer(tx, program.id, customerId);
    const order = await getOrder(tx, program.id, orderId, { lock: true });
    const known = await findRefund(tx, order.id, customerId, request.external_id);
    if (known) return { refund: known, created: false };
    if (order.status === 'cancelled') throw conflict('order_cancelled', 'This order was cancelled; its points were already taken back.');

    const refundable: RefundableOrder = { ...order, subtotal: order.subtotal_minor, discount: order.discount_minor, refunded: order.refunded_minor };
    const previous = await refundsOf(tx, customerId, order.id);
    const amount = refundAmount(refundable, request, previous.flatMap((r) => (r.line_items as RefundLine[] | null) ?? []));
    const due = clawbackDue(refundable, amount);
    const refund = await insertRefund(
      tx,
      { program_id: program.id, customer_id: customerId, order_id: order.id, external_id: request.external_id, amount_minor: amount, line_items: request.line_items ?? null, points_reversed: 0, points_forgiven: 0 },
      now,
    );
    if (!refund) throw conflict('concurrent_update', 'This refund was recorded concurrently; retry to read it.');
    const reversal = await reverseOrderPoints(
      tx,
      { programId: program.id, customerId, orderId: order.id, allowNegative: program.allowNegativeBalance, available: customer.points_available },
      due,
      { code: 'reverse.refund', key: `refund:${refund.id}`, reference: { type: 'refund', id: refund.id }, why: `Refund of ${formatMoney(amount, order.currency)} of ${formatMoney(paidMerchandise(refundable), order.currency)} paid on order ${order.external_id}`, at: now },
      { orders: 0, spent: -amount },
    );
    await tx.updateTable('refunds').set({ points_reversed: reversal.reversed, points_forgiven: reversal.forgiven }).where('id', '=', refund.id).execute();
    await recordOrderReversal(tx, order.id, { reversed: reversal.reversed, forgiven: reversal.forgiven, refunded: amount });
    const cashbackBack = dueBack(order.cashback_minor, order.cashback_reversed_minor + order.cashback_forgiven_minor, paidMerchandise(refundable), refundable.refunded + amount);
    await reverseOrderCashback(tx, { programId: program.id, customerId, orderId: order.id, currency: order.currency }, cashbackBack, {
      key: `refund:${refund.id}:cashback`,
      reference: { type: 'refund', id: refund.id },
      why: `Refund on order ${order.external_id}`,
      at: now,
    });
    await reverseTierUpgrade(tx, program, customer, order.id, now);
    const paid = paidMerchandise(refundable);
    await reverseOrderDonation(tx, { customerId, orderId: order.id, refundId: refund.id, share: (donated, taken) => dueBack(donated, taken, paid, refundable.refunded + amount) }, now);
    return { refund: { ...refund, points_reversed: reversal.reversed, points_forgiven: reversal.forgiven }, created: true };
  });
}
