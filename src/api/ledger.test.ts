import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from './testing/test-app.ts';
import { releaseDueHolds } from '../ledger/holds.ts';
import { verifyLedger } from '../ledger/verify.ts';

const t = await createTestApp();

async function newCustomer(api: Awaited<ReturnType<typeof t.newProgram>>, externalId = 'c') {
  return (await api.post('/v1/customers', { external_id: externalId })).body.id as string;
}

describe('manual adjustments', () => {
  it('adds and removes points with a reason, recorded with who did it', async () => {
    const api = await t.newProgram();
    const id = await newCustomer(api);
    const added = await api.post(`/v1/customers/${id}/adjustments`, { points: 120, reason: 'Goodwill: late parcel', actor: 'ana@shop.com' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ object: 'transaction', code: 'adjust.manual', points: 120, explanation: 'Manual adjustment of +120 points: Goodwill: late parcel' });
    expect(added.body.actor).toMatch(/^ana@shop.com \(key_/);
    const removed = await api.post(`/v1/customers/${id}/adjustments`, { points: -20, reason: 'Correction' });
    expect(removed.body.points).toBe(-20);
    expect((await api.get(`/v1/customers/${id}`)).body).toMatchObject({ points_balance: 100, points_earned_lifetime: 0 });
  });

  it('never goes below zero unless the program allows it', async () => {
    const api = await t.newProgram();
    const id = await newCustomer(api);
    await api.post(`/v1/customers/${id}/adjustments`, { points: 10, reason: 'x' });
    const res = await api.post(`/v1/customers/${id}/adjustments`, { points: -11, reason: 'too much' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ type: 'invalid_request', code: 'insufficient_points', param: 'points' });
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(10);
    await api.patch('/v1/program', { allow_negative_balance: true });
    expect((await api.post(`/v1/customers/${id}/adjustments`, { points: -11, reason: 'allowed now' })).status).toBe(201);
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(-1);
  });

  it('parallel removals cannot overdraw: 100 × −10 on 100 points leaves exactly 0', async () => {
    const api = await t.newProgram();
    const id = await newCustomer(api);
    await api.post(`/v1/customers/${id}/adjustments`, { points: 100, reason: 'start' });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => api.post(`/v1/customers/${id}/adjustments`, { points: -10, reason: `r${i}` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 422)).toHaveLength(90);
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(0);
  });

  it('rejects zero, fractions and missing reasons', async () => {
    const api = await t.newProgram();
    const id = await newCustomer(api);
    for (const body of [{ points: 0, reason: 'x' }, { points: 1.5, reason: 'x' }, { points: 5 }, { points: 5, reason: '' }]) {
      const res = await api.post(`/v1/customers/${id}/adjustments`, body);
      expect(res.status).toBe(400);
    }
    expect((await api.get(`/v1/customers/${id}/transactions`)).body.data).toEqual([]);
  });
});

describe('the ledger', () => {
  it('lists history newest first, paginated', async () => {
    const api = await t.newProgram();
    const id = await newCustomer(api);
    for (let i = 1; i <= 3; i++) await api.post(`/v1/customers/${id}/adjustments`, { points: i, reason: `n${i}` });
    const page = (await api.get(`/v1/customers/${id}/transactions?limit=2`)).body;
    expect(page.data.map((x: { points: number }) => x.points)).toEqual([3, 2]);
    expect(page.has_more).toBe(true);
    const rest = (await api.get(`/v1/customers/${id}/transactions?limit=2&starting_after=${page.data[1].id}`)).body;
    expect(rest.data.map((x: { points: number }) => x.points)).toEqual([1]);
  });

  it('refuses to update or delete entries', async () => {
    const api = await t.newProgram();
    await api.post('/v1/orders', orderBody());
    await expect(sql`update ledger_entries set amount = amount + 1`.execute(t.db)).rejects.toThrow(/immutable/);
    await expect(sql`delete from transfers`.execute(t.db)).rejects.toThrow(/immutable/);
  });

  it('verify finds a balance that differs from its entries', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'tampered' } }))).body;
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
    await sql`update customers set points_available = points_available + 5 where id = ${order.customer_id}`.execute(t.db);
    const { discrepancies } = await verifyLedger(t.db);
    await sql`update customers set points_available = points_available - 5 where id = ${order.customer_id}`.execute(t.db);
    expect(discrepancies).toEqual([
      { kind: 'balance_mismatch', id: order.customer_id, detail: 'points_available: stored 59, ledger 54' },
      { kind: 'lot_mismatch', id: order.customer_id, detail: 'open lots hold 54, available is 59' },
    ]);
  });
});

describe('pending points', () => {
  it('hold the points for the return window; the sweep releases them once', async () => {
    const api = await t.newProgram();
    const [rule] = (await api.get('/v1/earning-rules')).body.data;
    await api.patch(`/v1/earning-rules/${rule.id}`, { hold_days: 14 });
    const order = (await api.post('/v1/orders', orderBody({ placed_at: t.clock.now().toISOString() }))).body;
    expect(order.awards[0]).toMatchObject({ status: 'pending', points: 54 });
    expect(order.awards[0].explanation).toMatch(/pending until \d{4}-\d\d-\d\d$/);
    const customer = () => api.get(`/v1/customers/${order.customer_id}`).then((r) => r.body);
    expect(await customer()).toMatchObject({ points_balance: 0, points_pending: 54, points_earned_lifetime: 54 });

    t.clock.advanceDays(13);
    expect(await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    t.clock.advanceDays(1);
    expect(await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect(await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    expect(await customer()).toMatchObject({ points_balance: 54, points_pending: 0 });
    const history = (await api.get(`/v1/customers/${order.customer_id}/transactions`)).body.data;
    expect(history[0]).toMatchObject({ code: 'release.hold', points: 54, points_pending: -54 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('a refund inside the hold cancels pending points; the rest is released', async () => {
    const api = await t.newProgram();
    const [rule] = (await api.get('/v1/earning-rules')).body.data;
    await api.patch(`/v1/earning-rules/${rule.id}`, { hold_days: 30 });
    const order = (await api.post('/v1/orders', orderBody({ placed_at: t.clock.now().toISOString() }))).body;
    const refund = (await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r', amount: 2700 })).body;
    expect(refund.points_reversed).toBe(27);
    const history = (await api.get(`/v1/customers/${order.customer_id}/transactions`)).body.data;
    expect(history[0]).toMatchObject({ code: 'reverse.refund', points: 0, points_pending: -27 });
    t.clock.advanceDays(31);
    await releaseDueHolds(t.db, t.clock.now(), { programId: api.programId });
    expect((await api.get(`/v1/customers/${order.customer_id}`)).body).toMatchObject({ points_balance: 27, points_pending: 0 });
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('an old order whose window has passed earns available points at once', async () => {
    const api = await t.newProgram();
    const [rule] = (await api.get('/v1/earning-rules')).body.data;
    await api.patch(`/v1/earning-rules/${rule.id}`, { hold_days: 14 });
    const placed = new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString();
    const order = (await api.post('/v1/orders', orderBody({ placed_at: placed }))).body;
    expect(order.awards[0].status).toBe('available');
  });
});
