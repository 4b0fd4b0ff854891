import type { ConnectionRow } from '../connections/connection-store.ts';
import { keepStoreRefund, saveStoreOrderState, storeOrderState, waitingRefunds, type StoreOrderState } from '../connections/store-order-state.ts';
import { decideOrder, type StoreOrder, type StoreRefund } from '../connections/store-order.ts';
import type { CustomerKeys } from '../customers/customer-store.ts';
import { getOrder } from '../orders/order-store.ts';
import type { Deps } from '../platform/deps.ts';
import { RegularsError } from '../platform/errors.ts';
import { loadProgramContext, type ProgramContext } from '../programs/program-store.ts';
import { cancelOrder } from './order-cancelled.ts';
import { placeOrders } from './order-placed.ts';
import { refundOrder } from './order-refunded.ts';

export type SnapshotOutcome = 'stale' | 'awarded' | 'updated' | 'cancelled' | 'waiting' | 'excluded';

/**
 * A store order as the platform last showed it (a webhook body, or a page of reconciliation).
 * State, not events: an older snapshot than the one applied changes nothing; a newer one moves the
 * order forward through the order, refund and cancel workflows, which are idempotent on the store's
 * order and refund ids, so a delivery applied twice (or by two instances) awards and claws back once.
 * The caller holds the order's subject lock, so snapshots of one order are applied one at a time.
 */
export async function applyOrderSnapshot(deps: Deps, connection: ConnectionRow, order: StoreOrder): Promise<SnapshotOutcome> {
  const now = deps.clock.now();
  const state = await storeOrderState(deps.db, connection.id, order.externalId);
  if (state?.snapshot_updated_at && order.updatedAt && order.updatedAt < new Date(state.snapshot_updated_at)) return 'stale';
  const program = await loadProgramContext(deps.db, connection.program_id, connection.store_id);
  const save = (next: Pick<StoreOrderState, 'state' | 'order_id' | 'reason'>) =>
    saveStoreOrderState(deps.db, { connection_id: connection.id, external_id: order.externalId, snapshot_updated_at: latest(state?.snapshot_updated_at, order.updatedAt), ...next }, now);

  if (state?.order_id) {
    // Recorded here before: a cancel takes back what the order holds; refunds take back their share.
    if (order.cancelled && state.state !== 'cancelled') {
      await cancelOrder(deps, program, state.order_id);
      await save({ ...state, state: 'cancelled', reason: null });
      return 'cancelled';
    }
    for (const refund of order.refunds) await applyRefund(deps, connection, program, state.order_id, refund);
    await save(state);
    return 'updated';
  }
  if (order.cancelled) {
    await save({ state: 'cancelled', order_id: null, reason: 'cancelled before it earned' });
    return 'cancelled';
  }
  const decision = decideOrder(connection, order);
  if (!decision.award) {
    await save({ state: decision.state, order_id: null, reason: decision.reason });
    for (const refund of order.refunds) await keepStoreRefund(deps.db, connection.id, refund, now, false);
    return decision.state;
  }
  const placed = await place(deps, program, order);
  await save({ state: 'awarded', order_id: placed.id, reason: null });
  for (const refund of [...(await waitingRefunds(deps.db, connection.id, order.externalId)), ...order.refunds]) await applyRefund(deps, connection, program, placed.id, refund);
  return 'awarded';
}

/**
 * A refund the store reported on its own (Shopify's refunds/create): applied to its order if the
 * order earned here, kept until it does otherwise (a refund can arrive before its order).
 */
export async function applyStoreRefund(deps: Deps, connection: ConnectionRow, refund: StoreRefund): Promise<'applied' | 'kept'> {
  const state = await storeOrderState(deps.db, connection.id, refund.orderExternalId);
  if (!state?.order_id) {
    await keepStoreRefund(deps.db, connection.id, refund, deps.clock.now(), false);
    return 'kept';
  }
  await applyRefund(deps, connection, await loadProgramContext(deps.db, connection.program_id, connection.store_id), state.order_id, refund);
  return 'applied';
}

/** The store deleted (trashed) an order: what it earned here is taken back, as for a cancel. */
export async function withdrawStoreOrder(deps: Deps, connection: ConnectionRow, externalId: string): Promise<void> {
  const state = await storeOrderState(deps.db, connection.id, externalId);
  if (!state?.order_id || state.state === 'cancelled') return;
  await cancelOrder(deps, await loadProgramContext(deps.db, connection.program_id, connection.store_id), state.order_id);
  await saveStoreOrderState(deps.db, { ...state, state: 'cancelled', reason: 'deleted in the store' }, deps.clock.now());
}

async function place(deps: Deps, program: ProgramContext, order: StoreOrder) {
  const customer: CustomerKeys = order.customer ? { external_id: order.customer.externalId, email: order.customer.email ?? order.email } : { email: order.email };
  const [outcome] = await placeOrders(deps, [
    {
      program,
      customer,
      order: {
        external_id: order.externalId,
        currency: order.currency,
        subtotal: order.subtotal,
        total: order.total,
        shipping: order.shipping,
        tax: order.tax,
        discount: order.discount,
        line_items: order.lineItems,
        discount_codes: order.discountCodes,
        placed_at: order.createdAt,
        metadata: { source: 'connection', channel: order.channel },
      },
    },
  ]);
  if (!outcome || !('ok' in outcome)) throw outcome && 'error' in outcome ? outcome.error : new Error('the order was not written');
  return outcome.ok.order;
}

/**
 * One refund against its order, once (the refund workflow is idempotent on the store's refund id).
 * Its lines are valued as the order's own; a refund of more than is left (a shipping refund,
 * rounding on the platform's side) takes what is left.
 */
async function applyRefund(deps: Deps, connection: ConnectionRow, program: ProgramContext, orderId: string, refund: StoreRefund): Promise<void> {
  const order = await getOrder(deps.db, program.id, orderId);
  const left = order.subtotal_minor - order.discount_minor - order.refunded_minor;
  const asAmount = { external_id: refund.externalId, amount: Math.min(refund.rest ? left : refund.amount, left) };
  try {
    if (order.status !== 'cancelled') {
      if (refund.lineItems.length > 0) await refundOrder(deps, program, orderId, { external_id: refund.externalId, line_items: refund.lineItems }).catch(async (error: unknown) => {
        // Lines this order does not have as the store described them: the refund's amount then.
        if (error instanceof RegularsError && error.type === 'invalid_request' && asAmount.amount > 0) return refundOrder(deps, program, orderId, asAmount);
        throw error;
      });
      else if (asAmount.amount > 0) await refundOrder(deps, program, orderId, asAmount);
    }
  } catch (error) {
    if (!(error instanceof RegularsError && error.code === 'order_cancelled')) throw error;
  }
  await keepStoreRefund(deps.db, connection.id, refund, deps.clock.now(), true);
}

function latest(known: Date | null | undefined, seen: Date | undefined): Date | null {
  if (!known) return seen ?? null;
  if (!seen) return new Date(known);
  return new Date(Math.max(new Date(known).getTime(), seen.getTime()));
}
