import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { storefrontOf } from './testing/shopper-session.ts';
import { createTestApp, orderBody } from './testing/test-app.ts';

const t = await createTestApp('2026-11-02T12:00:00Z');

/** Seed 002's Hatch: 1% of every order and 0.25 on top go to a cause, the shopper's choice or the store's. */
async function hatch() {
  const api = await t.newProgram({ name: 'Hatch' });
  const trees = (await api.post('/v1/charity/causes', { name: 'Plant trees' })).body.id as string;
  const water = (await api.post('/v1/charity/causes', { name: 'Clean water' })).body.id as string;
  const set = await api.patch('/v1/program', { giving_percent: 1, giving_fixed: 25, giving_cause_id: trees });
  expect(set.body).toMatchObject({ giving_percent: 1, giving_fixed: 25, giving_cause_id: trees });
  return { api, trees, water };
}

describe('merchant-funded giving', () => {
  it('gives a share of each order to the shopper’s cause or the program’s, once, taken back in proportion on refunds and in full on cancelling', async () => {
    const { api, trees, water } = await hatch();
    const shopper = await storefrontOf(t, api);
    const ana = await shopper('ana');
    const chose = await ana.call('PUT', '/storefront/v1/me/cause', { cause_id: water });
    expect(chose.body).toMatchObject({ object: 'shopper_giving', giving: true, percent: 1, fixed: 25, cause_id: water, default_cause_id: trees, given: 0 });
    expect(chose.body.causes.map((c: { name: string }) => c.name)).toEqual(['Clean water', 'Plant trees']);

    // 54.00 of merchandise: 0.25 + 1% of 54.00 = 0.79.
    const anas = orderBody({ customer: { external_id: 'ana', email: 'ana@example.com' } });
    const order = (await api.post('/v1/orders', anas)).body;
    expect((await api.post('/v1/orders', anas)).status).toBe(200);
    const ben = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'ben', email: 'ben@example.com' } }))).body;
    const causes = async () => Object.fromEntries(((await api.get('/v1/charity/causes')).body.data as { id: string; amount_donated: number; donations: number }[]).map((c) => [c.id, [c.amount_donated, c.donations]]));
    expect(await causes()).toEqual({ [water]: [79, 1], [trees]: [79, 1] });

    // Half the merchandise refunded: half the donation (rounded down) comes back; a replayed refund takes nothing more.
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r-1', amount: 2700 });
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r-1', amount: 2700 });
    await api.post(`/v1/orders/${ben.id}/cancel`);
    expect(await causes()).toEqual({ [water]: [40, 1], [trees]: [0, 1] });
    expect((await ana.call('GET', '/storefront/v1/me/giving')).body.given).toBe(40);
    expect((await api.get(`/v1/customers/${order.customer_id}`)).body.cause_id).toBe(water);

    const report = (await api.get('/v1/charity/report?from=2026-11-01&to=2026-12-01')).body.data;
    expect(report).toEqual(expect.arrayContaining([expect.objectContaining({ cause_id: water, source: 'order', donations: 1, amount: 40, month: '2026-11' }), expect.objectContaining({ cause_id: trees, source: 'order', amount: 0 })]));
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('falls back to the program’s cause when the shopper’s is archived, and refuses causes it cannot give to', async () => {
    const { api, trees, water } = await hatch();
    await api.post('/v1/customers', { external_id: 'cy', email: 'cy@example.com', cause_id: water });
    await api.patch(`/v1/charity/causes/${water}`, { status: 'archived' });
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'cy', email: 'cy@example.com' } }));
    expect(((await api.get(`/v1/charity/causes/${trees}`)).body as { amount_donated: number }).amount_donated).toBe(79);
    expect((await api.patch('/v1/program', { giving_cause_id: 'cause_missing' })).body.error).toMatchObject({ code: 'cause_unknown', param: 'giving_cause_id' });
    expect((await api.patch('/v1/program', { giving_cause_id: water })).body.error).toMatchObject({ code: 'cause_archived', param: 'giving_cause_id' });
    expect((await api.patch('/v1/program', { giving_percent: 150 })).status).toBe(400);
    expect((await api.post('/v1/customers', { external_id: 'cy', cause_id: water })).body.error).toMatchObject({ param: 'cause_id' });
    const dee = await (await storefrontOf(t, api))('dee');
    expect((await dee.call('PUT', '/storefront/v1/me/cause', { cause_id: 'cause_missing' })).body.error).toMatchObject({ param: 'cause_id' });
    // Giving off: orders give nothing.
    await api.patch('/v1/program', { giving_percent: 0, giving_fixed: 0 });
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'cy', email: 'cy@example.com' } }));
    expect(((await api.get(`/v1/charity/causes/${trees}`)).body as { amount_donated: number }).amount_donated).toBe(79);
  });
});
