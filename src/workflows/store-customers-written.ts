import { sql } from 'kysely';
import { recordHealth, type ConnectionRow } from '../connections/connection-store.ts';
import { writeShopifyTags, writeWooCommerceMeta } from '../connections/store-api.ts';
import type { Deps } from '../platform/deps.ts';

/** Tags Regulars owns on the store's customers; any others are the merchant's and left alone. */
const OURS = /^regulars-/;
const slug = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** What the store should show of a customer: `regulars-tier-gold`, `regulars-member`. */
export function desiredTags(customer: { tier_name: string | null; member: boolean }): string[] {
  return [...(customer.tier_name ? [`regulars-tier-${slug(customer.tier_name)}`] : []), ...(customer.member ? ['regulars-member'] : [])];
}

/**
 * Keeps the store in step with each customer's tier and active membership, so the store can
 * gate early access, exclusive collections and member prices: Shopify customer tags, WooCommerce
 * customer meta (`regulars_tier`, `regulars_member`). Level-triggered: it compares what each
 * customer should show with what was last written, and writes only the differences.
 */
export async function writeBackCustomers(deps: Deps, connection: ConnectionRow, limit = 500): Promise<number> {
  const now = deps.clock.now();
  const { rows } = await sql<{ id: string; external_id: string; tier_name: string | null; member: boolean; written_tags: string[] | null }>`
    select c.id, c.external_id, t.name as tier_name,
      exists (select 1 from memberships m where m.customer_id = c.id and m.status = 'active' and m.current_period_start <= ${now} and ${now} < m.current_period_end) as member,
      w.written_tags
    from customers c
    left join tiers t on t.id = c.tier_id
    left join store_customers w on w.connection_id = ${connection.id} and w.customer_id = c.id
    where c.program_id = ${connection.program_id} and c.external_id is not null
      and (c.tier_id is not null or w.customer_id is not null
        or exists (select 1 from memberships m where m.customer_id = c.id and m.status = 'active'))
    order by c.id`.execute(deps.db);
  let written = 0;
  for (const customer of rows) {
    const desired = desiredTags(customer);
    const before = customer.written_tags ?? [];
    if (customer.written_tags !== null && same(desired, before)) continue;
    if (written >= limit) break;
    try {
      await write(deps, connection, customer.external_id, desired, before, customer.tier_name);
    } catch (error) {
      await recordHealth(deps.db, connection.id, { failed: { at: deps.clock.now(), error: `writing back customer ${customer.external_id}: ${(error as Error).message}` } });
      return written;
    }
    await deps.db
      .insertInto('store_customers')
      .values({ connection_id: connection.id, customer_id: customer.id, external_id: customer.external_id, written_tags: desired, written_at: now })
      .onConflict((oc) => oc.columns(['connection_id', 'customer_id']).doUpdateSet({ written_tags: desired, written_at: now, external_id: customer.external_id }))
      .execute();
    written += 1;
  }
  return written;
}

async function write(deps: Deps, connection: ConnectionRow, externalId: string, desired: string[], before: string[], tierName: string | null): Promise<void> {
  if (connection.platform === 'shopify') {
    await writeShopifyTags(connection, deps.secrets, externalId, desired.filter((t) => !before.includes(t)), before.filter((t) => OURS.test(t) && !desired.includes(t)));
  } else {
    await writeWooCommerceMeta(connection, deps.secrets, externalId, { regulars_tier: tierName ? slug(tierName) : '', regulars_member: desired.includes('regulars-member') ? 'yes' : 'no' });
  }
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((t) => b.includes(t));

/** The sweep: every active connection with an access token. */
export async function writeBackDueConnections(deps: Deps): Promise<number> {
  const connections = await deps.db.selectFrom('connections').selectAll().where('status', '=', 'active').where('admin_access_token_sealed', 'is not', null).execute();
  let written = 0;
  for (const connection of connections) written += await writeBackCustomers(deps, connection);
  return written;
}
