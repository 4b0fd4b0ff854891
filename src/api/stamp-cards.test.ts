import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-08-01T12:00:00Z');

const buy = (api: ApiClient, extra: Record<string, unknown> = {}) =>
  api.post('/v1/orders', orderBody({ customer: { external_id: 'regular' }, placed_at: t.clock.now().toISOString(), ...extra })).then((r) => r.body);
const freeReward = (api: ApiClient, name: string) => api.post('/v1/rewards', { name, type: 'free_product', product_id: 'coffee', points_cost: 500 }).then((r) => r.body.id as string);

describe('stamp cards through the API', () => {
  it('a stamp per order over the minimum; a full card issues its reward and starts again; a cancel takes its stamp back', async () => {
    const api = await t.newProgram();
    const reward = await freeReward(api, 'Free coffee');
    const created = await api.post('/v1/stamp-cards', { name: 'Coffee card', stamps_required: 3, per: 'order', min_subtotal: 1000, reward_id: reward });
    expect(created.status).toBe(201);
    const first = await buy(api);
    await buy(api, { subtotal: 900, total: 900 });
    await buy(api);
    let c = (await api.get(`/v1/customers/${first.customer_id}`)).body;
    expect(c.stamp_cards).toEqual([{ card_id: created.body.id, name: 'Coffee card', stamps: 2, stamps_required: 3, cards_completed: 0 }]);
    const third = await buy(api);
    c = (await api.get(`/v1/customers/${first.customer_id}`)).body;
    expect(c.stamp_cards[0]).toMatchObject({ stamps: 0, cards_completed: 1 });
    expect((await api.get(`/v1/customers/${first.customer_id}/redemptions`)).body.data).toMatchObject([{ reward_id: reward, points: 0, status: 'reserved' }]);
    expect((await api.get('/v1/program-events?type=stamp_card.completed')).body.data[0].data).toMatchObject({ card_name: 'Coffee card', order_id: third.id });
    await buy(api);
    const cancelled = await buy(api);
    await api.post(`/v1/orders/${cancelled.id}/cancel`);
    await api.post(`/v1/orders/${cancelled.id}/cancel`);
    expect((await api.get(`/v1/customers/${first.customer_id}`)).body.stamp_cards[0]).toMatchObject({ stamps: 1, cards_completed: 1 });
  });

  it('a stamp per qualifying item, and retiring a card', async () => {
    const api = await t.newProgram();
    const reward = await freeReward(api, 'Free bag');
    const card = (await api.post('/v1/stamp-cards', { name: 'Beans', stamps_required: 5, per: 'item', include_collections: ['beans'], reward_id: reward })).body;
    const order = await buy(api, { line_items: [{ product_id: 'kenya', title: 'Kenya', quantity: 3, unit_price: 1200, collections: ['beans'] }, { product_id: 'mug', title: 'Mug', quantity: 2, unit_price: 900 }] });
    expect((await api.get(`/v1/customers/${order.customer_id}`)).body.stamp_cards[0]).toMatchObject({ stamps: 3 });
    expect((await api.patch(`/v1/stamp-cards/${card.id}`, { active: false })).body.active).toBe(false);
    await buy(api, { line_items: [{ product_id: 'kenya', title: 'Kenya', quantity: 3, unit_price: 1200, collections: ['beans'] }] });
    expect((await api.get(`/v1/customers/${order.customer_id}`)).body.stamp_cards[0]).toMatchObject({ stamps: 3, cards_completed: 0 });
  });

  it('refuses a card without a usable reward', async () => {
    const api = await t.newProgram();
    expect((await api.post('/v1/stamp-cards', { name: 'x', stamps_required: 3, per: 'order', reward_id: 'rwd_nope' })).body.error.code).toBe('reward_unknown');
    expect((await api.post('/v1/stamp-cards', { name: 'x', stamps_required: 0, per: 'order', reward_id: 'rwd_nope' })).body.error.param).toBe('stamps_required');
  });
});
