import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from './testing/test-app.ts';
import { lifecycleStage, rfmSegment } from '../analytics/segments.ts';

const t = await createTestApp('2026-04-01T00:00:00Z');

describe('segment rules', () => {
  it.each([
    [5, 5, 5, 'champions'],
    [1, 5, 5, 'cant_lose'],
    [2, 3, 4, 'at_risk'],
    [3, 4, 4, 'loyal'],
    [5, 1, 1, 'new'],
    [4, 2, 2, 'potential_loyalist'],
    [4, 1, 1, 'promising'],
    [3, 2, 2, 'needs_attention'],
    [3, 1, 1, 'about_to_sleep'],
    [2, 1, 2, 'hibernating'],
    [1, 1, 1, 'lost'],
  ] as const)('R%i F%i M%i is %s', (r, f, m, segment) => {
    expect(rfmSegment(r, f, m)).toBe(segment);
  });

  it.each([
    [{ orders: 1, days_since_first: 10, days_since_last: 10 }, 'new'],
    [{ orders: 1, days_since_first: 45, days_since_last: 45 }, 'one_time'],
    [{ orders: 2, days_since_first: 60, days_since_last: 5 }, 'repeat'],
    [{ orders: 6, days_since_first: 300, days_since_last: 5 }, 'loyal'],
    [{ orders: 6, days_since_first: 300, days_since_last: 120 }, 'at_risk'],
    [{ orders: 6, days_since_first: 400, days_since_last: 200 }, 'lapsed'],
  ])('%j is %s', (c, stage) => {
    expect(lifecycleStage(c)).toBe(stage);
  });
});

describe('the retention report', () => {
  it('computes the seed metrics, monthly retention, cohorts and stages of a small store by hand', async () => {
    const api = await t.newProgram();
    const orders: [string, string, number][] = [
      ['a', '2026-01-05', 1000],
      ['a', '2026-01-20', 2000],
      ['a', '2026-02-10', 3000],
      ['b', '2026-01-15', 4000],
      ['c', '2026-02-01', 5000],
      ['c', '2026-03-01', 6000],
    ];
    for (const [who, day, amount] of orders) {
      await api.post('/v1/orders', orderBody({ customer: { external_id: who }, subtotal: amount, total: amount, line_items: [], placed_at: `${day}T12:00:00Z` }));
    }
    const cancelled = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'b' }, subtotal: 9900, total: 9900, line_items: [], placed_at: '2026-03-05T12:00:00Z' }))).body;
    await api.post(`/v1/orders/${cancelled.id}/cancel`);
    const report = (await api.get('/v1/analytics/report?from=2026-01-01&to=2026-04-01')).body;
    expect(report.totals).toEqual({
      customers: 3,
      orders: 6,
      revenue: 21000,
      repeat_customer_rate: 2 / 3,
      purchase_frequency: 2,
      average_order_value: 3500,
      customer_value: 7000,
      historic_clv: 7000,
    });
    expect(report.retention).toEqual([
      { month: '2026-01', customers: 2, returned_next_month: 1, retention_rate: 0.5, churn_rate: 0.5 },
      { month: '2026-02', customers: 2, returned_next_month: 1, retention_rate: 0.5, churn_rate: 0.5 },
      { month: '2026-03', customers: 1, returned_next_month: null, retention_rate: null, churn_rate: null },
    ]);
    expect(report.median_days_between_orders).toBe(21);
    expect(report.cohorts).toEqual([
      { cohort: '2026-01', customers: 2, months: [{ offset: 0, customers: 2, share_returning: 1, revenue_per_customer: 3500 }, { offset: 1, customers: 1, share_returning: 0.5, revenue_per_customer: 1500 }] },
      { cohort: '2026-02', customers: 1, months: [{ offset: 0, customers: 1, share_returning: 1, revenue_per_customer: 5000 }, { offset: 1, customers: 1, share_returning: 1, revenue_per_customer: 6000 }] },
    ]);
    expect(report.lifecycle.at_to).toEqual({ new: 0, one_time: 1, repeat: 2, loyal: 0, at_risk: 0, lapsed: 0 });
    expect(Object.values(report.rfm_segments).reduce((s: number, n) => s + (n as number), 0)).toBe(3);
    expect(report.rfm_movement.reduce((s: number, m: { customers: number }) => s + m.customers, 0)).toBe(3);
    expect(report.rfm_movement.every((m: { from: string | null }) => m.from === null)).toBe(true);
    expect(report.by_tier).toEqual([{ tier_id: null, ...report.totals }]);
    expect(report.by_membership).toEqual([{ group: 'members', ...report.totals }]);
    const springReport = (await api.get('/v1/analytics/report?from=2026-02-01&to=2026-04-01')).body;
    const moves: { from: string | null; customers: number }[] = springReport.rfm_movement;
    expect(moves.filter((m) => m.from !== null).reduce((s, m) => s + m.customers, 0)).toBe(2);
    expect(moves.filter((m) => m.from === null).reduce((s, m) => s + m.customers, 0)).toBe(1);
    expect(Object.values(springReport.rfm_segments).reduce((s: number, n) => s + (n as number), 0)).toBe(3);
    const spring = springReport.lifecycle;
    expect(spring.at_from).toMatchObject({ new: 1, repeat: 1 });
    expect(spring.at_to).toMatchObject({ one_time: 1, repeat: 2 });
    expect(spring.movement).toEqual(expect.arrayContaining([
      { from: 'repeat', to: 'repeat', customers: 1 },
      { from: 'new', to: 'one_time', customers: 1 },
      { from: null, to: 'repeat', customers: 1 },
    ]));
    expect(spring.movement).toHaveLength(3);
    // The report's segment sizes are the customers' own segments, counted.
    const segments: Record<string, number> = {};
    for (const who of ['a', 'b', 'c']) {
      const id = (await api.get(`/v1/customers?external_id=${who}`)).body.data[0].id;
      const segment = (await api.get(`/v1/customers/${id}`)).body.rfm_segment;
      segments[segment] = (segments[segment] ?? 0) + 1;
    }
    expect(Object.fromEntries(Object.entries(report.rfm_segments).filter(([, n]) => n))).toEqual(segments);
    const customer = (await api.get(`/v1/customers/${(await api.get('/v1/customers?external_id=a')).body.data[0].id}`)).body;
    expect(customer).toMatchObject({ lifecycle_stage: 'repeat', rfm_segment: expect.any(String) });
  });

  it('counts a month once per customer, a skipped month as not returned, and a range starting mid-month', async () => {
    const api = await t.newProgram();
    const orders: [string, string, number][] = [
      ['x', '2026-01-03', 1000],
      ['x', '2026-01-20', 2000],
      ['x', '2026-03-05', 3000],
      ['y', '2026-01-25', 4000],
      ['y', '2026-02-02', 5000],
    ];
    for (const [who, day, amount] of orders) {
      await api.post('/v1/orders', orderBody({ customer: { external_id: who }, subtotal: amount, total: amount, line_items: [], placed_at: `${day}T12:00:00Z` }));
    }
    const report = (await api.get('/v1/analytics/report?from=2026-01-10&to=2026-04-01')).body;
    expect(report.retention).toEqual([
      { month: '2026-01', customers: 2, returned_next_month: 1, retention_rate: 0.5, churn_rate: 0.5 },
      { month: '2026-02', customers: 1, returned_next_month: 0, retention_rate: 0, churn_rate: 1 },
      { month: '2026-03', customers: 1, returned_next_month: null, retention_rate: null, churn_rate: null },
    ]);
    // Gaps inside the range only: x 20 Jan → 5 Mar (44 days), y 25 Jan → 2 Feb (8 days).
    expect(report.median_days_between_orders).toBe(26);
    // The January cohort counts its whole first month, including x's order before `from`.
    expect(report.cohorts).toEqual([
      { cohort: '2026-01', customers: 2, months: [
        { offset: 0, customers: 2, share_returning: 1, revenue_per_customer: 3500 },
        { offset: 1, customers: 1, share_returning: 0.5, revenue_per_customer: 2500 },
        { offset: 2, customers: 1, share_returning: 0.5, revenue_per_customer: 1500 },
      ] },
    ]);
  });

  it('reports a store without orders as zeros, not an error', async () => {
    const api = await t.newProgram();
    const res = await api.get('/v1/analytics/report?from=2026-01-01&to=2026-04-01');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totals: { customers: 0, orders: 0, revenue: 0, repeat_customer_rate: 0 }, retention: [], cohorts: [], median_days_between_orders: null, rfm_movement: [] });
    expect(Object.values(res.body.rfm_segments).every((n) => n === 0)).toBe(true);
  });

  it('refuses an empty range and incoherent thresholds', async () => {
    const api = await t.newProgram();
    expect((await api.get('/v1/analytics/report?from=2026-02-01&to=2026-01-01')).body.error.param).toBe('to');
    expect((await api.get('/v1/analytics/report?from=2026-01-01&to=2026-02-01&at_risk_days=200')).body.error.param).toBe('at_risk_days');
  });
});
