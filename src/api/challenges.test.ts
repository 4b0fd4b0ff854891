import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-08-01T12:00:00Z');

const buy = (api: ApiClient, extra: Record<string, unknown> = {}) =>
  api.post('/v1/orders', orderBody({ customer: { external_id: 'regular' }, placed_at: t.clock.now().toISOString(), ...extra })).then((r) => r.body);
const freeReward = (api: ApiClient, name: string) => api.post('/v1/rewards', { name, type: 'free_product', product_id: 'coffee', points_cost: 500 }).then((r) => r.body.id as string);

describe('challenges through the API', () => {
  it('"3 orders in 30 days" gives its points and reward once; events and collections count too', async () => {
    t.clock.set('2026-08-01T12:00:00Z');
    const api = await t.newProgram();
    const badge = await freeReward(api, 'Free sample');
    const orders = (await api.post('/v1/challenges', { name: '3 orders in 30 days', goal: 'orders', target: 3, window_days: 30, points: 300, reward_id: badge })).body;
    const reviews = (await api.post('/v1/challenges', { name: 'Review 2 products', goal: 'event', event_type: 'review', target: 2, points: 50, repeatable: true })).body;
    const explorer = (await api.post('/v1/challenges', { name: 'Buy from 3 collections', goal: 'collections', target: 3, points: 75 })).body;
    const first = await buy(api, { line_items: [{ product_id: 'a', title: 'A', quantity: 1, unit_price: 5400, collections: ['tea'] }] });
    t.clock.advanceDays(5);
    await buy(api, { line_items: [{ product_id: 'b', title: 'B', quantity: 1, unit_price: 5400, collections: ['coffee', 'tea'] }] });
    let c = (await api.get(`/v1/customers/${first.customer_id}`)).body;
    expect(c.challenges.find((x: { challenge_id: string }) => x.challenge_id === orders.id)).toMatchObject({ count: 2, target: 3, done: false, window_ends: '2026-08-31T12:00:00.000Z' });
    t.clock.advanceDays(5);
    await buy(api, { line_items: [{ product_id: 'c', title: 'C', quantity: 1, unit_price: 5400, collections: ['mugs'] }] });
    for (const key of ['r1', 'r2', 'r3', 'r4']) await api.post('/v1/events', { customer: { external_id: 'regular' }, type: 'review', idempotency_key: key });
    c = (await api.get(`/v1/customers/${first.customer_id}`)).body;
    expect(c.challenges.map((x: { name: string; completions: number; done: boolean }) => [x.name, x.completions, x.done])).toEqual([
      ['3 orders in 30 days', 1, true],
      ['Review 2 products', 2, false],
      ['Buy from 3 collections', 1, true],
    ]);
    expect(c.points_balance).toBe(3 * 54 + 300 + 2 * 50 + 75);
    expect((await api.get(`/v1/customers/${first.customer_id}/redemptions`)).body.data).toHaveLength(1);
    expect((await api.get('/v1/program-events?type=challenge.completed')).body.data).toHaveLength(4);
    expect(explorer.goal).toBe('collections');
    expect(reviews.repeatable).toBe(true);
  });

  it('refuses incoherent challenges', async () => {
    const api = await t.newProgram();
    expect((await api.post('/v1/challenges', { name: 'x', goal: 'event', target: 2, points: 5 })).body.error).toMatchObject({ code: 'parameter_missing', param: 'event_type' });
    expect((await api.post('/v1/challenges', { name: 'x', goal: 'orders', target: 2 })).body.error).toMatchObject({ code: 'parameter_missing', param: 'reward_id' });
    expect((await api.post('/v1/challenges', { name: 'x', goal: 'orders', target: 2, points: 1, event_type: 'review' })).body.error.code).toBe('parameter_unknown');
  });
});
