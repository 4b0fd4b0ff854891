import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from '../api/testing/test-app.ts';
import { verifyLedger } from '../ledger/verify.ts';
import { startRegulars, type RegularsProcess } from './testing/regulars-process.ts';

/** Two `regulars start` processes on one database, as behind a load balancer. */
const t = await createTestApp(new Date().toISOString());
const api = await t.newProgram();
const today = new Date().toISOString().slice(5, 10);
await api.post('/v1/earning-rules', { name: 'Birthday', type: 'action', event_type: 'birthday', points: 200 });
const birthdayCustomer = (await api.post('/v1/customers', { external_id: 'born-today', birthday: `1990-${today === '02-29' ? '02-28' : today}` })).body.id as string;
const [a, b] = await Promise.all([startRegulars({ DATABASE_URL: t.url }), startRegulars({ DATABASE_URL: t.url })]);

function send(server: RegularsProcess, method: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${api.key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, any> })); // eslint-disable-line @typescript-eslint/no-explicit-any
}
const half = <T>(n: number, make: (server: RegularsProcess) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => make(i % 2 === 0 ? a : b)));

describe('two instances on one database', () => {
  it('award a replayed order once when its deliveries are split across both', async () => {
    const order = orderBody({ external_id: 'delivered-40-times' });
    const results = await half(40, (server) => send(server, 'POST', '/v1/orders', order));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const customer = (await api.get(`/v1/customers/${results[0]!.body.customer_id}`)).body;
    expect(customer.points_balance).toBe(54);
    expect(customer.orders_count).toBe(1);
  });

  it('give exactly the affordable number of codes when 100 redemptions are split across both', async () => {
    const customer = (await api.post('/v1/customers', { external_id: 'saver' })).body.id;
    await api.post(`/v1/customers/${customer}/adjustments`, { points: 100, reason: 'test balance' });
    const reward = (await api.post('/v1/rewards', { name: '1 off', type: 'amount_off', amount: 100, points_cost: 10 })).body.id;
    const results = await half(100, (server) => send(server, 'POST', `/v1/customers/${customer}/redemptions`, { reward_id: reward }));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 422).every((r) => r.body.error.code === 'insufficient_points')).toBe(true);
    expect(results.filter((r) => r.status !== 201 && r.status !== 422)).toEqual([]);
    expect((await api.get(`/v1/customers/${customer}`)).body).toMatchObject({ points_balance: 0, points_reserved: 100 });
  });

  it('run a birthday sweep due on both once: one award', async () => {
    const deadline = Date.now() + 30_000;
    const balance = async () => (await api.get(`/v1/customers/${birthdayCustomer}`)).body.points_balance as number;
    while ((await balance()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for a second award, were there one
    expect(await balance()).toBe(200);
    const awards = (await api.get(`/v1/customers/${birthdayCustomer}/transactions`)).body.data;
    expect(awards).toHaveLength(1);
    expect((await verifyLedger(t.db)).discrepancies).toEqual([]);
  });

  it('each show their sweeps and job queues in /metrics', async () => {
    const scraped = await Promise.all([a, b].map(async (server) => (await fetch(`${server.url}/metrics`)).text()));
    const runs = scraped.map((text) => Number(/^regulars_sweep_duration_seconds_count\{sweep="award-birthdays"\} (\d+)$/m.exec(text)?.[1] ?? 0));
    expect(runs[0]! + runs[1]!).toBeGreaterThanOrEqual(1);
    for (const text of scraped) expect(text).toMatch(/^regulars_job_queue_depth\{queue="award-birthdays",state="ready"\} \d+$/m);
  });
});
