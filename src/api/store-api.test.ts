import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getConnection } from '../connections/connection-store.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { writeBackCustomers } from '../workflows/store-customers-written.ts';
import { reconcileConnection } from '../workflows/store-reconciled.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';

/**
 * A local stand-in for the stores' Admin APIs, answering in the shapes Shopify's GraphQL Admin
 * API (orders query, tagsAdd / tagsRemove) and WooCommerce's REST API (orders, customers) document.
 */
const calls: { method: string; path: string; body: unknown; auth: string | undefined }[] = [];
const money = (amount: string) => ({ shopMoney: { amount, currencyCode: 'USD' } });
const line = (id: string, variant: string) => ({ id: `gid://shopify/LineItem/${id}`, sku: 'IPOD2008', title: 'IPod Nano - 8gb', quantity: 1, product: { legacyResourceId: '632910392' }, variant: { legacyResourceId: variant }, originalUnitPriceSet: money('199.00') });
const graphqlOrder = {
  legacyResourceId: '450789469',
  updatedAt: '2008-01-10T16:00:00Z',
  createdAt: '2008-01-10T16:00:00Z',
  currencyCode: 'USD',
  test: false,
  sourceName: 'web',
  email: 'bob.norman@mail.example.com',
  cancelledAt: null,
  displayFinancialStatus: 'PARTIALLY_REFUNDED',
  displayFulfillmentStatus: 'UNFULFILLED',
  discountCodes: ['TENOFF'],
  totalDiscountsSet: money('10.00'),
  totalShippingPriceSet: money('0.00'),
  totalTaxSet: money('11.94'),
  totalPriceSet: money('598.94'),
  customer: { legacyResourceId: '207119551', firstName: 'Bob', lastName: 'Norman', tags: ['Léon', 'Noël'] },
  lineItems: { nodes: [line('466157049', '39072856'), line('518995019', '49148385'), line('703073504', '457924702')] },
  refunds: [
    {
      legacyResourceId: '509562969',
      createdAt: '2008-01-11T16:00:00Z',
      refundLineItems: { nodes: ['703073504', '466157049'].map((id) => ({ quantity: 1, lineItem: { id: `gid://shopify/LineItem/${id}`, product: { legacyResourceId: '632910392' }, variant: null }, subtotalSet: money('195.66') })) },
    },
  ],
};
const second = { ...graphqlOrder, legacyResourceId: '450789470', email: 'ann@mail.example.com', customer: { ...graphqlOrder.customer, legacyResourceId: '207119560' }, refunds: [], displayFinancialStatus: 'PAID' };

const server = createServer(async (request, response) => {
  const body = await read(request);
  calls.push({ method: request.method!, path: request.url!, body, auth: request.headers['x-shopify-access-token']?.toString() ?? request.headers.authorization });
  const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(json));
  };
  if (request.url === '/admin/api/2025-10/graphql.json') {
    if (request.headers['x-shopify-access-token'] !== 'shpat_good') return reply(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    const { query, variables } = body as { query: string; variables: { after?: string | null } };
    if (query.includes('tagsAdd') || query.includes('tagsRemove')) return reply(200, { data: { [query.includes('tagsAdd') ? 'tagsAdd' : 'tagsRemove']: { node: { id: 'x' }, userErrors: [] } } });
    // Two pages of one order each, as the connection's cursor asks.
    return variables.after ? reply(200, { data: { orders: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [second] } } }) : reply(200, { data: { orders: { pageInfo: { hasNextPage: true, endCursor: 'page-2' }, nodes: [graphqlOrder] } } });
  }
  if (request.url!.startsWith('/wp-json/wc/v3/orders')) {
    if (request.headers.authorization !== `Basic ${Buffer.from('ck_good:cs_good').toString('base64')}`) return reply(401, { code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.' });
    return reply(200, [{ ...wooOrder, customer_id: 55, billing: { ...wooOrder.billing, email: 'woo.buyer@example.com' } }], { 'x-wp-total': '1', 'x-wp-totalpages': '1' });
  }
  if (request.url!.startsWith('/wp-json/wc/v3/customers/')) return reply(200, { id: 55 });
  reply(404, { message: 'not here' });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const storeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function read(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

const { readFile } = await import('node:fs/promises');
const wooOrder = JSON.parse(await readFile(path.resolve(import.meta.dirname, '../../../shared/fixtures/woocommerce-order-created.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const t = await createTestApp('2026-03-02T12:00:00Z');
const customerBy = async (api: ApiClient, externalId: string) => (await api.get(`/v1/customers?external_id=${externalId}`)).body.data[0];

describe('reconciliation from the store’s Admin API', () => {
  it('applies the Shopify orders changed since the last pass, page by page, once however often it runs', async () => {
    const api = await t.newProgram();
    const created = (await api.post('/v1/connections', { platform: 'shopify', shop_domain: 'reconcile.myshopify.com', webhook_secret: 's', admin_access_token: 'shpat_good', api_url: storeUrl })).body;
    expect(created).toMatchObject({ has_admin_access_token: true, api_url: storeUrl });
    const connection = await getConnection(t.db, api.programId, created.id);
    calls.length = 0;
    const result = await reconcileConnection(t.deps, connection, {});
    expect(result).toMatchObject({ orders: 2, pages: 2 });
    const queries = calls.filter((c) => c.path.endsWith('graphql.json'));
    expect(queries).toHaveLength(2);
    expect((queries[0]!.body as { variables: { query: string } }).variables.query).toBe("updated_at:>='2026-03-02T11:55:00.000Z'");
    expect(queries[0]!.auth).toBe('shpat_good');
    expect((await customerBy(api, '207119551')).points_balance).toBe(196); // 587 earned, two of three lines refunded
    expect((await customerBy(api, '207119560')).points_balance).toBe(587);

    await reconcileConnection(t.deps, await getConnection(t.db, api.programId, created.id), {});
    expect((await customerBy(api, '207119551')).points_balance).toBe(196);
    expect((await api.get(`/v1/connections/${created.id}`)).body.health.last_reconciled_at).toBe('2026-03-02T12:00:00.000Z');
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('says in the connection’s health when the store refuses the token', async () => {
    const api = await t.newProgram();
    const created = (await api.post('/v1/connections', { platform: 'shopify', shop_domain: 'refused.myshopify.com', webhook_secret: 's', admin_access_token: 'shpat_revoked', api_url: storeUrl })).body;
    await expect(reconcileConnection(t.deps, await getConnection(t.db, api.programId, created.id), {})).rejects.toThrow(/refused the connection's access token \(HTTP 401\)/);
    expect((await api.get(`/v1/connections/${created.id}`)).body.health).toMatchObject({ failed_deliveries: 1, last_error: expect.stringContaining('refused') });
  });

  it('applies WooCommerce orders modified since a date, and regulars sync does the same from the command line', async () => {
    const api = await t.newProgram();
    const created = (await api.post('/v1/connections', { platform: 'woocommerce', site_url: 'https://woo.example', webhook_secret: 's', admin_access_token: 'ck_good:cs_good', api_url: storeUrl })).body;
    calls.length = 0;
    // Not spawnSync: the stand-in store answers from this process, which must keep running.
    const run = await promisify(execFile)(process.execPath, [path.resolve(import.meta.dirname, '../../bin/regulars.mjs'), 'sync', created.id, '--since', '2017-01-01'], {
      env: { ...process.env, DATABASE_URL: t.url, REGULARS_ENCRYPTION_KEY: '07'.repeat(32) },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1 orders changed since 2017-01-01T00:00:00.000Z applied from https://woo.example (1 pages)');
    expect(calls[0]!.path).toBe('/wp-json/wc/v3/orders?modified_after=2017-01-01T00%3A00%3A00&dates_are_gmt=true&orderby=modified&order=asc&per_page=100&page=1');
    expect((await customerBy(api, '55')).points_balance).toBe(18);
  });
});

describe('writing tiers and memberships back to the store', () => {
  it('tags Shopify customers with their tier, once, and takes the tag off when the tier goes', async () => {
    const api = await t.newProgram();
    const gold = (await api.post('/v1/tiers', { name: 'Gold', threshold: 100 })).body.id;
    const created = (await api.post('/v1/connections', { platform: 'shopify', shop_domain: 'tags.myshopify.com', webhook_secret: 's', admin_access_token: 'shpat_good', api_url: storeUrl })).body;
    await reconcileConnection(t.deps, await getConnection(t.db, api.programId, created.id), {});
    expect((await customerBy(api, '207119551')).tier_id).toBe(gold);
    calls.length = 0;
    const connection = await getConnection(t.db, api.programId, created.id);
    expect(await writeBackCustomers(t.deps, connection)).toBe(2);
    const mutations = calls.map((c) => c.body as { query: string; variables: { id: string; tags: string[] } });
    expect(mutations.map((m) => [m.query.includes('tagsAdd') ? 'add' : 'remove', m.variables.id, m.variables.tags])).toEqual([
      ['add', 'gid://shopify/Customer/207119551', ['regulars-tier-gold']],
      ['add', 'gid://shopify/Customer/207119560', ['regulars-tier-gold']],
    ]);
    calls.length = 0;
    expect(await writeBackCustomers(t.deps, connection)).toBe(0);
    expect(calls).toEqual([]);

    await api.patch(`/v1/tiers/${gold}`, { status: 'archived' });
    await t.db.updateTable('customers').set({ tier_id: null }).where('program_id', '=', api.programId).execute();
    expect(await writeBackCustomers(t.deps, connection)).toBe(2);
    expect(calls.map((c) => (c.body as { query: string; variables: { tags: string[] } }).variables.tags)).toEqual([['regulars-tier-gold'], ['regulars-tier-gold']]);
    expect(calls.every((c) => (c.body as { query: string }).query.includes('tagsRemove'))).toBe(true);
  });

  it('writes WooCommerce customer meta', async () => {
    const api = await t.newProgram();
    await api.post('/v1/tiers', { name: 'Silver Circle', threshold: 10 });
    const created = (await api.post('/v1/connections', { platform: 'woocommerce', site_url: 'https://meta.example', webhook_secret: 's', admin_access_token: 'ck_good:cs_good', api_url: storeUrl })).body;
    const connection = await getConnection(t.db, api.programId, created.id);
    await reconcileConnection(t.deps, connection, { since: new Date('2017-01-01') });
    calls.length = 0;
    expect(await writeBackCustomers(t.deps, connection)).toBe(1);
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/wp-json/wc/v3/customers/55', body: { meta_data: [{ key: 'regulars_tier', value: 'silver-circle' }, { key: 'regulars_member', value: 'no' }] } });
  });
});
