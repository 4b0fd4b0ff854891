import { resolveCustomer, recordOrderStats, type CustomerKeys } from '../customers/customer-store.ts';
import { postAwards, type PostedAward } from '../earning/award-posting.ts';
import { evaluatePurchase } from '../earning/purchase-earning.ts';
import { activeEarningRules, ruleUsage } from '../earning/rule-store.ts';
import { findOrderByExternalId, insertOrder, recordOrderPoints, type NewOrder, type OrderRow } from '../orders/order-store.ts';
import type { Deps } from '../platform/deps.ts';
import { invalidRequest } from '../platform/errors.ts';
import type { ProgramContext } from '../programs/program-store.ts';

export interface PlacedOrder {
  order: OrderRow;
  /** The awards written now; undefined when this was a replay of an order already recorded. */
  awards: PostedAward[] | undefined;
}

/**
 * An order arrives: find or create its customer, record the order once per store and external
 * id, evaluate the earning rules, and write the points, all in one transaction. A replay (even
 * many at once) finds the first order and writes nothing.
 */
export async function placeOrder(deps: Deps, program: ProgramContext, customer: CustomerKeys, input: NewOrder): Promise<PlacedOrder> {
  const storeId = program.defaultStoreId;
  const known = await findOrderByExternalId(deps.db, storeId, input.external_id);
  if (known) return { order: known, awards: undefined };
  if (input.currency !== program.currency) {
    throw invalidRequest('currency_mismatch', `This store takes orders in ${program.currency}, not ${input.currency}.`, 'currency');
  }
  const now = deps.clock.now();
  const placed = await deps.db.transaction().execute(async (tx) => {
    const { customer: row } = await resolveCustomer(tx, program.id, customer, now);
    const order = await insertOrder(tx, { programId: program.id, storeId, customerId: row.id }, input, now);
    if (!order) return undefined;
    const rules = await activeEarningRules(tx, program.id);
    const usage = await ruleUsage(tx, row.id, rules, input.placed_at);
    const awards = evaluatePurchase(rules, input, usage);
    const posted = await postAwards(
      tx,
      { programId: program.id, customerId: row.id, orderId: order.id },
      awards,
      { code: 'earn.purchase', reference: { type: 'order', id: order.id }, occurredAt: input.placed_at },
      now,
    );
    const earned = posted.reduce((s, a) => s + a.points, 0);
    await recordOrderPoints(tx, order.id, { earned });
    await recordOrderStats(tx, row.id, { orders: 1, spent: input.total, placedAt: input.placed_at });
    return { order: { ...order, points_earned: earned }, awards: posted };
  });
  if (placed) return placed;
  // A concurrent delivery of the same order committed first: answer with its result.
  return { order: (await findOrderByExternalId(deps.db, storeId, input.external_id))!, awards: undefined };
}
