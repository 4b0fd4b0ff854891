import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from './testing/test-app.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { expirePoints } from '../workflows/points-expiry.ts';
import { loadDemoStore } from '../workflows/demo-store.ts';
import { clvInput } from '../analytics/clv/clv-input.ts';
import { summarise } from '../analytics/clv/summary.ts';

const t = await createTestApp('2026-11-01T00:00:00Z');

describe('program economics', () => {
  it('counts points issued, spent, expired and outstanding, and the liability at the cost per point', async () => {
    t.clock.set('2026-10-01T00:00:00Z');
    const api = await t.newProgram();
    await api.patch('/v1/program', { point_cost_per_1000: 500, expiry_policy: 'fixed', expiry_days: 10 });
    const first = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'e1' }, subtotal: 10000, total: 10000, line_items: [], placed_at: '2026-10-01T00:00:00Z' }))).body;
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'e2' }, subtotal: 5000, total: 5000, line_items: [], placed_at: '2026-10-01T00:00:00Z' }));
    const reward = (await api.post('/v1/rewards', { name: '$2 off', type: 'amount_off', amount: 200, points_cost: 60 })).body.id;
    const code = (await api.post(`/v1/customers/${first.customer_id}/redemptions`, { reward_id: reward })).body.code;
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'e1' }, subtotal: 1000, total: 800, discount: 200, line_items: [], discount_codes: [code], placed_at: '2026-10-01T00:00:00Z' }));
    t.clock.set('2026-10-20T00:00:00Z');
    await expirePoints(t.db, t.clock.now(), { programId: api.programId });
    const e = (await api.get('/v1/analytics/economics?from=2026-10-01&to=2026-11-01')).body;
    expect(e).toMatchObject({
      points_issued: 158,
      points_redeemed: 60,
      points_expired: 98,
      points_outstanding: 0,
      liability: 0,
      rewards_used: 1,
      reward_value: 200,
      top_rewards: [{ reward_id: reward, name: '$2 off', used: 1, value: 200 }],
    });
    expect(e.redemption_rate).toBeCloseTo(60 / 158, 6);
    expect(e.breakage_rate).toBeCloseTo(98 / 158, 6);
  });
});

describe('predicted CLV and the retention projection on a synthetic store', async () => {
  const api = await t.newProgram({ name: 'Demo' });
  t.clock.set('2026-11-01T00:00:00Z');
  await loadDemoStore(t.db, t.url, await loadProgramContext(t.db, api.programId), { customers: 1500, orders: 6000 }, t.clock.now());
  // The store's history runs up to this day; other tests move the clock.
  beforeEach(() => t.clock.set('2026-11-01T00:00:00Z'));

  it('fits the models and ranks customers by predicted value', async () => {
    const res = (await api.get('/v1/analytics/clv?horizon_days=365&discount_rate=0.1&limit=5')).body;
    expect(res).toMatchObject({ object: 'clv_prediction', customers: 1500 });
    expect(res.bgnbd.r).toBeGreaterThan(0);
    expect(res.expected_active_customers).toBeGreaterThan(0);
    expect(res.expected_active_customers).toBeLessThanOrEqual(1500);
    expect(res.predicted_clv_total).toBeGreaterThan(0);
    const values = res.top.map((c: { predicted_clv: number }) => c.predicted_clv);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
    const short = (await api.get('/v1/analytics/clv?horizon_days=30&limit=1')).body;
    expect(short.predicted_clv_total).toBeLessThan(res.predicted_clv_total);
  }, 60_000);

  it('reads the model input from the orders as summarise does: same-day orders merged, refunds net, cancelled orders left out', async () => {
    const store = await t.newProgram();
    const order = (id: string, placed_at: string, total: number) => store.post('/v1/orders', orderBody({ customer: { external_id: id }, subtotal: total, total, line_items: [], placed_at }));
    await order('once', '2026-08-01T08:00:00Z', 700);
    await order('once-a-day', '2026-08-01T23:59:59Z', 300);
    await order('once-a-day', '2026-08-02T00:00:00Z', 200);
    await order('twice-a-day', '2026-09-01T08:00:00Z', 1000);
    await order('twice-a-day', '2026-09-01T20:00:00Z', 500);
    const refunded = (await order('twice-a-day', '2026-09-15T10:00:00Z', 4000)).body;
    await store.post(`/v1/orders/${refunded.id}/refunds`, { external_id: 'r1', amount: 1000 });
    const cancelled = (await order('twice-a-day', '2026-10-01T10:00:00Z', 9000)).body;
    await store.post(`/v1/orders/${cancelled.id}/cancel`, {});
    const { rows } = await sql<{ customer_id: string; d: string; v: string }>`
      select customer_id, to_char(placed_at at time zone 'UTC', 'YYYY-MM-DD') as d, total_minor - refunded_minor as v from orders where program_id = ${store.programId} and status <> 'cancelled'`.execute(t.db);
    const expected = summarise(rows.map((r) => ({ customerId: r.customer_id, date: r.d, amount: Number(r.v) })), '2026-11-01', 'week');
    const byId = (a: { customerId: string }, b: { customerId: string }) => a.customerId.localeCompare(b.customerId);
    const input = (await clvInput(t.db, store.programId, t.clock.now(), 'week')).sort(byId);
    expect(input).toHaveLength(3);
    expected.sort(byId).forEach((e, i) => {
      expect(input[i]).toMatchObject({ customerId: e.customerId, x: e.x });
      for (const key of ['t_x', 'T', 'm_x'] as const) expect(input[i]![key]).toBeCloseTo(e[key], 9);
    });
    expect(input.find((c) => c.customerId === refunded.customer_id)).toMatchObject({ x: 1, m_x: 3000 });
  });

  it('spreads the predicted value over deciles of customers and P(alive) over tenths', async () => {
    const res = (await api.get('/v1/analytics/clv?limit=1000')).body;
    const deciles = res.value_by_decile as { decile: number; customers: number; min_clv: number; max_clv: number; average_clv: number; share_of_value: number }[];
    expect(deciles.map((d) => d.decile)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(deciles.reduce((s, d) => s + d.customers, 0)).toBe(1500);
    expect(deciles.reduce((s, d) => s + d.share_of_value, 0)).toBeCloseTo(1, 6);
    // The top decile is the ten percent with the highest predicted CLV, highest first.
    const ranked = (res.top as { predicted_clv: number }[]).map((c) => c.predicted_clv);
    expect([deciles[0]!.max_clv, deciles[0]!.min_clv]).toEqual([ranked[0], ranked[149]]);
    for (let i = 1; i < 10; i++) expect(deciles[i]!.max_clv).toBeLessThanOrEqual(deciles[i - 1]!.min_clv);
    expect(deciles[0]!.share_of_value).toBeGreaterThan(0.1);
    const bands = res.p_alive_bands as { from: number; to: number; customers: number }[];
    expect(bands).toHaveLength(10);
    expect(bands.reduce((s, b) => s + b.customers, 0)).toBe(1500);
    expect(bands[9]!.customers).toBeGreaterThanOrEqual((res.top as { p_alive: number }[]).filter((c) => c.p_alive >= 0.9).length);
  }, 60_000);

  it('projects revenue at current retention and five points higher', async () => {
    const res = (await api.get('/v1/analytics/projection?months=12&uplift_points=5')).body;
    expect(res.inputs.monthlyRetention).toBeGreaterThan(0);
    expect(res.at_current_retention.by_month).toHaveLength(12);
    expect(res.at_higher_retention.revenue).toBeGreaterThan(res.at_current_retention.revenue);
  });

  it('backtests a draft program over the history without touching live data', async () => {
    const draft = { earning_rules: [{ name: 'Base', type: 'points_per_unit', points: 1 }], tiers: [{ name: 'Gold', threshold: 500, earn_multiplier: 1.5 }], typical_redemption_rate: 0.3, reward_points_cost: 100, point_cost_per_1000: 10 };
    const res = await api.post('/v1/analytics/backtest', { draft, from: '2024-01-01', to: '2026-11-01' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'backtest', customers: 1500 });
    expect(res.body.points_issued).toBeGreaterThan(0);
    expect(res.body.points_issued).toBe(res.body.points_redeemed_if_typical + res.body.points_expired + res.body.points_outstanding);
    expect(res.body.customers_per_tier.Gold).toBeGreaterThan(0);
    const someone = (await api.get('/v1/customers?limit=1')).body.data[0];
    expect(someone.points_balance).toBe(0);
    const bad = await api.post('/v1/analytics/backtest', { draft: { earning_rules: [] }, from: '2024-01-01', to: '2026-11-01' });
    expect(bad.status).toBe(400);
  });

  it('sells the demo catalog, with replenishable staples bought again', async () => {
    type Line = { product_id: string; collections: string[]; unit_price: number; quantity: number };
    const orders: { id: string; customer_id: string; total: number; line_items: Line[] }[] = [];
    for (let page = 0; page < 5; page++) orders.push(...(await api.get(`/v1/orders?limit=100${orders.length ? `&starting_after=${orders.at(-1)!.id}` : ''}`)).body.data);
    for (const o of orders) {
      expect(o.line_items.length).toBeGreaterThan(0);
      expect(o.total).toBe(o.line_items.reduce((s, l) => s + l.unit_price * l.quantity, 0));
    }
    const byCustomer = Map.groupBy(orders, (o) => o.customer_id);
    const staples = [...byCustomer.values()].filter((list) => list.length > 1).map((list) => {
      const replenishable = list.map((o) => new Set(o.line_items.filter((l) => l.collections.includes('replenishable')).map((l) => l.product_id)));
      return [...replenishable[0]!].some((id) => replenishable.slice(1).some((s) => s.has(id)));
    });
    expect(staples.filter(Boolean).length).toBeGreaterThan(staples.length / 2);
    const draft = (include_collections?: string[]) => ({ earning_rules: [{ name: 'Coffee', type: 'points_per_unit', points: 1, include_collections }] });
    const all = (await api.post('/v1/analytics/backtest', { draft: draft(), from: '2024-01-01', to: '2026-11-01' })).body;
    const coffee = (await api.post('/v1/analytics/backtest', { draft: draft(['coffee']), from: '2024-01-01', to: '2026-11-01' })).body;
    expect(coffee.points_issued).toBeGreaterThan(0);
    expect(coffee.points_issued).toBeLessThan(all.points_issued);
  });

  it('refuses to predict on too little history', async () => {
    const empty = await t.newProgram();
    expect((await empty.get('/v1/analytics/clv')).body.error.code).toBe('not_enough_history');
  });
});

describe('the holdout group', () => {
  it('keeps a random share of new customers out of the program and measures the lift against them', async () => {
    t.clock.set('2026-10-01T00:00:00Z');
    const api = await t.newProgram();
    await api.patch('/v1/program', { holdout_percent: 50 });
    const placed = [];
    for (let i = 0; i < 40; i++) placed.push((await api.post('/v1/orders', orderBody({ customer: { external_id: `h${i}` }, placed_at: '2026-10-01T00:00:00Z' }))).body);
    const customers = await Promise.all(placed.map((o) => api.get(`/v1/customers/${o.customer_id}`).then((r) => r.body)));
    const held = customers.filter((c) => c.in_holdout);
    expect(held.length).toBeGreaterThan(5);
    expect(held.length).toBeLessThan(35);
    expect(held.every((c) => c.points_balance === 0)).toBe(true);
    expect(customers.filter((c) => !c.in_holdout).every((c) => c.points_balance === 54)).toBe(true);
    const l = (await api.get('/v1/analytics/lift?from=2026-10-01&to=2026-11-01')).body;
    expect(l.members.customers + l.holdout.customers).toBe(40);
    expect(l.holdout.customers).toBe(held.length);
    expect(l.repeat_rate_lift.ci95).toHaveLength(2);
  });
});
