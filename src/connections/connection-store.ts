import type { Selectable } from 'kysely';
import type { ConnectionsTable } from '../platform/db/connection-tables.ts';
import type { Db, Tx } from '../platform/db/database.ts';
import { conflict, invalidRequest, notFound } from '../platform/errors.ts';
import { isEmptyChange } from '../platform/changes.ts';
import { newId } from '../platform/ids.ts';
import type { SecretBox } from '../platform/secrets.ts';
import type { OrderSettings } from './store-order.ts';

export type ConnectionRow = Selectable<ConnectionsTable>;
export type Platform = ConnectionRow['platform'];

export interface ConnectionSettings extends OrderSettings {
  reconcile_every_minutes: number;
}

export interface NewConnection extends Partial<ConnectionSettings> {
  platform: Platform;
  shop_domain?: string;
  site_url?: string;
  webhook_secret: string;
  admin_access_token?: string;
  api_url?: string;
  store_id: string;
  metadata?: Record<string, string>;
}

export type ConnectionChange = Partial<ConnectionSettings> & { webhook_secret?: string; admin_access_token?: string | null; api_url?: string | null; metadata?: Record<string, string> };

/** When a platform's orders earn unless the connection says otherwise. */
const AWARD_ON: Record<Platform, { default: OrderSettings['award_on']; allowed: OrderSettings['award_on'][] }> = {
  shopify: { default: 'paid', allowed: ['paid', 'created', 'fulfilled'] },
  woocommerce: { default: 'processing', allowed: ['processing', 'completed', 'created'] },
};

function checkAwardOn(platform: Platform, awardOn: string | undefined): void {
  if (awardOn !== undefined && !AWARD_ON[platform].allowed.includes(awardOn as OrderSettings['award_on'])) {
    throw invalidRequest('parameter_invalid', `award_on for ${platform} is one of ${AWARD_ON[platform].allowed.join(', ')}.`, 'award_on');
  }
}

/** A shop domain as Shopify sends it (X-Shopify-Shop-Domain), a site URL without its trailing slash. */
function storeAddress(input: NewConnection): { shop_domain: string | null; site_url: string | null } {
  if (input.platform === 'shopify') {
    if (!input.shop_domain || input.site_url) throw invalidRequest('parameter_missing', 'A Shopify connection names its shop_domain (x.myshopify.com), not a site_url.', 'shop_domain');
    return { shop_domain: input.shop_domain.trim().toLowerCase(), site_url: null };
  }
  if (!input.site_url || input.shop_domain) throw invalidRequest('parameter_missing', 'A WooCommerce connection names its site_url (https://shop.example), not a shop_domain.', 'site_url');
  return { shop_domain: null, site_url: input.site_url.trim().replace(/\/+$/, '') };
}

export async function createConnection(db: Db, secrets: SecretBox, programId: string, input: NewConnection, at: Date): Promise<ConnectionRow> {
  checkAwardOn(input.platform, input.award_on);
  const address = storeAddress(input);
  const clash = await db
    .selectFrom('connections')
    .select('id')
    .where('program_id', '=', programId)
    .where('status', '=', 'active')
    .where((eb) => (address.shop_domain ? eb('shop_domain', '=', address.shop_domain) : eb('site_url', '=', address.site_url)))
    .executeTakeFirst();
  if (clash) throw conflict('connection_exists', `This store is already connected (${clash.id}); disable that connection first.`, address.shop_domain ? 'shop_domain' : 'site_url');
  return db
    .insertInto('connections')
    .values({
      id: newId('con', at.getTime()),
      program_id: programId,
      store_id: input.store_id,
      platform: input.platform,
      ...address,
      webhook_secret_sealed: secrets.seal(input.webhook_secret),
      admin_access_token_sealed: input.admin_access_token ? secrets.seal(input.admin_access_token) : null,
      api_url: input.api_url?.replace(/\/+$/, '') ?? null,
      award_on: input.award_on ?? AWARD_ON[input.platform].default,
      include_test_orders: input.include_test_orders ?? false,
      channels: input.channels ?? ['*'],
      guests: input.guests ?? 'by_email',
      excluded_customer_tags: input.excluded_customer_tags ?? [],
      reconcile_every_minutes: input.reconcile_every_minutes ?? 15,
      metadata: JSON.stringify(input.metadata ?? {}),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getConnection(db: Db | Tx, programId: string, id: string): Promise<ConnectionRow> {
  const row = await db.selectFrom('connections').selectAll().where('program_id', '=', programId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('connection', id);
  return row;
}

/** A connection by its id alone: what a webhook URL names. */
export async function connectionById(db: Db | Tx, id: string): Promise<ConnectionRow | undefined> {
  return db.selectFrom('connections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listConnections(db: Db, programId: string, page: { limit: number; starting_after?: string }): Promise<ConnectionRow[]> {
  let query = db.selectFrom('connections').selectAll().where('program_id', '=', programId);
  if (page.starting_after) query = query.where('id', '<', page.starting_after);
  return query.orderBy('id', 'desc').limit(page.limit + 1).execute();
}

/**
 * Settings change; a new webhook secret replaces the old one, which still verifies deliveries for
 * a day (Shopify keeps signing with the old secret for up to an hour after a rotation).
 */
export async function updateConnection(db: Db, secrets: SecretBox, programId: string, id: string, change: ConnectionChange, at: Date): Promise<ConnectionRow> {
  const current = await getConnection(db, programId, id);
  if (isEmptyChange(change)) return current;
  checkAwardOn(current.platform, change.award_on);
  const { webhook_secret, admin_access_token, api_url, metadata, ...settings } = change;
  const rotated = webhook_secret ? rotatedSecrets(current, secrets.seal(webhook_secret), at) : {};
  return db
    .updateTable('connections')
    .set({
      ...settings,
      ...rotated,
      ...(admin_access_token !== undefined ? { admin_access_token_sealed: admin_access_token ? secrets.seal(admin_access_token) : null } : {}),
      ...(metadata !== undefined ? { metadata: JSON.stringify(metadata) } : {}),
      ...(api_url !== undefined ? { api_url: api_url?.replace(/\/+$/, '') ?? null } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const PREVIOUS_SECRET_DAYS = 1;

function rotatedSecrets(current: ConnectionRow, sealed: string, at: Date) {
  return { webhook_secret_sealed: sealed, previous_secret_sealed: current.webhook_secret_sealed, previous_secret_until: new Date(at.getTime() + PREVIOUS_SECRET_DAYS * 86_400_000) };
}

/** The secrets that may sign a delivery now: the current one, and the previous one for a day after a rotation. */
export function webhookSecrets(connection: ConnectionRow, secrets: SecretBox, now: Date): string[] {
  const current = [secrets.open(connection.webhook_secret_sealed)];
  const previousValid = connection.previous_secret_sealed && connection.previous_secret_until && new Date(connection.previous_secret_until) > now;
  return previousValid ? [...current, secrets.open(connection.previous_secret_sealed!)] : current;
}

export async function setConnectionStatus(db: Db | Tx, id: string, status: 'active' | 'disabled', reason: string | null, at: Date): Promise<ConnectionRow> {
  return db.updateTable('connections').set({ status, disabled_reason: reason, updated_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** What the connection's health shows: when deliveries came and were applied, what failed. */
export async function recordHealth(db: Db | Tx, id: string, event: { delivered?: Date; processed?: Date; reconciled?: Date; failed?: { at: Date; error: string } }): Promise<void> {
  await db
    .updateTable('connections')
    .set((eb) => ({
      ...(event.delivered ? { last_delivery_at: event.delivered } : {}),
      ...(event.processed ? { last_processed_at: event.processed } : {}),
      ...(event.reconciled ? { last_reconciled_at: event.reconciled } : {}),
      ...(event.failed ? { last_error: event.failed.error.slice(0, 500), last_error_at: event.failed.at, failed_deliveries: eb('failed_deliveries', '+', 1) } : {}),
    }))
    .where('id', '=', id)
    .execute();
}

/** Where the store's Admin API answers: `api_url`, else the shop (Shopify) or the site (WooCommerce). */
export const apiBaseOf = (c: ConnectionRow): string => c.api_url ?? (c.platform === 'shopify' ? `https://${c.shop_domain}` : c.site_url!);

/** The connection's admin access token, opened; undefined when it has none. */
export const adminTokenOf = (c: ConnectionRow, secrets: SecretBox): string | undefined => (c.admin_access_token_sealed ? secrets.open(c.admin_access_token_sealed) : undefined);
