import { beforeEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-11-02T12:00:00Z');

/** Sixty customers with 1,000 points each, and seed 004's two offers: a $10 credit and 10% off. */
async function store(): Promise<{ api: ApiClient; customers: string[]; credit: string; percent: string }> {
  const api = await t.newProgram();
  const customers: string[] = [];
  for (let n = 0; n < 60; n++) {
    const id = (await api.post('/v1/customers', { external_id: `c${n}`, email: `c${n}@example.com` })).body.id as string;
    expect((await api.post(`/v1/customers/${id}/adjustments`, { points: 1000, reason: 'Starting balance' })).status).toBe(201);
    customers.push(id);
  }
  const credit = (await api.post('/v1/rewards', { name: '$10 credit', type: 'store_credit', amount: 1000, points_cost: 500 })).body.id as string;
  const percent = (await api.post('/v1/rewards', { name: '10% off', type: 'percent_off', percent: 10, points_cost: 500 })).body.id as string;
  return { api, customers, credit, percent };
}

type Variant = { name: string; members: number; value: number; ci95: [number, number]; lift: { difference: number; ci95: [number, number] } | null };

beforeEach(() => t.clock.set('2026-11-02T12:00:00Z'));

describe('offer experiments', () => {
  it('seed 004: a $10 credit against 10% off, split by a stable hash; each variant redeems its own offer; the report has each rate and the lift with intervals', async () => {
    const { api, customers, credit, percent } = await store();
    const started = await api.post('/v1/experiments', { name: '$10 credit vs 10% off', variants: [{ name: '$10 credit', reward_id: credit }, { name: '10% off', reward_id: percent }], metric: 'redemption_rate', days: 30 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ object: 'experiment', status: 'running', members: 60, split: [50, 50], metric: 'redemption_rate' });
    const [a, b] = started.body.variants as Variant[];
    expect(a!.members + b!.members).toBe(60);
    expect(Math.min(a!.members, b!.members)).toBeGreaterThan(15);

    // Who is in which variant shows in what they may redeem: their own offer, not the other.
    const redeem = (customer: string, reward: string) => api.post(`/v1/customers/${customer}/redemptions`, { reward_id: reward });
    const inA: string[] = [];
    const inB: string[] = [];
    for (const c of customers) {
      const tried = await redeem(c, credit);
      if (tried.status === 201) inA.push(c);
      else {
        expect(tried.body.error).toMatchObject({ code: 'reward_not_eligible' });
        inB.push(c);
      }
    }
    expect([inA.length, inB.length]).toEqual([a!.members, b!.members]);
    // Half of B redeem theirs; A can never take B's.
    for (const c of inB.slice(0, Math.floor(inB.length / 2))) expect((await redeem(c, percent)).status).toBe(201);
    expect((await redeem(inA[0]!, percent)).body.error).toMatchObject({ code: 'reward_not_eligible' });

    t.clock.set('2026-11-02T13:00:00Z');
    const report = (await api.get(`/v1/experiments/${started.body.id}`)).body;
    const [ra, rb] = report.variants as Variant[];
    expect(ra!.value).toBe(1);
    expect(rb!.value).toBeCloseTo(Math.floor(inB.length / 2) / inB.length, 10);
    expect(rb!.lift!.difference).toBeCloseTo(rb!.value - 1, 10);
    expect(rb!.lift!.ci95[0]).toBeLessThan(rb!.lift!.difference);
    expect(rb!.ci95[0]).toBeLessThan(rb!.value);
    expect(report.window.complete).toBe(false);

    // Stopping keeps what was given; the offers are everyone's again.
    const stopped = await api.post(`/v1/experiments/${started.body.id}/stop`);
    expect(stopped.body).toMatchObject({ status: 'stopped', stopped_at: '2026-11-02T13:00:00.000Z' });
    expect((await api.post(`/v1/experiments/${started.body.id}/stop`)).status).toBe(409);
    expect((await redeem(inA[1]!, percent)).status).toBe(201);
    expect((await api.get(`/v1/customers/${inA[0]}`)).body.store_credit).toBe(1000);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('an earning rule under test earns only for its variant; repeat rate and revenue per customer over the window', async () => {
    const { api, customers } = await store();
    const bonus = (await api.post('/v1/earning-rules', { name: '100 bonus points per order', type: 'fixed_per_order', points: 100 })).body.id as string;
    const control = (await api.post('/v1/earning-rules', { name: 'No bonus', type: 'fixed_per_order', points: 1, min_spend: 100_000_000 })).body.id as string;
    const experiment = (await api.post('/v1/experiments', { name: 'Bonus points', variants: [{ name: 'None', earning_rule_id: control }, { name: 'Bonus', earning_rule_id: bonus }], split: [30, 70], metric: 'revenue_per_customer', days: 14 })).body;
    expect(experiment.split).toEqual([30, 70]);

    let bonusOrders = 0;
    for (const [n, c] of customers.slice(0, 20).entries()) {
      const order = (await api.post('/v1/orders', orderBody({ customer: { external_id: `c${n}`, email: `c${n}@example.com` }, placed_at: t.clock.now().toISOString() }))).body;
      // 54 points from the default rule, and 100 more in the bonus variant only.
      expect([54, 154]).toContain(order.points_earned);
      if (order.points_earned === 154) bonusOrders += 1;
      expect(order.customer_id).toBe(c);
    }
    t.clock.set('2026-11-03T12:00:00Z');
    const report = (await api.get(`/v1/experiments/${experiment.id}`)).body;
    const [none, bonusVariant] = report.variants as Variant[];
    expect(none!.members + bonusVariant!.members).toBe(60);
    // The same customers are counted: revenue per member is their orders' 59.00 over the variant's members.
    expect(bonusVariant!.value).toBe(Math.round((bonusOrders * 5900) / bonusVariant!.members));
    expect(none!.value).toBe(Math.round(((20 - bonusOrders) * 5900) / none!.members));
    expect(bonusVariant!.lift!.difference).toBe(Math.round((bonusOrders * 5900) / bonusVariant!.members - ((20 - bonusOrders) * 5900) / none!.members));
    // After the window, orders no longer count.
    t.clock.set('2026-11-20T12:00:00Z');
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'c30', email: 'c30@example.com' }, placed_at: t.clock.now().toISOString() }));
    expect(((await api.get(`/v1/experiments/${experiment.id}`)).body.variants as Variant[]).map((v) => v.value)).toEqual([none!.value, bonusVariant!.value]);
    expect((await api.get(`/v1/experiments/${experiment.id}`)).body.window.complete).toBe(true);
  });

  it('refuses an experiment it cannot run, naming the field, and starts nothing', async () => {
    const { api, credit, percent } = await store();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', variants: [{ name: 'a', reward_id: credit }], metric: 'repeat_rate', days: 30 }, 'variants'],
      [{ name: 'x', variants: [{ name: 'a', reward_id: credit }, { name: 'b' }], metric: 'repeat_rate', days: 30 }, 'variants[1]'],
      [{ name: 'x', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: credit }], metric: 'repeat_rate', days: 30 }, 'variants[1]'],
      [{ name: 'x', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: 'rwd_missing' }], metric: 'repeat_rate', days: 30 }, 'variants[1]'],
      [{ name: 'x', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: percent }], split: [60, 30], metric: 'repeat_rate', days: 30 }, 'split'],
      [{ name: 'x', segment_id: 'seg_missing', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: percent }], metric: 'repeat_rate', days: 30 }, 'segment_id'],
      [{ name: 'x', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: percent }], metric: 'clicks', days: 30 }, 'metric'],
    ];
    for (const [body, param] of cases) {
      const response = await api.post('/v1/experiments', body);
      expect(response.status, param).toBe(400);
      expect(response.body.error.param, JSON.stringify(response.body.error)).toBe(param);
    }
    expect((await api.get('/v1/experiments')).body.data).toEqual([]);
    await api.post('/v1/experiments', { name: 'first', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: percent }], metric: 'repeat_rate', days: 30 });
    const twice = await api.post('/v1/experiments', { name: 'second', variants: [{ name: 'a', reward_id: credit }, { name: 'b', reward_id: percent }], metric: 'repeat_rate', days: 30 });
    expect(twice.body.error).toMatchObject({ code: 'offer_in_experiment', param: 'variants[0]' });
  });
});
