import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-05-10T10:00:00Z');

async function customerWith(api: ApiClient, points: number, externalId = 'shopper') {
  const id = (await api.post('/v1/customers', { external_id: externalId })).body.id as string;
  await api.post(`/v1/customers/${id}/adjustments`, { points, reason: 'test balance' });
  return id;
}
const credit = async (api: ApiClient, id: string) => (await api.get(`/v1/customers/${id}`)).body.store_credit;

describe('store credit', () => {
  it('a store credit reward turns points into credit at once', async () => {
    const api = await t.newProgram();
    const id = await customerWith(api, 1000);
    const reward = (await api.post('/v1/rewards', { name: '$5 credit', type: 'store_credit', amount: 500, points_cost: 500 })).body.id;
    const rdm = await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward });
    expect(rdm.body).toMatchObject({ status: 'used', code: null, points: 500, discount: { type: 'store_credit', amount: 500 } });
    const c = (await api.get(`/v1/customers/${id}`)).body;
    expect(c).toMatchObject({ points_balance: 500, points_reserved: 0, store_credit: 500 });
    const history = (await api.get(`/v1/customers/${id}/transactions?limit=3`)).body.data;
    expect(history.map((x: { code: string }) => x.code).sort()).toEqual(['credit.issue', 'redeem.reserve', 'redeem.use']);
    expect(history.find((x: { code: string }) => x.code === 'credit.issue')).toMatchObject({ store_credit: 500, points: 0, explanation: '5.00 USD of store credit for 500 points ($5 credit)' });
  });

  it('pay with points: 100 points per 1.00 of credit', async () => {
    const api = await t.newProgram();
    const id = await customerWith(api, 1000);
    const reward = (await api.post('/v1/rewards', { name: 'Credit', type: 'store_credit', points_per_unit: 100 })).body.id;
    await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward, points: 700 });
    expect(await credit(api, id)).toBe(700);
  });

  it('is spent and given back idempotently, never below zero, whatever the concurrency', async () => {
    const api = await t.newProgram();
    const id = await customerWith(api, 500);
    const reward = (await api.post('/v1/rewards', { name: 'Credit', type: 'store_credit', amount: 500, points_cost: 500 })).body.id;
    await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward });
    const spend = await api.post(`/v1/customers/${id}/store-credit/debits`, { amount: 300, external_id: 'pay-1', reason: 'order 1001' });
    expect(spend.status).toBe(201);
    expect(spend.body).toMatchObject({ code: 'credit.spend', store_credit: -300, explanation: '3.00 USD of store credit spent: order 1001' });
    const replay = await api.post(`/v1/customers/${id}/store-credit/debits`, { amount: 300, external_id: 'pay-1' });
    expect(replay.body.id).toBe(spend.body.id);
    const tooMuch = await api.post(`/v1/customers/${id}/store-credit/debits`, { amount: 201, external_id: 'pay-2' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.code).toBe('insufficient_store_credit');
    await api.post(`/v1/customers/${id}/store-credit/credits`, { amount: 100, external_id: 'refund-1', reason: 'refund of order 1001' });
    expect(await credit(api, id)).toBe(300);
    const parallel = await Promise.all(Array.from({ length: 20 }, (_, i) => api.post(`/v1/customers/${id}/store-credit/debits`, { amount: 50, external_id: `p${i}` })));
    expect(parallel.filter((r) => r.status === 201)).toHaveLength(6);
    expect(await credit(api, id)).toBe(0);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('refuses zero, fractions and missing ids', async () => {
    const api = await t.newProgram();
    const id = await customerWith(api, 1);
    for (const body of [{ amount: 0, external_id: 'a' }, { amount: 1.5, external_id: 'a' }, { amount: 100 }]) {
      expect((await api.post(`/v1/customers/${id}/store-credit/credits`, body)).status).toBe(400);
    }
    expect(await credit(api, id)).toBe(0);
  });
});

describe('charity', () => {
  it('donating points to a cause: running totals and a monthly report', async () => {
    const api = await t.newProgram();
    const id = await customerWith(api, 1000);
    const cause = (await api.post('/v1/charity/causes', { name: 'Ocean cleanup', description: 'Plastic out of the sea' })).body;
    expect(cause).toMatchObject({ object: 'cause', status: 'active', donations: 0, points_donated: 0, amount_donated: 0 });
    const reward = (await api.post('/v1/rewards', { name: 'Give $2', type: 'charity_donation', cause_id: cause.id, amount: 200, points_cost: 300 })).body.id;
    expect((await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward })).body).toMatchObject({ status: 'used', discount: { cause_id: cause.id, amount: 200 } });
    t.clock.set('2026-06-02T10:00:00Z');
    await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward });
    expect((await api.get(`/v1/charity/causes/${cause.id}`)).body).toMatchObject({ donations: 2, points_donated: 600, amount_donated: 400 });
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(400);
    const report = (await api.get('/v1/charity/report?from=2026-05-01&to=2026-07-01')).body;
    expect(report.data).toEqual([
      { cause_id: cause.id, name: 'Ocean cleanup', month: '2026-05', source: 'points', donations: 1, points: 300, amount: 200, currency: 'USD' },
      { cause_id: cause.id, name: 'Ocean cleanup', month: '2026-06', source: 'points', donations: 1, points: 300, amount: 200, currency: 'USD' },
    ]);
    await api.patch(`/v1/charity/causes/${cause.id}`, { status: 'archived' });
    const archived = await api.post(`/v1/customers/${id}/redemptions`, { reward_id: reward });
    expect(archived.body.error.code).toBe('cause_archived');
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(400);
    t.clock.set('2026-05-10T10:00:00Z');
  });

  it('a charity reward needs a cause of the program', async () => {
    const api = await t.newProgram();
    const other = await t.newProgram();
    const foreign = (await other.post('/v1/charity/causes', { name: 'Not yours' })).body.id;
    const res = await api.post('/v1/rewards', { name: 'Give', type: 'charity_donation', cause_id: foreign, points_cost: 10 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'cause_unknown', param: 'cause_id' });
    expect((await api.post('/v1/rewards', { name: 'Give', type: 'charity_donation', points_cost: 10 })).body.error.param).toBe('cause_id');
    expect((await api.get(`/v1/charity/causes/${foreign}`)).status).toBe(404);
  });
});
