import { recordHealth, type ConnectionRow } from '../connections/connection-store.ts';
import { ordersUpdatedSince } from '../connections/store-api.ts';
import { withAdvisoryLock } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { applyOrderSnapshot } from './store-order-applied.ts';

/** Each pass looks a little further back than the last one ended, for changes made while it ran. */
const OVERLAP_MS = 5 * 60_000;

export interface Reconciliation {
  orders: number;
  pages: number;
  since: Date;
}

/**
 * Shopify gives up on a delivery after 8 retries in 4 hours; WooCommerce never retries. So a
 * connection with an admin access token asks the store for the orders it changed since the last
 * pass and applies each through the same snapshot path as a webhook (an order already applied is
 * left as it is). `since` (a backfill, `regulars sync --since`) reaches further back without
 * moving the watermark backwards.
 */
export async function reconcileConnection(deps: Deps, connection: ConnectionRow, options: { since?: Date; onPage?: (progress: { pages: number; orders: number }) => void } = {}): Promise<Reconciliation> {
  const startedAt = deps.clock.now();
  const watermark = connection.reconciled_until ? new Date(connection.reconciled_until) : new Date(connection.created_at);
  const since = options.since ?? new Date(watermark.getTime() - OVERLAP_MS);
  const progress = { pages: 0, orders: 0 };
  try {
    for await (const page of ordersUpdatedSince(connection, deps.secrets, since)) {
      for (const order of page) {
        await withAdvisoryLock(deps.db, `store-subject:${connection.id}:order:${order.externalId}`, () => applyOrderSnapshot(deps, connection, order));
      }
      progress.pages += 1;
      progress.orders += page.length;
      options.onPage?.(progress);
    }
  } catch (error) {
    await recordHealth(deps.db, connection.id, { failed: { at: deps.clock.now(), error: `reconciliation: ${(error as Error).message}` } });
    throw error;
  }
  const until = new Date(Math.max(watermark.getTime(), startedAt.getTime()));
  await deps.db.updateTable('connections').set({ reconciled_until: until }).where('id', '=', connection.id).execute();
  await recordHealth(deps.db, connection.id, { reconciled: deps.clock.now() });
  return { ...progress, since };
}

/** The sweep: every active connection with an access token whose `reconcile_every_minutes` has passed. */
export async function reconcileDueConnections(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('connections')
    .selectAll()
    .where('status', '=', 'active')
    .where('admin_access_token_sealed', 'is not', null)
    .execute();
  let orders = 0;
  for (const connection of due.filter((c) => !c.last_reconciled_at || now.getTime() - new Date(c.last_reconciled_at).getTime() >= c.reconcile_every_minutes * 60_000)) {
    // One connection failing (a revoked token) must not stop the others; its health says why.
    orders += (await reconcileConnection(deps, connection).catch(() => ({ orders: 0 }))).orders;
  }
  return orders;
}
