import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, client, createTestApp, orderBody } from './testing/test-app.ts';

const t = await createTestApp();

describe('programs and keys', () => {
  it('the admin key creates a program whose key is shown once and works', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/programs', headers: { authorization: `Bearer ${ADMIN_KEY}` }, payload: { name: 'Bean Box', currency: 'eur' } });
    expect(res.statusCode).toBe(201);
    const program = res.json();
    expect(program).toMatchObject({ object: 'program', name: 'Bean Box', currency: 'EUR', allow_negative_balance: false });
    expect(program.api_key).toMatch(/^sk_/);
    const api = client(t.app, program.id, program.api_key);
    expect((await api.get('/v1/program')).body).toMatchObject({ id: program.id, currency: 'EUR' });
    expect((await api.get('/v1/program')).body.api_key).toBeUndefined();
    const rules = (await api.get('/v1/earning-rules')).body.data;
    expect(rules).toMatchObject([{ type: 'points_per_unit', points: 1, active: true }]);
  });

  it('only the admin key creates programs', async () => {
    const api = await t.newProgram();
    const res = await api.post('/v1/programs', { name: 'x', currency: 'USD' });
    expect(res.status).toBe(401);
    const noKey = await t.app.inject({ method: 'POST', url: '/v1/programs', payload: { name: 'x', currency: 'USD' } });
    expect(noKey.statusCode).toBe(401);
    expect(noKey.json().error.code).toBe('missing_api_key');
  });

  it('refuses unknown keys with 401 in the error shape', async () => {
    const res = await client(t.app, 'prg_x', 'sk_wrong').get('/v1/customers');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { type: 'authentication', code: 'invalid_api_key', message: expect.any(String) } });
  });

  it("a key of one program can neither read nor write another's objects: 404, never data", async () => {
    const alice = await t.newProgram({ name: 'Alice' });
    const bob = await t.newProgram({ name: 'Bob' });
    const order = (await alice.post('/v1/orders', orderBody())).body;
    const customerId = order.customer_id;
    const reads = [`/v1/customers/${customerId}`, `/v1/customers/${customerId}/transactions`, `/v1/orders/${order.id}`];
    for (const url of reads) expect((await bob.get(url)).status).toBe(404);
    expect((await bob.get('/v1/customers?external_id=shopper-1')).body.data).toEqual([]);
    expect((await bob.get('/v1/orders')).body.data).toEqual([]);
    const rule = (await alice.get('/v1/earning-rules')).body.data[0];
    expect((await bob.get(`/v1/earning-rules/${rule.id}`)).status).toBe(404);
    const writes = [
      bob.post(`/v1/orders/${order.id}/refunds`, { external_id: 'steal' }),
      bob.post(`/v1/orders/${order.id}/cancel`),
      bob.post(`/v1/customers/${customerId}/adjustments`, { points: -54, reason: 'steal' }),
      bob.patch(`/v1/earning-rules/${rule.id}`, { active: false }),
      bob.post('/v1/events', { customer: { id: customerId }, type: 'review', idempotency_key: 'k' }),
    ];
    for (const res of await Promise.all(writes)) expect(res.status).toBe(404);
    // The same external ids in Bob's program are Bob's own, separate objects.
    const bobs = (await bob.post('/v1/orders', { ...orderBody(), external_id: order.external_id })).body;
    expect(bobs.id).not.toBe(order.id);
    expect(bobs.customer_id).not.toBe(customerId);
    expect((await alice.get(`/v1/customers/${customerId}`)).body).toMatchObject({ points_balance: 54, orders_count: 1 });
    expect((await alice.get(`/v1/earning-rules/${rule.id}`)).body.active).toBe(true);
  });

  it('program settings can be changed with its key', async () => {
    const api = await t.newProgram();
    const res = await api.patch('/v1/program', { allow_negative_balance: true });
    expect(res.body.allow_negative_balance).toBe(true);
  });
});
