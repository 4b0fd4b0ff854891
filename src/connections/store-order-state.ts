import type { Selectable } from 'kysely';
import type { StoreOrdersTable } from '../platform/db/connection-tables.ts';
import type { Db } from '../platform/db/database.ts';
import type { StoreRefund } from './store-order.ts';

export type StoreOrderState = Selectable<StoreOrdersTable>;

/** What Regulars has applied of a store order (undefined: nothing yet). */
export async function storeOrderState(db: Db, connectionId: string, externalId: string): Promise<StoreOrderState | undefined> {
  return db.selectFrom('store_orders').selectAll().where('connection_id', '=', connectionId).where('external_id', '=', externalId).executeTakeFirst();
}

export async function saveStoreOrderState(db: Db, state: Omit<StoreOrderState, 'updated_at'>, at: Date): Promise<void> {
  await db
    .insertInto('store_orders')
    .values({ ...state, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['connection_id', 'external_id']).doUpdateSet({
        order_id: state.order_id,
        snapshot_updated_at: state.snapshot_updated_at,
        state: state.state,
        reason: state.reason,
        updated_at: at,
      }),
    )
    .execute();
}

/** A refund of the store, by its own id; `applied` once Regulars recorded it against the order. */
export async function keepStoreRefund(db: Db, connectionId: string, refund: StoreRefund, at: Date, applied: boolean): Promise<void> {
  await db
    .insertInto('store_refunds')
    .values({ connection_id: connectionId, external_id: refund.externalId, order_external_id: refund.orderExternalId, refund: JSON.stringify(refund), received_at: at, applied_at: applied ? at : null })
    .onConflict((oc) => oc.columns(['connection_id', 'external_id']).doUpdateSet(applied ? { applied_at: at } : { refund: JSON.stringify(refund) }))
    .execute();
}

/** Refunds that arrived before their order was recorded, oldest first. */
export async function waitingRefunds(db: Db, connectionId: string, orderExternalId: string): Promise<StoreRefund[]> {
  const rows = await db
    .selectFrom('store_refunds')
    .select('refund')
    .where('connection_id', '=', connectionId)
    .where('order_external_id', '=', orderExternalId)
    .where('applied_at', 'is', null)
    .orderBy('received_at')
    .execute();
  return rows.map((r) => r.refund as StoreRefund);
}
