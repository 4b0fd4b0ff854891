import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-08-01T12:00:00Z');

/** Three shoppers: Ana (two coffee orders, tagged wholesale), Ben (one mug order last year), Cy (no orders, Arabic). */
async function store(): Promise<{ api: ApiClient; ana: string; ben: string; cy: string }> {
  const api = await t.newProgram();
  const coffee = [{ product_id: 'coffee-1kg', title: 'Coffee', quantity: 1, unit_price: 3000, collections: ['beans'] }];
  const ana = (await api.post('/v1/orders', orderBody({ customer: { email: 'ana@example.com' }, subtotal: 3000, total: 3000, shipping: 0, line_items: coffee, placed_at: '2026-07-20T10:00:00Z' }))).body.customer_id;
  await api.post('/v1/orders', orderBody({ customer: { email: 'ana@example.com' }, subtotal: 3000, total: 3000, shipping: 0, line_items: coffee, placed_at: '2026-07-28T10:00:00Z' }));
  await api.post('/v1/customers', { email: 'ana@example.com', tags: ['wholesale'] });
  const ben = (await api.post('/v1/orders', orderBody({ customer: { email: 'ben@example.com' }, placed_at: '2025-09-01T10:00:00Z' }))).body.customer_id;
  const cy = (await api.post('/v1/customers', { email: 'cy@example.com', locale: 'ar' })).body.id;
  return { api, ana, ben, cy };
}

const ids = async (api: ApiClient, segment: string) => ((await api.get(`/v1/segments/${segment}/customers?limit=100`)).body.data as { id: string }[]).map((c) => c.id).sort();

describe('segments', () => {
  it('counts and lists who matches all or any of the conditions, evaluated when read', async () => {
    const { api, ana, ben, cy } = await store();
    const regulars = await api.post('/v1/segments', { name: 'Coffee regulars', match: 'all', conditions: [{ type: 'bought', collections: ['beans'], within_days: 90 }, { type: 'orders', at_least: 2 }, { type: 'spend', at_least: 5000, within_days: 30 }] });
    expect(regulars.status).toBe(201);
    expect(regulars.body).toMatchObject({ object: 'segment', id: expect.stringMatching(/^seg_/), count: 1 });
    expect(await ids(api, regulars.body.id)).toEqual([ana]);

    const either = (await api.post('/v1/segments', { name: 'Wholesale or Arabic', match: 'any', conditions: [{ type: 'tags', any_of: ['wholesale'] }, { type: 'locale', in: ['ar'] }] })).body;
    expect(either.count).toBe(2);
    expect(await ids(api, either.id)).toEqual([ana, cy].sort());
    const lapsed = (await api.post('/v1/segments', { name: 'Nothing this year', match: 'all', conditions: [{ type: 'orders', at_least: 1 }, { type: 'orders', at_most: 0, within_days: 180 }] })).body;
    expect(await ids(api, lapsed.id)).toEqual([ben]);

    // No stale copy: a new order moves Ben into the regulars the moment it is placed.
    const coffee = [{ product_id: 'coffee-1kg', title: 'Coffee', quantity: 2, unit_price: 3000, collections: ['beans'] }];
    await api.post('/v1/orders', orderBody({ customer: { email: 'ben@example.com' }, subtotal: 6000, total: 6000, line_items: coffee, placed_at: '2026-07-31T10:00:00Z' }));
    expect((await api.get(`/v1/segments/${regulars.body.id}`)).body.count).toBe(2);
    expect((await api.post('/v1/segments/preview', { match: 'all', conditions: [{ type: 'points_balance', at_least: 60 }] })).body).toEqual({ object: 'segment_preview', count: 2 });

    const csv = await t.app.inject({ method: 'GET', url: `/v1/segments/${regulars.body.id}/customers/export`, headers: { authorization: `Bearer ${api.key}` } });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(3);
    expect(csv.body).toContain('ana@example.com');
    expect((await api.get(`/v1/customers?segment_id=${either.id}&limit=10`)).body.data).toHaveLength(2);
  });

  it('refuses conditions that cannot narrow, unknown tiers and unknown types with the field named, saving nothing', async () => {
    const { api } = await store();
    const cases: [unknown, string][] = [
      [{ type: 'orders' }, 'conditions[0]'],
      [{ type: 'bought', within_days: 30 }, 'conditions[0]'],
      [{ type: 'tier', tier_ids: ['tier_missing'] }, 'conditions[0]'],
    ];
    for (const [condition, param] of cases) {
      const refused = await api.post('/v1/segments', { name: 'Bad', match: 'all', conditions: [condition] });
      expect(refused.status, JSON.stringify(condition)).toBe(400);
      expect(refused.body.error.param).toBe(param);
    }
    const unknown = await api.post('/v1/segments', { name: 'Bad', match: 'all', conditions: [{ type: 'zodiac', sign: 'leo' }] });
    expect(unknown.status).toBe(400);
    expect((await api.get('/v1/segments')).body.data).toEqual([]);
  });

  it('makes a reward redeemable only by the segment’s customers, and keeps a used segment from being deleted', async () => {
    const { api, ana, ben } = await store();
    const wholesale = (await api.post('/v1/segments', { name: 'Wholesale', match: 'all', conditions: [{ type: 'tags', any_of: ['wholesale'] }] })).body;
    expect((await api.post('/v1/rewards', { name: 'Trade discount', type: 'amount_off', amount: 500, points_cost: 10, segment_id: 'seg_missing' })).body.error).toMatchObject({ code: 'segment_unknown', param: 'segment_id' });
    const reward = (await api.post('/v1/rewards', { name: 'Trade discount', type: 'amount_off', amount: 500, points_cost: 10, segment_id: wholesale.id })).body;
    expect((await api.post(`/v1/customers/${ana}/redemptions`, { reward_id: reward.id })).status).toBe(201);
    const refused = await api.post(`/v1/customers/${ben}/redemptions`, { reward_id: reward.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('reward_not_eligible');
    expect((await api.delete(`/v1/segments/${wholesale.id}`)).body.error.code).toBe('segment_in_use');

    const other = await t.newProgram();
    expect((await other.get(`/v1/segments/${wholesale.id}`)).status).toBe(404);
    expect((await other.get(`/v1/segments/${wholesale.id}/customers`)).status).toBe(404);
  });
});

describe('segments in earning rules', () => {
  it('double points for champions: a rule for a segment earns for its customers only, when they order or act, explained', async () => {
    const api = await t.newProgram();
    await api.post('/v1/customers', { external_id: 'vip-1', email: 'vip@example.com', tags: ['vip'] });
    const vips = (await api.post('/v1/segments', { name: 'VIPs', match: 'all', conditions: [{ type: 'tags', any_of: ['vip'] }] })).body;
    const bonus = await api.post('/v1/earning-rules', { name: 'VIP bonus', type: 'fixed_per_order', points: 100, segment_id: vips.id });
    expect(bonus.status).toBe(201);
    expect(bonus.body.segment_id).toBe(vips.id);
    await api.post('/v1/earning-rules', { name: 'VIP reviews', type: 'action', event_type: 'review', points: 30, segment_id: vips.id });

    const vip = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'vip-1', email: 'vip@example.com' } }))).body;
    const other = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'plain', email: 'plain@example.com' } }))).body;
    expect(vip.points_earned - other.points_earned).toBe(100);
    const explained = (await api.get(`/v1/customers/${vip.customer_id}/transactions`)).body.data.find((x: { explanation: string }) => x.explanation.includes('VIP bonus'));
    expect(explained.details.segment_id).toBe(vips.id);

    await api.post('/v1/events', { customer: { external_id: 'vip-1' }, type: 'review', idempotency_key: 'r1' });
    await api.post('/v1/events', { customer: { external_id: 'plain' }, type: 'review', idempotency_key: 'r1' });
    const balance = async (id: string) => (await api.get(`/v1/customers/${id}`)).body.points_balance as number;
    expect(await balance(vip.customer_id)).toBe(vip.points_earned + 30);
    expect(await balance(other.customer_id)).toBe(other.points_earned);

    // Try an order has no customer: the segment's rule is left out.
    expect((await api.post('/v1/earning-rules/preview', { subtotal: 5400 })).body.awards.map((a: { rule_name: string }) => a.rule_name)).not.toContain('VIP bonus');
    expect((await api.delete(`/v1/segments/${vips.id}`)).body.error).toMatchObject({ code: 'segment_in_use' });
    expect((await api.post('/v1/earning-rules', { name: 'x', type: 'fixed_per_order', points: 5, segment_id: 'seg_missing' })).body.error).toMatchObject({ param: 'segment_id', code: 'segment_unknown' });
    expect((await api.patch(`/v1/earning-rules/${bonus.body.id}`, { segment_id: 'seg_missing' })).status).toBe(400);
  });
});

describe('segments by predicted value', () => {
  it('the top decile by predicted CLV and the customers slipping away (P(alive)), as the CLV report sees them', async () => {
    const api = await t.newProgram();
    // Thirty customers over a year: some buy often and recently, some bought twice long ago.
    for (let n = 0; n < 30; n++) {
      const orders = 2 + (n % 5);
      const last = n % 3 === 0 ? 300 : 10 + n;
      for (let k = 0; k < orders; k++) {
        const placed = new Date(t.clock.now().getTime() - (last + k * 20) * 86_400_000).toISOString();
        await api.post('/v1/orders', orderBody({ customer: { external_id: `c${n}`, email: `c${n}@example.com` }, placed_at: placed, subtotal: 2000 + n * 100, total: 2000 + n * 100, line_items: [] }));
      }
    }
    const clv = (await api.get('/v1/analytics/clv?limit=3')).body;
    expect(clv.customers).toBe(30);
    const top = await api.post('/v1/segments/preview', { match: 'all', conditions: [{ type: 'predicted_clv', deciles: [1] }] });
    expect(top.body.count).toBe(3);
    const topSegment = (await api.post('/v1/segments', { name: 'Top 10% by predicted value', match: 'all', conditions: [{ type: 'predicted_clv', deciles: [1] }] })).body;
    const members = (await api.get(`/v1/segments/${topSegment.id}/customers?limit=10`)).body.data.map((c: { id: string }) => c.id).sort();
    expect(members).toEqual(clv.top.map((c: { customer_id: string }) => c.customer_id).sort());

    const slipping = (await api.post('/v1/segments/preview', { match: 'all', conditions: [{ type: 'p_alive', at_most: 0.3 }] })).body.count as number;
    const alive = (await api.post('/v1/segments/preview', { match: 'all', conditions: [{ type: 'p_alive', at_least: 0.3 }] })).body.count as number;
    expect(slipping).toBeGreaterThan(0);
    expect(slipping + alive).toBeGreaterThanOrEqual(30);
    expect((await api.post('/v1/segments', { name: 'x', match: 'all', conditions: [{ type: 'p_alive' }] })).body.error).toMatchObject({ param: 'conditions[0]' });
    expect((await api.post('/v1/segments/preview', { match: 'all', conditions: [{ type: 'predicted_clv', deciles: [11] }] })).status).toBe(400);
  });
});
