import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody, type ApiClient } from './testing/test-app.ts';

const t = await createTestApp('2026-09-01T12:00:00Z');

const order = (api: ApiClient, email: string, placed_at: string, amount: number) => api.post('/v1/orders', orderBody({ customer: { email }, subtotal: amount, total: amount, shipping: 0, line_items: [{ product_id: 'p', title: 'P', quantity: 1, unit_price: amount }], placed_at }));

describe('acquisition cost', () => {
  it('reports CAC, CLV : CAC and the months to pay back per month of first order', async () => {
    const api = await t.newProgram();
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) await order(api, email, '2026-05-10T10:00:00Z', 5000);
    await order(api, 'a@example.com', '2026-07-02T10:00:00Z', 5000);
    await order(api, 'd@example.com', '2026-06-15T10:00:00Z', 2000);
    await order(api, 'd@example.com', '2026-08-20T10:00:00Z', 4000);
    expect((await api.post('/v1/acquisition-costs', { month: '2026-05', channel: 'ads', amount: 6000 })).body).toMatchObject({ object: 'acquisition_cost', month: '2026-05', channel: 'ads', amount: 6000 });
    await api.post('/v1/acquisition-costs', { month: '2026-05', channel: 'email', amount: 1000 });
    await api.post('/v1/acquisition-costs', { month: '2026-05', channel: 'email', amount: 3000 });
    await api.post('/v1/acquisition-costs', { month: '2026-06', amount: 5000 });
    expect((await api.get('/v1/acquisition-costs')).body.data).toHaveLength(3);

    const report = (await api.get('/v1/analytics/acquisition?from=2026-05&to=2026-08')).body;
    expect(report).toMatchObject({ object: 'acquisition_report', currency: 'USD' });
    expect(report.months).toEqual([
      { month: '2026-05', new_customers: 3, spend: 9000, cac: 3000, value_to_date: 6667, predicted_value: null, clv_to_cac: 2.22, predicted_clv_to_cac: null, months_to_payback: 0 },
      { month: '2026-06', new_customers: 1, spend: 5000, cac: 5000, value_to_date: 6000, predicted_value: null, clv_to_cac: 1.2, predicted_clv_to_cac: null, months_to_payback: 2 },
    ]);

    expect((await api.delete('/v1/acquisition-costs/2026-06')).body.deleted).toBe(true);
    expect((await api.get('/v1/analytics/acquisition?from=2026-06&to=2026-06')).body.months[0]).toMatchObject({ spend: null, cac: null, clv_to_cac: null, months_to_payback: null });
  });

  it('refuses a month that is not YYYY-MM, a negative amount and a range backwards, changing nothing', async () => {
    const api = await t.newProgram();
    for (const body of [{ month: '2026-13', amount: 1 }, { month: 'May 2026', amount: 1 }, { month: '2026-05', amount: -5 }, { month: '2026-05', amount: 1.5 }]) {
      const refused = await api.post('/v1/acquisition-costs', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect((await api.get('/v1/analytics/acquisition?from=2026-08&to=2026-05')).body.error).toMatchObject({ code: 'parameter_invalid', param: 'from' });
    expect((await api.delete('/v1/acquisition-costs/2026-05')).status).toBe(404);
    expect((await api.get('/v1/acquisition-costs')).body.data).toEqual([]);
  });
});
