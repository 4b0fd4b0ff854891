import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signatureOf } from '../connections/signatures.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { processDueDeliveries } from '../workflows/store-delivery-processed.ts';
import { createTestApp, TEST_SECRETS, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-03-02T12:00:00Z');
const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const raw = (name: string) => readFile(path.join(fixtures, name), 'utf8');
const SECRET = 'shpss_test_client_secret';

/** A fixture body with some top-level fields changed, as text (its ids stay exactly as written). */
function variant(text: string, changes: Record<string, unknown>): string {
  let out = text;
  for (const [key, value] of Object.entries(changes)) {
    const pattern = new RegExp(`^(  "${key}": )(.*?)(,?)$`, 'm');
    if (!pattern.test(out)) throw new Error(`no top-level ${key}`);
    out = out.replace(pattern, (_m, start: string, _old: string, comma: string) => `${start}${JSON.stringify(value)}${comma}`);
  }
  return out;
}

async function connect(api: ApiClient, body: Record<string, unknown> = {}) {
  const created = await api.post('/v1/connections', { platform: 'shopify', shop_domain: 'regulars-test.myshopify.com', webhook_secret: SECRET, ...body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

let delivery = 0;
function deliver(connection: { id: string; platform: string }, topic: string, body: string, options: { secret?: string; id?: string; headers?: Record<string, string> } = {}) {
  delivery += 1;
  const shopify = connection.platform === 'shopify';
  return t.app.inject({
    method: 'POST',
    url: `/webhooks/${connection.platform}/${connection.id}`,
    payload: body,
    headers: {
      'content-type': 'application/json',
      ...(shopify
        ? { 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': signatureOf(body, options.secret ?? SECRET), 'x-shopify-webhook-id': options.id ?? `wh-${delivery}`, 'x-shopify-shop-domain': 'regulars-test.myshopify.com' }
        : { 'x-wc-webhook-topic': topic, 'x-wc-webhook-signature': signatureOf(body, options.secret ?? SECRET), 'x-wc-webhook-delivery-id': options.id ?? `wc-${delivery}` }),
      ...options.headers,
    },
  });
}

const apply = () => processDueDeliveries(t.deps);
const customerBy = async (api: ApiClient, externalId: string) => (await api.get(`/v1/customers?external_id=${externalId}`)).body.data[0];

describe('connections', () => {
  it('are created with their webhook URL and settings; the secret is sealed and never returned', async () => {
    const api = await t.newProgram();
    const connection = await connect(api);
    expect(connection).toMatchObject({ object: 'connection', platform: 'shopify', shop_domain: 'regulars-test.myshopify.com', status: 'active', award_on: 'paid', include_test_orders: false, channels: ['*'], guests: 'by_email', has_admin_access_token: false });
    expect(connection.webhook_url).toMatch(new RegExp(`/webhooks/shopify/${connection.id}$`));
    expect(JSON.stringify(connection)).not.toContain(SECRET);
    const stored = await t.db.selectFrom('connections').select('webhook_secret_sealed').where('id', '=', connection.id).executeTakeFirstOrThrow();
    expect(stored.webhook_secret_sealed).not.toContain(SECRET);
    expect(TEST_SECRETS.open(stored.webhook_secret_sealed)).toBe(SECRET);

    expect((await api.patch(`/v1/connections/${connection.id}`, { award_on: 'fulfilled', channels: ['web', 'pos'] })).body).toMatchObject({ award_on: 'fulfilled', channels: ['web', 'pos'] });
    expect((await api.patch(`/v1/connections/${connection.id}`, { award_on: 'completed' })).body.error).toMatchObject({ code: 'parameter_invalid', param: 'award_on' });
    expect((await api.post('/v1/connections', { platform: 'shopify', shop_domain: 'regulars-test.myshopify.com', webhook_secret: 'x' })).body.error.code).toBe('connection_exists');
    expect((await api.post('/v1/connections', { platform: 'woocommerce', webhook_secret: 'x' })).body.error).toMatchObject({ code: 'parameter_missing', param: 'site_url' });
    expect((await api.post(`/v1/connections/${connection.id}/disable`)).body).toMatchObject({ status: 'disabled', disabled_reason: 'disabled_by_merchant' });
    expect((await api.get('/v1/connections')).body.data.map((c: { id: string }) => c.id)).toEqual([connection.id]);
  });

  it('refuse a delivery with a bad or missing signature (401) and store nothing', async () => {
    const api = await t.newProgram();
    const connection = await connect(api, { shop_domain: 'sig-test.myshopify.com' });
    const body = await raw('shopify-orders-create.json');
    const forged = await deliver(connection, 'orders/paid', body, { secret: 'wrong' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error).toMatchObject({ type: 'authentication', code: 'invalid_signature' });
    const unsigned = await deliver(connection, 'orders/paid', body, { headers: { 'x-shopify-hmac-sha256': '' } });
    expect(unsigned.statusCode).toBe(401);
    // One byte changed after signing.
    const signed = signatureOf(body, SECRET);
    const tampered = await t.app.inject({ method: 'POST', url: `/webhooks/shopify/${connection.id}`, payload: body.replace('89.99', '89.98'), headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/paid', 'x-shopify-hmac-sha256': signed } });
    expect(tampered.statusCode).toBe(401);
    const stored = await t.db.selectFrom('store_deliveries').select('id').where('connection_id', '=', connection.id).execute();
    expect(stored).toEqual([]);
  });

  it('award a paid Shopify order once, however often it is delivered, and take back a refund', async () => {
    const api = await t.newProgram();
    const connection = await connect(api, { shop_domain: 'once.myshopify.com' });
    const paid = variant(await raw('shopify-orders-create.json'), { financial_status: 'paid', test: false, cancelled_at: null });
    const first = await deliver(connection, 'orders/paid', paid, { id: 'same-delivery' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: true, duplicate: false });
    expect((await deliver(connection, 'orders/paid', paid, { id: 'same-delivery' })).json()).toMatchObject({ duplicate: true });
    await deliver(connection, 'orders/updated', paid); // the same state in another topic
    await deliver(connection, 'orders/edited', JSON.stringify({ order_edit: { id: 78912328, order_id: 820982911946154500, line_items: { additions: [], removals: [] } } }));
    await apply();
    const statuses = await t.db.selectFrom('store_deliveries').select(['topic', 'status']).where('connection_id', '=', connection.id).orderBy('received_at').execute();
    expect(statuses.map((d) => `${d.topic} ${d.status}`)).toEqual(['orders/paid processed', 'orders/updated processed', 'orders/edited skipped']);
    const customer = await customerBy(api, '115310627314723950');
    // 414.95 of lines less 20.00 of discounts: 394.95 USD, 1 point per unit, rounded down.
    expect(customer).toMatchObject({ email: 'john@example.com', points_balance: 394, orders_count: 1 });
    const order = (await api.get('/v1/orders?external_id=820982911946154500')).body.data[0];
    expect(order).toMatchObject({ subtotal: 41495, discount: 2000, points_earned: 394 });

    await deliver(connection, 'refunds/create', await raw('shopify-refunds-create.json'));
    await apply();
    expect((await customerBy(api, '115310627314723950')).points_balance).toBe(0); // all five lines came back
    const health = (await api.get(`/v1/connections/${connection.id}`)).body.health;
    expect(health).toMatchObject({ failed_deliveries: 0, last_error: null });
    expect(health.last_delivery_at).not.toBeNull();
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('answer WooCommerce’s unsigned creation ping with 200', async () => {
    const api = await t.newProgram();
    const connection = (await api.post('/v1/connections', { platform: 'woocommerce', site_url: 'https://shop.example/', webhook_secret: SECRET })).body;
    expect(connection).toMatchObject({ site_url: 'https://shop.example', award_on: 'processing' });
    const ping = await t.app.inject({ method: 'POST', url: `/webhooks/woocommerce/${connection.id}`, payload: 'webhook_id=17', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(ping.statusCode).toBe(200);
    expect(ping.json()).toMatchObject({ ping: true });
  });

  it('wait for award_on, leave out excluded customer tags, and upsert customers from customers/* topics', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'Welcome', type: 'action', event_type: 'signup', points: 100 });
    const connection = await connect(api, { shop_domain: 'settings.myshopify.com', award_on: 'fulfilled', excluded_customer_tags: ['staff'] });
    const order = await raw('shopify-order-rest-example-450789469.json'); // paid, not fulfilled; customer tagged "Léon, Noël"
    await deliver(connection, 'orders/paid', order);
    await apply();
    expect(await customerBy(api, '207119551')).toBeUndefined();
    const state = await t.db.selectFrom('store_orders').select(['state', 'reason']).where('connection_id', '=', connection.id).executeTakeFirstOrThrow();
    expect(state).toEqual({ state: 'waiting', reason: 'waiting for the order to be fulfilled' });
    await deliver(connection, 'orders/fulfilled', order.replace('"fulfillment_status": null', '"fulfillment_status": "fulfilled"').replace('"updated_at": "2008-01-10T11:00:00-05:00"', '"updated_at": "2008-01-11T11:00:00-05:00"'));
    await apply();
    expect((await customerBy(api, '207119551')).points_balance).toBe(196); // 587 earned, two of three lines refunded

    await deliver(connection, 'customers/create', JSON.stringify({ id: 5551, email: 'new@example.com', first_name: 'Ada', last_name: 'L', tags: 'vip, newsletter', email_marketing_consent: { state: 'subscribed' } }));
    await apply();
    expect(await customerBy(api, '5551')).toMatchObject({ email: 'new@example.com', first_name: 'Ada', tags: ['vip', 'newsletter'], marketing_consent: true, points_balance: 100 });
    await deliver(connection, 'customers/update', JSON.stringify({ id: 5551, email: 'new@example.com', first_name: 'Ada', last_name: 'Lovelace', tags: 'vip' }));
    await apply();
    expect(await customerBy(api, '5551')).toMatchObject({ last_name: 'Lovelace', tags: ['vip'], points_balance: 100 });

    const staff = order.replace('"Léon, Noël"', '"staff"').replaceAll('450789469', '450789470').replace('"fulfillment_status": null', '"fulfillment_status": "fulfilled"').replace('"id": 207119551', '"id": 207119552');
    await deliver(connection, 'orders/fulfilled', staff);
    await apply();
    const excluded = await t.db.selectFrom('store_orders').select(['state', 'reason']).where('connection_id', '=', connection.id).where('external_id', '=', '450789470').executeTakeFirstOrThrow();
    expect(excluded).toEqual({ state: 'excluded', reason: 'customer tag "staff" is excluded from the program' });
  });

  it('stop applying orders when the app is uninstalled, and still honour privacy requests', async () => {
    const api = await t.newProgram();
    const connection = await connect(api, { shop_domain: 'privacy.myshopify.com' });
    const paid = variant(await raw('shopify-orders-create.json'), { financial_status: 'paid', test: false, cancelled_at: null });
    await deliver(connection, 'orders/paid', paid);
    await apply();
    const customer = await customerBy(api, '115310627314723950');
    expect(customer.points_balance).toBe(394);

    await deliver(connection, 'customers/data_request', JSON.stringify({ shop_id: 954889, shop_domain: 'privacy.myshopify.com', orders_requested: [820982911946154500], customer: { id: 115310627314723950, email: 'john@example.com', phone: null }, data_request: { id: 9999 } }));
    await apply();
    const requests = (await api.get(`/v1/privacy-requests?connection_id=${connection.id}`)).body.data;
    expect(requests[0]).toMatchObject({ kind: 'data_request', status: 'completed', customer_id: customer.id, external_request_id: '9999' });
    const exported = (await api.get(`/v1/privacy-requests/${requests[0].id}`)).body.export;
    expect(exported.customer).toMatchObject({ email: 'john@example.com', points_balance: 394 });
    expect(exported.orders).toHaveLength(1);
    expect(exported.transactions[0].points).toBe(394);

    await deliver(connection, 'app/uninstalled', JSON.stringify({ id: 954889, domain: 'privacy.myshopify.com' }));
    await apply();
    expect((await api.get(`/v1/connections/${connection.id}`)).body).toMatchObject({ status: 'disabled', disabled_reason: 'app_uninstalled' });
    await deliver(connection, 'orders/paid', paid.replaceAll('820982911946154500', '820982911946154501'));
    await apply();
    expect((await api.get('/v1/orders?external_id=820982911946154501')).body.data).toEqual([]);

    await deliver(connection, 'customers/redact', JSON.stringify({ shop_id: 954889, shop_domain: 'privacy.myshopify.com', customer: { id: 115310627314723950, email: 'john@example.com', phone: null }, orders_to_redact: [820982911946154500] }));
    await apply();
    const redacted = (await api.get(`/v1/customers/${customer.id}`)).body;
    expect(redacted).toMatchObject({ email: null, first_name: null, last_name: null, points_balance: 394, orders_count: 1 });
    const bodies = await t.db.selectFrom('store_deliveries').select('body').where('connection_id', '=', connection.id).where('body', 'like', '%john@example.com%').execute();
    expect(bodies).toEqual([]);
    await deliver(connection, 'shop/redact', JSON.stringify({ shop_id: 954889, shop_domain: 'privacy.myshopify.com' }));
    await apply();
    const audit = (await api.get('/v1/audit-log')).body.data.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['privacy.shop_redacted', 'privacy.customer_redacted', 'privacy.data_exported', 'create_connection']);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });
});
