import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { LosslessNumber, parse, stringify } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { signatureOf } from '../connections/signatures.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { verifyOrderStats } from '../orders/order-stats-check.ts';
import { verifyTiers } from '../workflows/tier-review.ts';
import { connect } from '../platform/db/database.ts';
import { processDueDeliveries } from '../workflows/store-delivery-processed.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';

/**
 * Every fixture in ../shared/fixtures, and variants of them (paid, refunded in part and in full,
 * cancelled, test, POS, guest, ids past 2^53, a 3-decimal currency), each delivered three times
 * under three delivery ids, all at once and in shuffled order, applied by two "instances" (two
 * pools) at once: every balance ends exact and the ledger verifies.
 */
const t = await createTestApp('2026-03-02T12:00:00Z');
const fixtures = path.resolve(import.meta.dirname, '../../../shared/fixtures');
const raw = (name: string) => readFile(path.join(fixtures, name), 'utf8');
const SECRET = 'replay-secret';

/** A fixture with top-level fields replaced, through a lossless parse: its other ids stay exact. */
function variant(text: string, changes: Record<string, unknown>): string {
  const json = parse(text) as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) json[key] = typeof value === 'string' && value.startsWith('RAW:') ? new LosslessNumber(value.slice(4)) : value;
  return stringify(json)!;
}

/** The Shopify order fixture with its customer replaced (id as raw digits, so it may pass 2^53). */
function withCustomer(text: string, id: string, email: string): string {
  const json = parse(text) as { customer: Record<string, unknown> };
  json.customer = { ...json.customer, id: new LosslessNumber(id), email };
  return stringify(json)!;
}

interface Delivery {
  connection: { id: string; platform: 'shopify' | 'woocommerce' };
  topic: string;
  body: string;
}

let sent = 0;
function send({ connection, topic, body }: Delivery) {
  sent += 1;
  const headers =
    connection.platform === 'shopify'
      ? { 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': signatureOf(body, SECRET), 'x-shopify-webhook-id': `wh-${sent}` }
      : { 'x-wc-webhook-topic': topic, 'x-wc-webhook-signature': signatureOf(body, SECRET), 'x-wc-webhook-delivery-id': `wc-${sent}` };
  return t.app.inject({ method: 'POST', url: `/webhooks/${connection.platform}/${connection.id}`, payload: body, headers: { 'content-type': 'application/json', ...headers } });
}

async function shopify(api: ApiClient, domain: string, settings: Record<string, unknown> = {}) {
  return (await api.post('/v1/connections', { platform: 'shopify', shop_domain: domain, webhook_secret: SECRET, ...settings })).body;
}

async function scenario() {
  const usd = await t.newProgram({ name: 'Shopify store' });
  const shop = await shopify(usd, `replay-${sent}.myshopify.com`, { channels: ['web'] });
  const order = await raw('shopify-orders-create.json');
  const paid = (changes: Record<string, unknown> = {}) => variant(order, { financial_status: 'paid', test: false, cancelled_at: null, ...changes });
  const woo = await t.newProgram({ name: 'Woo store' });
  const site = (await woo.post('/v1/connections', { platform: 'woocommerce', site_url: `https://replay-${sent}.example`, webhook_secret: SECRET })).body;
  const kwd = await t.newProgram({ name: 'Kuwait store', currency: 'KWD' });
  const kwdSite = (await kwd.post('/v1/connections', { platform: 'woocommerce', site_url: `https://kw-${sent}.example`, webhook_secret: SECRET })).body;
  const wooOrder = JSON.parse(await raw('woocommerce-order-created.json')) as Record<string, unknown>;

  const deliveries: Delivery[] = [
    // The documented orders/create sample as it is (test, voided, cancelled): earns nothing.
    { connection: shop, topic: 'orders/create', body: order },
    // The same order paid, then refunded in full by the documented refunds/create sample.
    { connection: shop, topic: 'orders/create', body: paid({ financial_status: 'pending', updated_at: '2021-12-31T19:00:00-05:00' }) },
    { connection: shop, topic: 'orders/paid', body: paid({ updated_at: '2021-12-31T19:05:00-05:00' }) },
    { connection: shop, topic: 'refunds/create', body: await raw('shopify-refunds-create.json') },
    // The REST example order (partially refunded, its refund embedded) and its other refund.
    { connection: shop, topic: 'orders/updated', body: await raw('shopify-order-rest-example-450789469.json') },
    { connection: shop, topic: 'refunds/create', body: await raw('shopify-refund-rest-example-929361466.json') },
    // Ids past 2^53 for the order and its customer, paid.
    { connection: shop, topic: 'orders/paid', body: withCustomer(paid({ id: 'RAW:9007199254740993123' }), '9007199254740993001', 'big@example.com') },
    // A test order, a POS order (the connection counts web only), a guest checkout by email.
    { connection: shop, topic: 'orders/paid', body: withCustomer(paid({ id: 'RAW:1001', test: true }), '71', 'test@example.com') },
    { connection: shop, topic: 'orders/paid', body: withCustomer(paid({ id: 'RAW:1002', source_name: 'pos' }), '72', 'pos@example.com') },
    { connection: shop, topic: 'orders/paid', body: paid({ id: 'RAW:1003', email: 'guest@example.com', customer: null }) },
    // Paid, then cancelled: whichever arrives first, nothing stays.
    { connection: shop, topic: 'orders/paid', body: withCustomer(paid({ id: 'RAW:1004', updated_at: '2022-01-02T10:00:00-05:00' }), '74', 'cancel@example.com') },
    { connection: shop, topic: 'orders/cancelled', body: withCustomer(paid({ id: 'RAW:1004', updated_at: '2022-01-02T11:00:00-05:00', cancelled_at: '2022-01-02T11:00:00-05:00' }), '74', 'cancel@example.com') },
    // WooCommerce: the documented order (processing, guest), completed later, then partly refunded.
    { connection: site, topic: 'order.created', body: JSON.stringify(wooOrder) },
    { connection: site, topic: 'order.updated', body: JSON.stringify({ ...wooOrder, status: 'completed', date_modified_gmt: '2017-03-23T10:00:00' }) },
    { connection: site, topic: 'order.updated', body: JSON.stringify({ ...wooOrder, status: 'completed', date_modified_gmt: '2017-03-24T10:00:00', refunds: [{ id: 731, reason: 'damaged', total: '-6.00' }] }) },
    // A 3-decimal currency: 10.500 KWD of lines.
    {
      connection: kwdSite,
      topic: 'order.created',
      body: JSON.stringify({ ...wooOrder, id: 900, currency: 'KWD', total: '12.345', shipping_total: '1.845', total_tax: '0.000', line_items: [{ id: 1, name: 'Dates', product_id: 5, variation_id: 0, quantity: 3, subtotal: '10.500', total: '10.500', price: 3.5 }] }),
    },
  ];
  return { usd, woo, kwd, deliveries };
}

async function expectExact({ usd, woo, kwd }: Awaited<ReturnType<typeof scenario>>) {
  const balance = async (api: ApiClient, query: string) => (await api.get(`/v1/customers?${query}`)).body.data[0]?.points_balance;
  expect(await balance(usd, 'external_id=115310627314723950')).toBe(0); // 394 earned, all five lines refunded
  expect(await balance(usd, 'external_id=207119551')).toBe(0); // 587 earned; two lines, then the third
  expect(await balance(usd, 'external_id=9007199254740993001')).toBe(394);
  expect(await balance(usd, 'external_id=71')).toBeUndefined(); // test order: not in the program
  expect(await balance(usd, 'external_id=72')).toBeUndefined(); // POS: not counted here
  expect(await balance(usd, 'email=guest@example.com')).toBe(394);
  expect((await balance(usd, 'external_id=74')) ?? 0).toBe(0); // cancelled
  expect(await balance(woo, 'email=john.doe@example.com')).toBe(12); // 18 earned, 6.00 of 18.00 refunded
  expect(await balance(kwd, 'email=john.doe@example.com')).toBe(10); // 10.500 KWD, rounded down
  const bigOrder = (await usd.get('/v1/orders?external_id=9007199254740993123')).body.data[0];
  expect(bigOrder).toMatchObject({ external_id: '9007199254740993123', points_earned: 394 });
  const failed = await t.db.selectFrom('store_deliveries').select(['topic', 'error']).where('status', '=', 'failed').execute();
  expect(failed).toEqual([]);
  // What `regulars verify` checks: the ledger, every tier, every customer's order statistics.
  expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  expect(await verifyOrderStats(t.db)).toEqual([]);
  expect(await verifyTiers(t.db, t.clock.now())).toEqual([]);
}

describe('replaying the store fixtures', () => {
  it('three times at once, shuffled, applied by two instances: balances exact', async () => {
    await fc.assert(
      fc.asyncProperty(fc.infiniteStream(fc.nat()), async (order) => {
        const built = await scenario();
        const copies = built.deliveries.flatMap((d) => [d, d, d]);
        const keyed = copies.map((d) => ({ d, k: order.next().value }));
        keyed.sort((a, b) => a.k - b.k);
        const answers = await Promise.all(keyed.map(({ d }) => send(d)));
        expect(answers.filter((a) => a.statusCode !== 200).map((a) => a.body)).toEqual([]);
        const second = connect(t.url, 4);
        await Promise.all([processDueDeliveries(t.deps), processDueDeliveries({ ...t.deps, db: second, readDb: second })]);
        await second.destroy();
        await processDueDeliveries(t.deps);
        await expectExact(built);
      }),
      { numRuns: 3 },
    );
  });
});
