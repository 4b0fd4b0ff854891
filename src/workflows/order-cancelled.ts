import { reverseOrderDonation } from '../charity/order-giving.ts';
import { lockCustomer } from '../ledger/ledger-store.ts';
import { getOrder, markCancelled, recordOrderReversal, type OrderRow } from '../orders/order-store.ts';
import type { Deps } from '../platform/deps.ts';
import type { ProgramContext } from '../programs/program-store.ts';
import { reverseOrderPoints } from './reverse-order-points.ts';
import { returnStamps } from './stamps-collected.ts';
import { reverseTierUpgrade } from './tier-evaluated.ts';
import { reverseOrderCashback } from '../cashback/cashback-reversal.ts';

/**
 * An order is cancelled: every point it still holds is taken back and it stops counting in the
 * customer's orders and spend. Cancelling twice changes nothing.
 */
export async function cancelOrder(deps: Deps, program: ProgramContext, orderId: string): Promise<OrderRow> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const { customer_id: customerId } = await getOrder(tx, program.id, orderId);
    const customer = await lockCustomer(tx, program.id, customerId);
    const order = await getOrder(tx, program.id, orderId, { lock: true });
    if (order.status === 'cancelled') return order;
    const due = order.points_earned - order.points_reversed - order.points_forgiven;
    const reversal = await reverseOrderPoints(
      tx,
      { programId: program.id, customerId, orderId: order.id, allowNegative: program.allowNegativeBalance, available: customer.points_available },
      due,
      { code: 'reverse.cancel', key: `cancel:${order.id}`, reference: { type: 'order', id: order.id }, why: `Order ${order.external_id} cancelled`, at: now },
      { orders: -1, spent: -(order.total_minor - order.refunded_minor) },
    );
    await markCancelled(tx, order.id, now);
    await reverseOrderCashback(tx, { programId: program.id, customerId, orderId: order.id, currency: order.currency }, order.cashback_minor - order.cashback_reversed_minor - order.cashback_forgiven_minor, {
      key: `cancel:${order.id}:cashback`,
      reference: { type: 'order', id: order.id },
      why: `Order ${order.external_id} cancelled`,
      at: now,
    });
    await reverseOrderDonation(tx, { customerId, orderId: order.id, refundId: `cancel:${order.id}`, share: (donated, taken) => donated - taken }, now);
    await returnStamps(tx, customerId, order.id, now);
    await reverseTierUpgrade(tx, program, customer, order.id, now);
    await recordOrderReversal(tx, order.id, { reversed: reversal.reversed, forgiven: reversal.forgiven });
    return getOrder(tx, program.id, order.id);
  });
}
