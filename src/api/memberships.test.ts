import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';
import { reviewMemberships } from '../workflows/membership-reported.ts';
import { signPayload } from '../memberships/webhook-signature.ts';

const t = await createTestApp('2026-09-01T12:00:00Z');

async function club(api: ApiClient) {
  const shipping = (await api.post('/v1/rewards', { name: 'Free shipping', type: 'free_shipping', points_cost: 1, code_validity_days: 30 })).body.id;
  const gold = (await api.post('/v1/tiers', { name: 'Gold', threshold: 100000, earn_multiplier: 2 })).body.id;
  const plan = await api.post('/v1/membership-plans', { name: 'Club', price: 999, interval: 'month', earn_multiplier: 1.5, periodic_reward_id: shipping, tier_id: gold, perks: ['Free shipping every month'] });
  expect(plan.status).toBe(201);
  return { plan: plan.body.id as string, shipping, gold };
}

const report = (api: ApiClient, plan: string, status: string, start: string, end: string) =>
  api.post('/v1/memberships', { customer: { external_id: 'member' }, plan_id: plan, external_id: 'sub_1', status, current_period_start: start, current_period_end: end });

describe('paid memberships', () => {
  it('while active: a tier granted, its multiplier and the plan’s, a reward each period, member-only rewards', async () => {
    t.clock.set('2026-09-01T12:00:00Z');
    const api = await t.newProgram();
    const { plan, shipping, gold } = await club(api);
    const joined = await report(api, plan, 'active', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z');
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ status: 'active', benefits_active: true });
    const customer = joined.body.customer_id;
    const order = (await api.post('/v1/orders', orderBody({ customer: { external_id: 'member' } }))).body;
    expect(order.points_earned).toBe(162);
    expect(order.awards[0].explanation).toBe('1 point per 1.00 USD on 54.00 USD subtotal after discounts = 54 (rounded down); × 2 Gold = 108; × 1.5 Club = 162');
    expect((await api.get(`/v1/customers/${customer}/redemptions`)).body.data).toMatchObject([{ reward_id: shipping, points: 0 }]);
    const membersOnly = (await api.post('/v1/rewards', { name: 'Members gift', type: 'amount_off', amount: 500, points_cost: 100, membership_plan_id: plan })).body.id;
    const goldOnly = (await api.post('/v1/rewards', { name: 'Gold gift', type: 'amount_off', amount: 500, points_cost: 10, min_tier_id: gold })).body.id;
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: membersOnly })).status).toBe(201);
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: goldOnly })).status).toBe(201);

    // Renewed for October: a new period's reward; the same report again changes nothing.
    t.clock.set('2026-10-01T01:00:00Z');
    await report(api, plan, 'active', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    await report(api, plan, 'active', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    expect((await api.get(`/v1/customers/${customer}/redemptions?status=reserved`)).body.data.filter((r: { reward_id: string }) => r.reward_id === shipping)).toHaveLength(2);

    // Payment fails: no benefits while past due.
    await report(api, plan, 'past_due', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    expect((await api.post('/v1/orders', orderBody({ customer: { external_id: 'member' } }))).body.points_earned).toBe(54);
    expect((await api.post(`/v1/customers/${customer}/redemptions`, { reward_id: membersOnly })).body.error.code).toBe('reward_not_eligible');
    const events = (await api.get(`/v1/program-events?customer_id=${customer}`)).body.data.map((e: { type: string }) => e.type);
    expect(events.filter((e: string) => e.startsWith('membership.'))).toEqual(['membership.past_due', 'membership.active']);
  });

  it('a period that ends without a renewal expires', async () => {
    t.clock.set('2026-09-01T12:00:00Z');
    const api = await t.newProgram();
    const { plan } = await club(api);
    const m = (await report(api, plan, 'active', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z')).body;
    t.clock.set('2026-09-30T23:00:00Z');
    expect(await reviewMemberships(t.db, t.clock.now(), { programId: api.programId })).toBe(0);
    t.clock.set('2026-10-01T00:10:00Z');
    expect(await reviewMemberships(t.db, t.clock.now(), { programId: api.programId })).toBe(1);
    expect((await api.get(`/v1/memberships/${m.id}`)).body).toMatchObject({ status: 'expired', benefits_active: false });
    expect((await api.get('/v1/program-events?type=membership.expired')).body.data).toHaveLength(1);
  });

  it('the billing webhook must be signed with the program secret, and recently', async () => {
    t.clock.set('2026-09-01T12:00:00Z');
    const api = await t.newProgram();
    const { plan } = await club(api);
    const { secret, url } = (await api.post('/v1/program/billing-webhook-secret')).body;
    const body = JSON.stringify({ customer: { email: 'club@example.com' }, plan_id: plan, external_id: 'sub_9', status: 'active', current_period_start: '2026-09-01T00:00:00Z', current_period_end: '2026-10-01T00:00:00Z' });
    const send = (signature: string | undefined) =>
      t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...(signature ? { 'regulars-signature': signature } : {}) } });
    const now = Math.floor(t.clock.now().getTime() / 1000);
    expect((await send(undefined)).statusCode).toBe(401);
    expect((await send(signPayload('whsec_wrong', now, body))).json().error).toMatchObject({ code: 'invalid_signature', message: 'The webhook signature is wrong.' });
    expect((await send(signPayload(secret, now - 600, body))).json().error.message).toBe('The webhook signature is too old.');
    const ok = await send(signPayload(secret, now, body));
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ object: 'membership', status: 'active', external_id: 'sub_9' });
    expect((await send(signPayload(secret, now, body))).statusCode).toBe(200);
  });

  it('refuses incoherent plans and reports', async () => {
    const api = await t.newProgram();
    expect((await api.post('/v1/membership-plans', { name: 'x', price: 100, interval: 'fixed' })).body.error).toMatchObject({ code: 'parameter_missing', param: 'term_days' });
    expect((await api.post('/v1/membership-plans', { name: 'x', price: 100, interval: 'month', term_days: 30 })).body.error.code).toBe('parameter_unknown');
    const plan = (await api.post('/v1/membership-plans', { name: 'Box', price: 3000, interval: 'fixed', term_days: 90 })).body.id;
    expect((await report(api, plan, 'active', '2026-10-01T00:00:00Z', '2026-09-01T00:00:00Z')).body.error.param).toBe('current_period_end');
    expect((await report(api, 'mpl_nope', 'active', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z')).status).toBe(404);
  });
});
