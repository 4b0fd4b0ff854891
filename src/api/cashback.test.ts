import { describe, expect, it } from 'vitest';
import { releaseDueHolds } from '../ledger/holds.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-07-01T12:00:00Z');

const buy = (api: ApiClient, overrides: Record<string, unknown> = {}) =>
  api.post('/v1/orders', orderBody({ customer: { external_id: 'saver' }, placed_at: t.clock.now().toISOString(), ...overrides })).then((r) => r.body);
const wallet = async (api: ApiClient, id: string) => {
  const c = (await api.get(`/v1/customers/${id}`)).body;
  return { credit: c.store_credit, pending: c.store_credit_pending };
};

describe('cashback', () => {
  it('a share of what was paid comes back as store credit, pending through the return window', async () => {
    t.clock.set('2026-07-01T12:00:00Z');
    const api = await t.newProgram();
    expect((await api.patch('/v1/program', { cashback_percent: 5, cashback_hold_days: 14 })).body).toMatchObject({ cashback_percent: 5, cashback_hold_days: 14 });
    const order = await buy(api, { subtotal: 5400, discount: 400, total: 5500 });
    expect(await wallet(api, order.customer_id)).toEqual({ credit: 0, pending: 250 });
    expect((await api.get('/v1/program-events?type=cashback.earned')).body.data[0].data).toMatchObject({ amount: 250, available_at: '2026-07-15T12:00:00.000Z' });
    const [entry] = (await api.get(`/v1/customers/${order.customer_id}/transactions?limit=1`)).body.data;
    expect(entry).toMatchObject({ code: 'cashback.earn', store_credit: 0, explanation: '5% cashback (program rate) on 50.00 USD = 2.50 USD (rounded down); pending until 2026-07-15' });
    t.clock.advanceDays(14);
    await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId });
    expect(await wallet(api, order.customer_id)).toEqual({ credit: 250, pending: 0 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('tiers set their own rate', async () => {
    t.clock.set('2026-07-01T12:00:00Z');
    const api = await t.newProgram();
    await api.patch('/v1/program', { cashback_percent: 2 });
    await api.post('/v1/tiers', { name: 'Gold', threshold: 0, cashback_percent: 10 });
    await buy(api);
    const second = await buy(api);
    const entry = (await api.get(`/v1/customers/${second.customer_id}/transactions?limit=1`)).body.data[0];
    expect(entry.explanation).toBe('10% cashback (Gold) on 54.00 USD = 5.40 USD (rounded down)');
  });

  it('refunds take it back in proportion, pending first; what was already spent is forgiven', async () => {
    t.clock.set('2026-07-01T12:00:00Z');
    const api = await t.newProgram();
    await api.patch('/v1/program', { cashback_percent: 10, cashback_hold_days: 7 });
    const order = await buy(api);
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'half', amount: 2700 });
    expect(await wallet(api, order.customer_id)).toEqual({ credit: 0, pending: 270 });
    t.clock.advanceDays(8);
    await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId });
    await api.post(`/v1/customers/${order.customer_id}/store-credit/debits`, { amount: 200, external_id: 'spent' });
    await api.post(`/v1/orders/${order.id}/cancel`);
    expect(await wallet(api, order.customer_id)).toEqual({ credit: 0, pending: 0 });
    const [entry] = (await api.get(`/v1/customers/${order.customer_id}/transactions?limit=1`)).body.data;
    expect(entry).toMatchObject({ code: 'cashback.reverse', store_credit: -70, explanation: `Order ${order.external_id} cancelled: 0.70 USD of cashback taken back; 2.00 USD already spent and forgiven` });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('is off by default', async () => {
    const api = await t.newProgram();
    const order = await buy(api);
    expect(await wallet(api, order.customer_id)).toEqual({ credit: 0, pending: 0 });
  });
});
