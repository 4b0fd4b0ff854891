import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/verify.ts';
import { createTestApp, orderBody } from './testing/test-app.ts';

const t = await createTestApp();

async function customerOf(api: Awaited<ReturnType<typeof t.newProgram>>, id: string) {
  return (await api.get(`/v1/customers/${id}`)).body;
}

describe('placing an order', () => {
  it('awards 1 point per currency unit on the subtotal and explains it', async () => {
    const api = await t.newProgram();
    const res = await api.post('/v1/orders', orderBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ object: 'order', points_earned: 54, status: 'placed' });
    expect(res.body.id).toMatch(/^ord_/);
    expect(res.body.awards).toHaveLength(1);
    expect(res.body.awards[0].explanation).toBe('1 point per 1.00 USD on 54.00 USD subtotal after discounts = 54 (rounded down)');
    const customer = await customerOf(api, res.body.customer_id);
    expect(customer).toMatchObject({ points_balance: 54, points_pending: 0, points_earned_lifetime: 54, orders_count: 1, total_spent: 5900 });
  });

  it('earns on what was paid after discounts', async () => {
    const api = await t.newProgram();
    const res = await api.post('/v1/orders', orderBody({ subtotal: 5400, discount: 1000, total: 4900 }));
    expect(res.body.points_earned).toBe(44);
  });

  it('returns the first result for a replay and awards nothing more', async () => {
    const api = await t.newProgram();
    const body = orderBody();
    const first = await api.post('/v1/orders', body);
    const again = await api.post('/v1/orders', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.awards).toEqual(first.body.awards.map((a: object) => ({ ...a, available_at: expect.any(String) })));
    expect((await customerOf(api, first.body.customer_id)).points_balance).toBe(54);
  });

  it('awards once when 50 identical deliveries arrive at once', async () => {
    const api = await t.newProgram();
    const body = orderBody({ customer: { external_id: 'burst', email: 'burst@example.com' } });
    const results = await Promise.all(Array.from({ length: 50 }, () => api.post('/v1/orders', body)));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const customer = await customerOf(api, results[0]!.body.customer_id);
    expect(customer).toMatchObject({ points_balance: 54, orders_count: 1 });
    const customers = await api.get('/v1/customers?external_id=burst');
    expect(customers.body.data).toHaveLength(1);
  });

  it('refuses an order in another currency and writes nothing', async () => {
    const api = await t.newProgram();
    const res = await api.post('/v1/orders', orderBody({ currency: 'EUR', customer: { external_id: 'eur' } }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request', code: 'currency_mismatch', param: 'currency' });
    expect((await api.get('/v1/customers?external_id=eur')).body.data).toHaveLength(0);
  });

  it.each([
    [{ subtotal: '54' }, 'subtotal'],
    [{ subtotal: 54.5 }, 'subtotal'],
    [{ subtotal: -1 }, 'subtotal'],
    [{ total: null }, 'total'],
    [{ currency: 'dollars' }, 'currency'],
    [{ currency: 'XYZ' }, 'currency'],
    [{ placed_at: 'yesterday' }, 'placed_at'],
    [{ subtotl: 5400 }, 'subtotl'],
    [{ customer: {} }, 'customer'],
    [{ line_items: [{ product_id: 'p', title: 't', quantity: 0, unit_price: 1 }] }, 'line_items.0.quantity'],
  ])('answers bad input %j with a 400 naming %s, and changes nothing', async (override, param) => {
    const api = await t.newProgram();
    const res = await api.post('/v1/orders', orderBody(override));
    expect(res.status).toBe(400);
    expect(res.body.error.type).toBe('invalid_request');
    expect(res.body.error.param).toBe(param);
    expect((await api.get('/v1/orders')).body.data).toHaveLength(0);
  });
});

describe('refunds and cancellations', () => {
  it('half a refund of a 54.00 order that earned 54 leaves 27', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody())).body;
    const refund = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r-1', amount: 2700 });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ object: 'refund', amount: 2700, points_reversed: 27, points_forgiven: 0 });
    expect(await customerOf(api, order.customer_id)).toMatchObject({ points_balance: 27, points_earned_lifetime: 27, total_spent: 3200 });
    const replay = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r-1', amount: 2700 });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(refund.body.id);
    expect((await customerOf(api, order.customer_id)).points_balance).toBe(27);
  });

  it('rounds each refund cumulatively so partial refunds never take more than earned', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody({ subtotal: 1000, total: 1000, line_items: [] }))).body;
    expect(order.points_earned).toBe(10);
    const taken: number[] = [];
    for (const [i, amount] of [333, 333, 334].entries()) {
      taken.push((await api.post(`/v1/orders/${order.id}/refunds`, { external_id: `r${i}`, amount })).body.points_reversed);
    }
    // floor(10 × 333/1000) = 3, floor(10 × 666/1000) = 6, then the rest.
    expect(taken).toEqual([3, 3, 4]);
    expect((await customerOf(api, order.customer_id)).points_balance).toBe(0);
  });

  it('refunds by line items with the discount spread pro rata', async () => {
    const api = await t.newProgram();
    const order = (
      await api.post(
        '/v1/orders',
        orderBody({
          subtotal: 10000,
          discount: 2000,
          total: 8000,
          line_items: [
            { product_id: 'a', title: 'A', quantity: 1, unit_price: 6000 },
            { product_id: 'b', title: 'B', quantity: 2, unit_price: 2000 },
          ],
        }),
      )
    ).body;
    expect(order.points_earned).toBe(80);
    const refund = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r', line_items: [{ product_id: 'b', quantity: 1 }] });
    // 20.00 of goods less 20% discount = 16.00 of 80.00 paid: 16 points.
    expect(refund.body).toMatchObject({ amount: 1600, points_reversed: 16 });
    const tooMany = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r2', line_items: [{ product_id: 'b', quantity: 2 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.code).toBe('refund_exceeds_order');
  });

  it('refuses a refund larger than what is left', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody())).body;
    const res = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'big', amount: 5401 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('refund_exceeds_order');
    expect((await customerOf(api, order.customer_id)).points_balance).toBe(54);
  });

  it('a refund with neither amount nor lines refunds the rest', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody())).body;
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'part', amount: 1000 });
    const rest = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'rest' });
    expect(rest.body.amount).toBe(4400);
    expect((await customerOf(api, order.customer_id)).points_balance).toBe(0);
  });

  it('forgives points already spent unless the program allows negative balances', async () => {
    for (const allow of [false, true]) {
      const api = await t.newProgram({ allow_negative_balance: allow });
      const order = (await api.post('/v1/orders', orderBody())).body;
      await api.post(`/v1/customers/${order.customer_id}/adjustments`, { points: -50, reason: 'spent on a reward' });
      const refund = (await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'all' })).body;
      const customer = await customerOf(api, order.customer_id);
      if (allow) {
        expect(refund).toMatchObject({ points_reversed: 54, points_forgiven: 0 });
        expect(customer.points_balance).toBe(-50);
      } else {
        expect(refund).toMatchObject({ points_reversed: 4, points_forgiven: 50 });
        expect(customer.points_balance).toBe(0);
      }
    }
  });

  it('cancelling reverses every remaining point, once', async () => {
    const api = await t.newProgram();
    const order = (await api.post('/v1/orders', orderBody())).body;
    await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'r', amount: 2700 });
    const cancelled = await api.post(`/v1/orders/${order.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', points_reversed: 54 });
    const again = await api.post(`/v1/orders/${order.id}/cancel`);
    expect(again.body.points_reversed).toBe(54);
    expect(await customerOf(api, order.customer_id)).toMatchObject({ points_balance: 0, orders_count: 0, total_spent: 0, first_order_at: null, last_order_at: null });
    const refundAfter = await api.post(`/v1/orders/${order.id}/refunds`, { external_id: 'late' });
    expect(refundAfter.status).toBe(409);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it("cancelling the latest order moves the customer's last order back to the one before", async () => {
    const api = await t.newProgram();
    const first = (await api.post('/v1/orders', orderBody({ external_id: 'early', placed_at: '2026-03-01T10:00:00Z' }))).body;
    const latest = (await api.post('/v1/orders', orderBody({ external_id: 'late', placed_at: '2026-03-09T10:00:00Z' }))).body;
    expect(await customerOf(api, first.customer_id)).toMatchObject({ last_order_at: '2026-03-09T10:00:00.000Z' });
    await api.post(`/v1/orders/${latest.id}/cancel`);
    expect(await customerOf(api, first.customer_id)).toMatchObject({ orders_count: 1, first_order_at: '2026-03-01T10:00:00.000Z', last_order_at: '2026-03-01T10:00:00.000Z', lifecycle_stage: expect.any(String) });
  });
});
