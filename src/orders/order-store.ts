import { sql, type Selectable } from 'kysely';
import type { Db, Tx } from '../platform/db/database.ts';
import type { LineItem, OrdersTable, RefundsTable } from '../platform/db/schema.ts';
import { notFound } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';

export type OrderRow = Selectable<OrdersTable>;
export type RefundRow = Selectable<RefundsTable>;

export interface NewOrder {
  external_id: string;
  currency: string;
  subtotal: number;
  total: number;
  shipping: number;
  tax: number;
  discount: number;
  line_items: LineItem[];
  discount_codes: string[];
  placed_at: Date;
  metadata: Record<string, string>;
  ip_hash?: string;
  device_hash?: string;
  shipping_address_hash?: string;
}

export async function findOrderByExternalId(db: Db | Tx, storeId: string, externalId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('store_id', '=', storeId).where('external_id', '=', externalId).executeTakeFirst();
}

export interface OrderToInsert {
  programId: string;
  storeId: string;
  customerId: string;
  order: NewOrder;
  pointsEarned: number;
  cashback: number;
}

/**
 * Inserts the orders in one statement; an order whose store already has its external id is left
 * as it is. Returns the rows inserted.
 */
export async function insertOrders(tx: Tx, orders: OrderToInsert[], at: Date): Promise<OrderRow[]> {
  if (orders.length === 0) return [];
  return tx
    .insertInto('orders')
    .values(
      orders.map(({ programId, storeId, customerId, order, pointsEarned, cashback }) => ({
        id: newId('ord', at.getTime()),
        program_id: programId,
        store_id: storeId,
        customer_id: customerId,
        external_id: order.external_id,
        currency: order.currency,
        subtotal_minor: order.subtotal,
        total_minor: order.total,
        shipping_minor: order.shipping,
        tax_minor: order.tax,
        discount_minor: order.discount,
        line_items: JSON.stringify(order.line_items),
        discount_codes: order.discount_codes,
        placed_at: order.placed_at,
        metadata: JSON.stringify(order.metadata),
        ip_hash: order.ip_hash ?? null,
        device_hash: order.device_hash ?? null,
        shipping_address_hash: order.shipping_address_hash ?? null,
        points_earned: pointsEarned,
        cashback_minor: cashback,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .execute();
}

export async function getOrder(db: Db | Tx, programId: string, id: string, options: { lock?: boolean } = {}): Promise<OrderRow> {
  let query = db.selectFrom('orders').selectAll().where('program_id', '=', programId).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('order', id);
  return row;
}

export async function listOrders(db: Db, programId: string, filter: { customer_id?: string; external_id?: string; limit: number; starting_after?: string }) {
  let query = db.selectFrom('orders').selectAll().where('program_id', '=', programId);
  if (filter.customer_id) query = query.where('customer_id', '=', filter.customer_id);
  if (filter.external_id) query = query.where('external_id', '=', filter.external_id);
  if (filter.starting_after) query = query.where('id', '<', filter.starting_after);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function recordOrderReversal(tx: Tx, orderId: string, change: { reversed: number; forgiven: number; refunded?: number }) {
  await tx
    .updateTable('orders')
    .set({
      points_reversed: sql`points_reversed + ${change.reversed}`,
      points_forgiven: sql`points_forgiven + ${change.forgiven}`,
      refunded_minor: sql`refunded_minor + ${change.refunded ?? 0}`,
    })
    .where('id', '=', orderId)
    .execute();
}

/** Marks the order cancelled; the customer's first and last order dates then come from the orders that still count. */
export async function markCancelled(tx: Tx, orderId: string, at: Date) {
  const { program_id, customer_id } = await tx.updateTable('orders').set({ status: 'cancelled', cancelled_at: at }).where('id', '=', orderId).returning(['program_id', 'customer_id']).executeTakeFirstOrThrow();
  const counted = () => tx.selectFrom('orders').where('program_id', '=', program_id).where('customer_id', '=', customer_id).where('status', '<>', 'cancelled');
  await tx
    .updateTable('customers')
    .set({
      first_order_at: counted().select((eb) => eb.fn.min('placed_at').as('first')),
      last_order_at: counted().select((eb) => eb.fn.max('placed_at').as('last')),
    })
    .where('id', '=', customer_id)
    .execute();
}

export async function findRefund(db: Db | Tx, orderId: string, customerId: string, externalId: string): Promise<RefundRow | undefined> {
  return db.selectFrom('refunds').selectAll().where('customer_id', '=', customerId).where('order_id', '=', orderId).where('external_id', '=', externalId).executeTakeFirst();
}

export async function refundsOf(db: Db | Tx, customerId: string, orderId: string): Promise<RefundRow[]> {
  return db.selectFrom('refunds').selectAll().where('customer_id', '=', customerId).where('order_id', '=', orderId).orderBy('id').execute();
}

export async function insertRefund(tx: Tx, refund: Omit<RefundRow, 'id' | 'created_at' | 'line_items'> & { line_items: unknown }, at: Date): Promise<RefundRow | undefined> {
  return tx
    .insertInto('refunds')
    .values({ ...refund, id: newId('ref', at.getTime()), line_items: refund.line_items === null ? null : JSON.stringify(refund.line_items), created_at: at })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The earn transfers of an order, for its `awards`. */
export async function awardsOfOrder(db: Db | Tx, customerId: string, orderId: string) {
  return db
    .selectFrom('transfers as t')
    .leftJoin('point_holds as h', (join) => join.onRef('h.transfer_id', '=', 't.id'))
    .innerJoin('ledger_entries as e', (join) => join.onRef('e.transfer_id', '=', 't.id').onRef('e.customer_id', '=', 't.customer_id').on('e.account', 'like', 'customer:%'))
    .select(['t.id', 't.rule_id', 't.explanation', 'e.amount as points', 'e.account', 'h.available_at', 't.created_at'])
    .where('t.customer_id', '=', customerId)
    .where('t.reference_type', '=', 'order')
    .where('t.reference_id', '=', orderId)
    .where('t.code', '=', 'earn.purchase')
    .orderBy('t.id')
    .execute();
}

/** A privacy erasure: the hashes of where the orders came from (IP, device, address) go; amounts stay. */
export async function forgetOrderTraces(db: Db | Tx, programId: string, customerIds: string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await db
    .updateTable('orders')
    .set({ ip_hash: null, device_hash: null, shipping_address_hash: null })
    .where('program_id', '=', programId)
    .where('customer_id', 'in', customerIds)
    .execute();
}
