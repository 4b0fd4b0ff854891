import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';
import { announceExpiringPoints, expirePoints } from '../workflows/points-expiry.ts';
import { verifyLedger } from '../ledger/verify.ts';

const t = await createTestApp('2026-01-01T12:00:00Z');
const START = Date.parse('2026-01-01T12:00:00Z');
const onDay = (n: number) => t.clock.set(new Date(START + n * 86_400_000));

async function program(settings: Record<string, unknown>) {
  t.clock.set(new Date(START));
  const api = await t.newProgram();
  expect((await api.patch('/v1/program', settings)).status).toBe(200);
  return api;
}

/** An order earning `points` (1 per dollar) now, for the shopper. */
async function earn(api: ApiClient, points: number) {
  const order = await api.post('/v1/orders', orderBody({ customer: { external_id: 'shopper' }, subtotal: points * 100, total: points * 100, line_items: [], placed_at: t.clock.now().toISOString() }));
  expect(order.status).toBe(201);
  return order.body as { id: string; customer_id: string };
}

const sweep = (api: ApiClient) => expirePoints(t.db, t.clock.now(), { programId: api.programId });
const customer = async (api: ApiClient, id: string) => (await api.get(`/v1/customers/${id}`)).body;

describe('fixed expiry: lots, oldest first', () => {
  it('each lot expires on its own date with what is left of it after redemptions', async () => {
    const api = await program({ expiry_policy: 'fixed', expiry_days: 30 });
    const first = await earn(api, 100);
    onDay(10);
    await earn(api, 50);
    onDay(15);
    const reward = (await api.post('/v1/rewards', { name: '120', type: 'amount_off', amount: 1200, points_cost: 120 })).body.id;
    expect((await api.post(`/v1/customers/${first.customer_id}/redemptions`, { reward_id: reward })).status).toBe(201);
    expect((await customer(api, first.customer_id)).points_expiry).toEqual({
      policy: 'fixed',
      next: { points: 30, expires_at: '2026-02-10T12:00:00.000Z' },
      lots: [{ points: 30, earned_at: '2026-01-11T12:00:00.000Z', expires_at: '2026-02-10T12:00:00.000Z' }],
    });
    onDay(31);
    expect(await sweep(api)).toBe(0);
    onDay(40);
    expect(await sweep(api)).toBe(1);
    expect(await sweep(api)).toBe(0);
    const after = await customer(api, first.customer_id);
    expect(after).toMatchObject({ points_balance: 0, points_reserved: 120, points_expiry: { next: null, lots: [] } });
    const history = (await api.get(`/v1/customers/${first.customer_id}/transactions?limit=1`)).body.data[0];
    expect(history).toMatchObject({ code: 'expire.points', points: -30, explanation: '30 points earned 2026-01-11 expired on 2026-02-10' });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('a voided redemption gives its points back to the lots they came from', async () => {
    const api = await program({ expiry_policy: 'fixed', expiry_days: 30 });
    const order = await earn(api, 100);
    onDay(5);
    const reward = (await api.post('/v1/rewards', { name: '60', type: 'amount_off', amount: 600, points_cost: 60 })).body.id;
    const rdm = (await api.post(`/v1/customers/${order.customer_id}/redemptions`, { reward_id: reward })).body;
    onDay(10);
    await api.post(`/v1/redemptions/${rdm.id}/void`, {});
    expect((await customer(api, order.customer_id)).points_expiry.lots).toEqual([{ points: 100, earned_at: '2026-01-01T12:00:00.000Z', expires_at: '2026-01-31T12:00:00.000Z' }]);
    onDay(30);
    expect(await sweep(api)).toBe(1);
    expect((await customer(api, order.customer_id)).points_balance).toBe(0);
  });

  it("a refund takes back the refunded order's own points first, so older points keep their date", async () => {
    const api = await program({ expiry_policy: 'fixed', expiry_days: 30 });
    const older = await earn(api, 100);
    onDay(10);
    const newer = await earn(api, 50);
    onDay(12);
    await api.post(`/v1/orders/${newer.id}/refunds`, { external_id: 'r' });
    const lots = (await customer(api, older.customer_id)).points_expiry.lots;
    expect(lots).toEqual([{ points: 100, earned_at: '2026-01-01T12:00:00.000Z', expires_at: '2026-01-31T12:00:00.000Z' }]);
  });

  it('pending points expire only once available, counted from when they were earned', async () => {
    const api = await program({ expiry_policy: 'fixed', expiry_months: 1 });
    const [rule] = (await api.get('/v1/earning-rules')).body.data;
    await api.patch(`/v1/earning-rules/${rule.id}`, { hold_days: 14 });
    const order = await earn(api, 80);
    onDay(13);
    expect(await sweep(api)).toBe(0);
    const { releaseDueHolds } = await import('../ledger/holds.ts');
    onDay(14);
    await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId });
    expect((await customer(api, order.customer_id)).points_expiry.next).toEqual({ points: 80, expires_at: '2026-02-01T12:00:00.000Z' });
    onDay(31);
    expect(await sweep(api)).toBe(1);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('announces points expiring soon once per deadline', async () => {
    const api = await program({ expiry_policy: 'fixed', expiry_days: 30, expiry_warning_days: 7 });
    const order = await earn(api, 40);
    onDay(22);
    expect(await announceExpiringPoints(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    onDay(24);
    expect(await announceExpiringPoints(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect(await announceExpiringPoints(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    const events = (await api.get(`/v1/program-events?customer_id=${order.customer_id}&type=points.expiring_soon`)).body.data;
    expect(events).toMatchObject([{ object: 'program_event', type: 'points.expiring_soon', data: { points: 40, expires_at: '2026-01-31T12:00:00.000Z' } }]);
  });
});

describe('inactivity expiry', () => {
  it('the whole balance expires after the period without earning or redeeming; earning again restarts it', async () => {
    const api = await program({ expiry_policy: 'inactivity', expiry_days: 90 });
    const order = await earn(api, 70);
    onDay(60);
    await api.post(`/v1/customers/${order.customer_id}/adjustments`, { points: 30, reason: 'goodwill (not activity)' });
    expect((await customer(api, order.customer_id)).points_expiry).toEqual({ policy: 'inactivity', next: { points: 100, expires_at: '2026-04-01T12:00:00.000Z' }, lots: [] });
    onDay(89);
    expect(await sweep(api)).toBe(0);
    onDay(90);
    expect(await sweep(api)).toBe(1);
    expect(await sweep(api)).toBe(0);
    expect((await customer(api, order.customer_id)).points_balance).toBe(0);
    onDay(100);
    await earn(api, 10);
    onDay(150);
    expect(await sweep(api)).toBe(0);
    expect((await customer(api, order.customer_id)).points_balance).toBe(10);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('an expiring policy needs a period', async () => {
    const api = await t.newProgram();
    const res = await api.patch('/v1/program', { expiry_policy: 'fixed' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_missing', param: 'expiry_days' });
    expect((await api.patch('/v1/program', { expiry_policy: 'inactivity', expiry_days: 30, expiry_months: 1 })).status).toBe(400);
  });
});
