import { resolveCustomer, type CustomerKeys } from '../customers/customer-store.ts';
import { postAwards, type PostedAward } from '../earning/award-posting.ts';
import { evaluatePurchase } from '../earning/purchase-earning.ts';
import { activeEarningRules, ruleUsage } from '../earning/rule-store.ts';
import { findOrderByExternalId, insertOrder, type NewOrder, type OrderRow } from '../orders/order-store.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import type { ProgramContext } from '../programs/program-store.ts';

export interface PlacedOrder {
  order: OrderRow;
  /** The awards written now; undefined when this was a replay of an order already recorded. */
  awards: PostedAward[] | undefined;
}

/**
 * An order arrives: find or create its customer, evaluate the earning rules, record the order
 * once per store and external id, and write its points and the customer's order statistics,
 * all in one transaction. A replay (even many at once) finds the first order and writes nothing.
 */
export async function placeOrder(deps: Deps, program: ProgramContext, customer: CustomerKeys, input: NewOrder): Promise<PlacedOrder> {
  if (input.currency !== program.currency) {
    throw invalidRequest('currency_mismatch', `This store takes orders in ${program.currency}, not ${input.currency}.`, 'currency');
  }
  const storeId = program.defaultStoreId;
  const now = deps.clock.now();
  const placed = await deps.db.transaction().execute(async (tx) => {
    const { customer: row } = await resolveCustomer(tx, program.id, customer, now);
    const rules = await activeEarningRules(tx, program.id);
    const awards = evaluatePurchase(rules, input, await ruleUsage(tx, row.id, rules, input.placed_at));
    const pointsEarned = awards.reduce((s, a) => s + a.points, 0);
    const order = await insertOrder(tx, { programId: program.id, storeId, customerId: row.id }, input, pointsEarned, now);
    if (!order) return undefined;
    const posted = await postAwards(
      tx,
      { programId: program.id, customerId: row.id, orderId: order.id },
      awards,
      { code: 'earn.purchase', reference: { type: 'order', id: order.id }, occurredAt: input.placed_at },
      now,
      { orders: 1, spent: input.total, placedAt: input.placed_at },
    );
    return { order, awards: posted };
  });
  if (placed) return placed;
  // The order was recorded before (a replay, or a concurrent delivery that committed first).
  return { order: (await findOrderByExternalId(deps.db, storeId, input.external_id))!, awards: undefined };
}
