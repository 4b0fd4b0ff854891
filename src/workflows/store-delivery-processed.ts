import { connectionById, recordHealth, setConnectionStatus, type ConnectionRow } from '../connections/connection-store.ts';
import { claimDueDeliveries, finishDelivery, retryDelivery, type DeliveryRow } from '../connections/inbox.ts';
import { isObject, requiredText, type Json } from '../connections/payload.ts';
import { shopifyCustomer, shopifyOrder, shopifyPrivacySubject, shopifyRefund, SHOPIFY_ORDER_TOPICS } from '../connections/shopify.ts';
import type { StoreCustomer } from '../connections/store-order.ts';
import { wooCommerceCustomer, wooCommerceOrder } from '../connections/woocommerce.ts';
import { isConnectionLoss, withAdvisoryLock, type Db } from '../platform/db/database.ts';
import type { Deps } from '../platform/deps.ts';
import { matchLocale } from '../storefront/locales.ts';
import { RegularsError } from '../platform/errors.ts';
import { parseExactJson } from '../platform/exact-json.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { upsertCustomer } from './customer-signed-up.ts';
import { exportCustomerData, redactCustomer, redactShop } from './privacy-requested.ts';
import { applyOrderSnapshot, applyStoreRefund, withdrawStoreOrder } from './store-order-applied.ts';

/** A delivery that keeps failing for a passing reason is given up after this many attempts. */
const MAX_ATTEMPTS = 10;
const running = new WeakMap<Db, Promise<number>>();

/**
 * Applies the inbox's due deliveries, oldest first, one at a time on this instance (a second call
 * while one runs joins it). Deliveries of one order or customer are applied under its subject lock,
 * so two instances never interleave them. Returns how many were handled.
 */
export function processDueDeliveries(deps: Deps): Promise<number> {
  const current = running.get(deps.db);
  if (current) return current.then(() => processDueDeliveries(deps));
  const work = drain(deps).finally(() => running.delete(deps.db));
  running.set(deps.db, work);
  return work;
}

async function drain(deps: Deps): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await claimDueDeliveries(deps.db, deps.clock.now(), 20);
    if (batch.length === 0) return handled;
    for (const delivery of batch) await processDelivery(deps, delivery);
    handled += batch.length;
  }
}

async function processDelivery(deps: Deps, delivery: DeliveryRow): Promise<void> {
  const connection = await connectionById(deps.db, delivery.connection_id);
  const now = () => deps.clock.now();
  try {
    if (!connection) throw new RegularsError('not_found', 'connection_missing', 'The delivery names a connection that no longer exists.');
    const outcome = await withAdvisoryLock(deps.db, `store-subject:${connection.id}:${delivery.subject}`, () => handle(deps, connection, delivery));
    await finishDelivery(deps.db, delivery.id, { status: outcome === 'skipped' ? 'skipped' : 'processed' }, now());
    await recordHealth(deps.db, connection.id, { processed: now() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Bad data is not fixed by waiting; the database coming back and bugs being fixed are.
    const permanent = error instanceof RegularsError && error.type !== 'unavailable' && !isConnectionLoss(error);
    if (!permanent && delivery.attempts < MAX_ATTEMPTS) return retryDelivery(deps.db, delivery, message, now());
    await finishDelivery(deps.db, delivery.id, { status: 'failed', error: message }, now());
    if (connection) await recordHealth(deps.db, connection.id, { failed: { at: now(), error: `${delivery.topic}: ${message}` } });
  }
}

type Outcome = 'applied' | 'skipped';

function handle(deps: Deps, connection: ConnectionRow, delivery: DeliveryRow): Promise<Outcome> {
  const body = parseExactJson(delivery.body ?? 'null');
  if (!isObject(body)) throw new RegularsError('invalid_request', 'payload_invalid', 'The delivery body is not a JSON object.');
  // A disabled connection still honours privacy requests (Shopify sends shop/redact after uninstalling).
  const privacy = connection.platform === 'shopify' && ['customers/data_request', 'customers/redact', 'shop/redact'].includes(delivery.topic);
  if (connection.status === 'disabled' && !privacy) return Promise.resolve('skipped');
  return connection.platform === 'shopify' ? handleShopify(deps, connection, delivery.topic, body) : handleWooCommerce(deps, connection, delivery.topic, body);
}

async function handleShopify(deps: Deps, connection: ConnectionRow, topic: string, body: Json): Promise<Outcome> {
  if (SHOPIFY_ORDER_TOPICS.has(topic)) await applyOrderSnapshot(deps, connection, shopifyOrder(body));
  else if (topic === 'refunds/create') await applyStoreRefund(deps, connection, shopifyRefund(body));
  else if (topic === 'orders/delete') await withdrawStoreOrder(deps, connection, requiredText(body, 'id', 'order'));
  else if (topic === 'customers/create' || topic === 'customers/update') await updateCustomer(deps, connection, shopifyCustomer(body));
  else if (topic === 'app/uninstalled') await setConnectionStatus(deps.db, connection.id, 'disabled', 'app_uninstalled', deps.clock.now());
  else if (topic === 'customers/data_request') await exportCustomerData(deps, connection, shopifyPrivacySubject(body));
  else if (topic === 'customers/redact') await redactCustomer(deps, connection, shopifyPrivacySubject(body));
  else if (topic === 'shop/redact') await redactShop(deps, connection);
  else return 'skipped';
  return 'applied';
}

async function handleWooCommerce(deps: Deps, connection: ConnectionRow, topic: string, body: Json): Promise<Outcome> {
  if (topic === 'order.created' || topic === 'order.updated' || topic === 'order.restored') await applyOrderSnapshot(deps, connection, wooCommerceOrder(body));
  else if (topic === 'order.deleted') await withdrawStoreOrder(deps, connection, requiredText(body, 'id', 'order'));
  else if (topic === 'customer.created' || topic === 'customer.updated') await updateCustomer(deps, connection, wooCommerceCustomer(body));
  else return 'skipped';
  return 'applied';
}

/** A store's customer record: created or updated here; a new one has signed up (sign-up points). */
async function updateCustomer(deps: Deps, connection: ConnectionRow, customer: StoreCustomer): Promise<void> {
  const program = await loadProgramContext(deps.db, connection.program_id, connection.store_id);
  await upsertCustomer(deps, program, { external_id: customer.externalId, email: customer.email }, {
    ...(customer.firstName ? { first_name: customer.firstName } : {}),
    ...(customer.lastName ? { last_name: customer.lastName } : {}),
    ...(customer.tags.length > 0 ? { tags: customer.tags } : {}),
    ...(customer.marketingConsent !== undefined ? { marketing_consent: customer.marketingConsent } : {}),
    ...(customer.locale && matchLocale(customer.locale) ? { locale: matchLocale(customer.locale) } : {}),
  });
}
