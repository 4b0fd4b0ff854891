import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';
import { awardBirthdays } from '../workflows/birthday-sweep.ts';
import { reviewTiers, runRecalculations, verifyTiers } from '../workflows/tier-review.ts';
import { metricValues, tierProgram } from '../tiers/tier-store.ts';

const t = await createTestApp('2026-03-01T12:00:00Z');

async function program(settings: Record<string, unknown>, tierList: Record<string, unknown>[] = [{ name: 'Silver', threshold: 500 }, { name: 'Gold', threshold: 1000 }]) {
  t.clock.set('2026-03-01T12:00:00Z');
  const api = await t.newProgram();
  expect((await api.patch('/v1/program', settings)).status).toBe(200);
  const ids: string[] = [];
  for (const body of tierList) {
    const res = await api.post('/v1/tiers', body);
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return { api, ids };
}

async function buy(api: ApiClient, dollars: number, externalId = 'vip') {
  const res = await api.post('/v1/orders', orderBody({ customer: { external_id: externalId }, subtotal: dollars * 100, total: dollars * 100, line_items: [], placed_at: t.clock.now().toISOString() }));
  expect(res.status).toBe(201);
  return res.body as { id: string; customer_id: string; points_earned: number; awards: { explanation: string }[] };
}

const customer = async (api: ApiClient, id: string) => (await api.get(`/v1/customers/${id}`)).body;

describe('VIP tiers', () => {
  it('upgrade at once, the earn multiplier from the next order, progress and history', async () => {
    const { api, ids } = await program({ tier_metric: 'points_earned', tier_period: 'lifetime' }, [
      { name: 'Silver', threshold: 500, perks: ['Free returns'] },
      { name: 'Gold', threshold: 1000, earn_multiplier: 2, perks: ['Free shipping', 'Early access'] },
    ]);
    const first = await buy(api, 600);
    let c = await customer(api, first.customer_id);
    expect(c.tier).toMatchObject({ id: ids[0], name: 'Silver', since: '2026-03-01T12:00:00.000Z', until: null, perks: ['Free returns'] });
    expect(c.tier_progress).toMatchObject({ next_tier_name: 'Gold', current: 600, needed: 400, by: null });
    await buy(api, 450);
    c = await customer(api, first.customer_id);
    expect(c.tier.name).toBe('Gold');
    const third = await buy(api, 54);
    expect(third.points_earned).toBe(108);
    expect(third.awards[0]!.explanation).toBe('1 point per 1.00 USD on 54.00 USD subtotal after discounts = 54 (rounded down); × 2 Gold = 108');
    const history = (await api.get(`/v1/customers/${first.customer_id}/tier-history`)).body.data;
    expect(history.map((h: { to_tier_id: string; reason: string }) => [h.to_tier_id, h.reason])).toEqual([[ids[1], 'qualified'], [ids[0], 'qualified']]);
    const events = (await api.get('/v1/program-events?type=tier.upgraded')).body.data;
    expect(events).toHaveLength(2);
    expect(events[0].data).toMatchObject({ to_tier_name: 'Gold', from_tier_name: 'Silver', reason: 'qualified' });
  });

  it('a refund that takes the metric back below the threshold reverses the upgrade it caused', async () => {
    const { api, ids } = await program({ tier_metric: 'amount_spent', tier_period: 'lifetime' }, [{ name: 'Silver', threshold: 50000 }, { name: 'Gold', threshold: 100000 }]);
    await buy(api, 600);
    const push = await buy(api, 500);
    expect((await customer(api, push.customer_id)).tier.id).toBe(ids[1]);
    await api.post(`/v1/orders/${push.id}/refunds`, { external_id: 'r1', amount: 20000 });
    const c = await customer(api, push.customer_id);
    expect(c.tier.id).toBe(ids[0]);
    const [last] = (await api.get(`/v1/customers/${push.customer_id}/tier-history`)).body.data;
    expect(last).toMatchObject({ from_tier_id: ids[1], to_tier_id: ids[0], reason: 'refund', cause: { type: 'order', id: push.id } });
    expect((await api.get('/v1/program-events?type=tier.downgraded')).body.data).toHaveLength(1);
  });

  it('a lifetime metric’s progress, read off the customer’s totals, is what the orders and the ledger count, after a refund and a cancellation', async () => {
    for (const metric of ['points_earned', 'amount_spent', 'orders_count'] as const) {
      const { api } = await program({ tier_metric: metric, tier_period: 'lifetime' }, [{ name: 'Top', threshold: 1_000_000 }]);
      const kept = await buy(api, 300);
      const refunded = await buy(api, 200);
      const cancelled = await buy(api, 100);
      await api.post(`/v1/orders/${refunded.id}/refunds`, { external_id: 'r1', amount: 5000 });
      await api.post(`/v1/orders/${cancelled.id}/cancel`, {});
      const { settings } = await tierProgram(t.db, api.programId);
      const counted = (await metricValues(t.db, api.programId, [kept.customer_id], { ...settings, period: 'lifetime' }, t.clock.now())).get(kept.customer_id)!.current;
      expect(counted).toBe({ points_earned: 300 + 150, amount_spent: 45000, orders_count: 2 }[metric]);
      expect((await customer(api, kept.customer_id)).tier_progress).toMatchObject({ current: counted, needed: 1_000_000 - counted });
    }
  });

  it('the entry reward is issued once per tier reached, never again on re-entry', async () => {
    t.clock.set('2026-03-01T12:00:00Z');
    const api = await t.newProgram();
    await api.patch('/v1/program', { tier_metric: 'orders_count', tier_period: 'lifetime' });
    const gift = (await api.post('/v1/rewards', { name: 'Welcome to Gold', type: 'amount_off', amount: 1000, points_cost: 1000, code_validity_days: 60 })).body.id;
    const gold = (await api.post('/v1/tiers', { name: 'Gold', threshold: 2, entry_reward_id: gift })).body.id;
    await buy(api, 10);
    const second = await buy(api, 10);
    const redemptions = (await api.get(`/v1/customers/${second.customer_id}/redemptions`)).body.data;
    expect(redemptions).toMatchObject([{ reward_id: gift, points: 0, status: 'reserved', discount: { amount: 1000 } }]);
    expect((await customer(api, second.customer_id)).points_reserved).toBe(0);
    await api.post(`/v1/orders/${second.id}/cancel`);
    expect((await customer(api, second.customer_id)).tier).toBeNull();
    await buy(api, 10);
    expect((await customer(api, second.customer_id)).tier.id).toBe(gold);
    expect((await api.get(`/v1/customers/${second.customer_id}/redemptions`)).body.data).toHaveLength(1);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('calendar year: qualify in 2026, keep it through 2027, lose it on 1 January 2028', async () => {
    const { api, ids } = await program({ tier_metric: 'points_earned', tier_period: 'calendar_year' });
    const order = await buy(api, 1200);
    expect((await customer(api, order.customer_id)).tier).toMatchObject({ id: ids[1], until: '2028-01-01T00:00:00.000Z' });
    t.clock.set('2027-01-01T00:30:00Z');
    expect(await reviewTiers(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    expect((await customer(api, order.customer_id)).tier.id).toBe(ids[1]);
    t.clock.set('2027-06-01T00:30:00Z');
    await buy(api, 300);
    t.clock.set('2028-01-01T00:30:00Z');
    expect(await reviewTiers(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    const c = await customer(api, order.customer_id);
    expect(c.tier).toBeNull();
    const [change] = (await api.get(`/v1/customers/${order.customer_id}/tier-history`)).body.data;
    expect(change).toMatchObject({ from_tier_id: ids[1], to_tier_id: null, reason: 'period_ended', metric_value: 300 });
  });

  it('rolling 12 months with a grace period and a retain threshold: warned, then moved down', async () => {
    const { api, ids } = await program({ tier_metric: 'orders_count', tier_period: 'rolling_12_months', tier_grace_days: 30 }, [
      { name: 'Silver', threshold: 1 },
      { name: 'Gold', threshold: 3, retain_threshold: 2 },
    ]);
    const first = await buy(api, 10);
    t.clock.set('2026-04-01T12:00:00Z');
    await buy(api, 10);
    t.clock.set('2026-05-01T12:00:00Z');
    await buy(api, 10);
    expect((await customer(api, first.customer_id)).tier).toMatchObject({ id: ids[1], until: '2027-05-01T12:00:00.000Z' });
    t.clock.set('2027-03-02T00:30:00Z');
    expect(await reviewTiers(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    t.clock.set('2027-04-02T00:30:00Z');
    await reviewTiers(t.db, t.clock.now(), { programId: api.programId });
    const warned = await customer(api, first.customer_id);
    expect(warned.tier).toMatchObject({ id: ids[1], downgrade_on: '2027-05-02T00:30:00.000Z' });
    expect((await api.get('/v1/program-events?type=tier.will_downgrade')).body.data[0].data).toMatchObject({ tier_name: 'Gold', downgrade_on: '2027-05-02T00:30:00.000Z' });
    t.clock.set('2027-05-02T00:30:00Z');
    expect(await reviewTiers(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect((await customer(api, first.customer_id)).tier).toBeNull();
  });

  it('tier-only rewards and the tier birthday bonus', async () => {
    const { api, ids } = await program({ tier_metric: 'points_earned', tier_period: 'lifetime' }, [{ name: 'Silver', threshold: 100, birthday_points: 250 }, { name: 'Gold', threshold: 1000 }]);
    const c = (await api.post('/v1/customers', { external_id: 'vip', birthday: '1990-03-15' })).body.id;
    await buy(api, 150);
    const goldOnly = (await api.post('/v1/rewards', { name: 'Gold gift', type: 'amount_off', amount: 100, points_cost: 10, min_tier_id: ids[1] })).body.id;
    const silverUp = (await api.post('/v1/rewards', { name: 'Silver gift', type: 'amount_off', amount: 100, points_cost: 10, min_tier_id: ids[0] })).body.id;
    expect((await api.post(`/v1/customers/${c}/redemptions`, { reward_id: goldOnly })).body.error).toMatchObject({ code: 'reward_not_eligible', message: 'This reward is for Gold members and above.' });
    expect((await api.post(`/v1/customers/${c}/redemptions`, { reward_id: silverUp })).status).toBe(201);
    expect((await api.post('/v1/rewards', { name: 'x', type: 'amount_off', amount: 1, points_cost: 1, min_tier_id: 'tier_nope' })).body.error.code).toBe('tier_unknown');
    t.clock.set('2026-03-15T00:05:00Z');
    expect(await awardBirthdays(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect(await awardBirthdays(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    const history = (await api.get(`/v1/customers/${c}/transactions?limit=1`)).body.data;
    expect(history[0]).toMatchObject({ code: 'earn.action', points: 250, explanation: '250 points birthday bonus for Silver members' });
  });

  it('changing the structure: a dry run previews the moves, the job makes them, verify agrees', async () => {
    const { api, ids } = await program({ tier_metric: 'points_earned', tier_period: 'lifetime' });
    for (const [name, dollars] of [['a', 600], ['b', 700], ['c', 1100], ['d', 100]] as const) await buy(api, dollars, name);
    // Before saving: who would a threshold of 650 move? Nothing changes yet.
    const tried = await api.post('/v1/tiers/recalculations', { dry_run: true, thresholds: [{ tier_id: ids[0], threshold: 650 }] });
    expect(tried.body).toMatchObject({ dry_run: true, status: 'preview', customers: 4, moved_down: 1 });
    expect((await api.get(`/v1/tiers/${ids[0]}`)).body.threshold).not.toBe(650);
    expect((await api.post('/v1/tiers/recalculations', { thresholds: [{ tier_id: ids[0], threshold: 650 }] })).body.error).toMatchObject({ code: 'parameter_invalid', param: 'thresholds' });
    expect((await api.post('/v1/tiers/recalculations', { dry_run: true, thresholds: [{ tier_id: 'tier_nope', threshold: 1 }] })).status).toBe(404);
    await api.patch(`/v1/tiers/${ids[0]}`, { threshold: 650 });
    const platinum = (await api.post('/v1/tiers', { name: 'Platinum', threshold: 1050 })).body.id;
    expect((await verifyTiers(t.db, t.clock.now(), { programId: api.programId })).length).toBeGreaterThan(0);
    const preview = await api.post('/v1/tiers/recalculations', { dry_run: true });
    expect(preview.body).toMatchObject({ dry_run: true, status: 'preview', customers: 4, moved_up: 1, moved_down: 1, summary: '1 customers move up, 1 down' });
    const job = await api.post('/v1/tiers/recalculations', {});
    expect(job.status).toBe(202);
    // The request starts a runner and the minute sweep may start another: each job is carried out once.
    // The request's own runner may hold the job when these two look, so it can still read queued.
    await Promise.all([runRecalculations(t.db, t.clock.now()), runRecalculations(t.db, t.clock.now())]);
    let done = (await api.get(`/v1/tiers/recalculations/${job.body.id}`)).body;
    for (let wait = 0; (done.status === 'queued' || done.status === 'running') && wait < 100; wait++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      done = (await api.get(`/v1/tiers/recalculations/${job.body.id}`)).body;
    }
    expect(done).toMatchObject({ status: 'done', processed: 4, moved_up: 1, moved_down: 1 });
    expect((await customer(api, (await api.get('/v1/customers?external_id=c')).body.data[0].id)).tier.id).toBe(platinum);
    expect((await customer(api, (await api.get('/v1/customers?external_id=a')).body.data[0].id)).tier).toBeNull();
    expect(await verifyTiers(t.db, t.clock.now(), { programId: api.programId })).toEqual([]);
  });

  it('refuses a retain threshold above the threshold and unknown entry rewards', async () => {
    const api = await t.newProgram();
    expect((await api.post('/v1/tiers', { name: 'x', threshold: 10, retain_threshold: 11 })).body.error).toMatchObject({ code: 'parameter_invalid', param: 'retain_threshold' });
    expect((await api.post('/v1/tiers', { name: 'x', threshold: 10, entry_reward_id: 'rwd_nope' })).body.error).toMatchObject({ code: 'reward_unknown', param: 'entry_reward_id' });
    expect((await api.post('/v1/tiers', { name: 'x', threshold: 10, earn_multiplier: 1.234 })).body.error.param).toBe('earn_multiplier');
    expect((await api.get('/v1/tiers')).body.data).toEqual([]);
  });
});
