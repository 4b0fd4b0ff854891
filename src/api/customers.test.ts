import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from './testing/test-app.ts';

const t = await createTestApp();

describe('customers', () => {
  it('creates by external id and email, then updates the same customer', async () => {
    const api = await t.newProgram();
    const created = await api.post('/v1/customers', { external_id: '42', email: 'Ada@Example.com', first_name: 'Ada', birthday: '1990-05-17', tags: ['vip'], metadata: { source: 'pos' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ object: 'customer', external_id: '42', email: 'Ada@Example.com', birthday: '1990-05-17', tags: ['vip'], metadata: { source: 'pos' }, points_balance: 0, currency: 'USD' });
    const updated = await api.post('/v1/customers', { email: 'ada@example.com', last_name: 'Lovelace', marketing_consent: true });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, first_name: 'Ada', last_name: 'Lovelace', marketing_consent: true, external_id: '42' });
  });

  it('finds customers by external id or email, case-insensitively', async () => {
    const api = await t.newProgram();
    const { body } = await api.post('/v1/customers', { external_id: 'x-1', email: 'find@me.com' });
    expect((await api.get('/v1/customers?email=FIND@me.com')).body).toMatchObject({ object: 'list', has_more: false, data: [{ id: body.id }] });
    expect((await api.get('/v1/customers?external_id=x-1')).body.data).toHaveLength(1);
    expect((await api.get('/v1/customers?external_id=nobody')).body.data).toHaveLength(0);
  });

  it('filters by RFM segment, agreeing with each customer’s rfm_segment', async () => {
    const api = await t.newProgram();
    // Twenty shoppers, last seen 0 to 171 days ago, with one to five orders of 5 to 100: scores from 1 to 5.
    for (let i = 0; i < 20; i += 1) {
      for (let n = 0; n <= i % 5; n += 1) await api.post('/v1/orders', orderBody({ external_id: `rfm-${i}-${n}`, customer: { external_id: `rfm-${i}` }, subtotal: 500 + i * 500, total: 500 + i * 500, placed_at: new Date(t.clock.now().getTime() - (i * 9 + n) * 86_400_000).toISOString() }));
    }
    await api.post('/v1/customers', { email: 'no-orders@example.com' });
    const all = (await api.get('/v1/customers?limit=100')).body.data as { id: string }[];
    const segmentOf = new Map<string, string | null>();
    for (const c of all) segmentOf.set(c.id, (await api.get(`/v1/customers/${c.id}`)).body.rfm_segment);
    const listed: string[] = [];
    for (const segment of new Set([...segmentOf.values()].filter((s): s is string => s !== null))) {
      const ids = (await api.get(`/v1/customers?segment=${segment}&limit=100`)).body.data.map((c: { id: string }) => c.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(segmentOf.get(id), segment).toBe(segment);
      listed.push(...ids);
    }
    // Every customer with a segment is in exactly its own; the one without orders in none.
    expect(listed.sort()).toEqual([...segmentOf].filter(([, s]) => s !== null).map(([id]) => id).sort());
    expect(new Set(segmentOf.values()).size).toBeGreaterThan(2);
    expect((await api.get('/v1/customers?segment=sleepy')).body.error).toMatchObject({ param: 'segment' });
  });

  it('searches by a part of the email, the name or the store id, filters by tier, and exports the same list as CSV', async () => {
    const api = await t.newProgram();
    const ada = (await api.post('/v1/customers', { external_id: 'shop-1001', email: 'ada@lovelace.example', first_name: 'Ada', last_name: 'Lovelace' })).body;
    const grace = (await api.post('/v1/customers', { external_id: 'shop-2002', email: 'grace@navy.example', first_name: 'Grace', last_name: 'Hopper' })).body;
    await api.post('/v1/customers', { external_id: 'shop-3003', email: 'percent%@odd.example' });
    const found = async (query: string) => (await api.get(`/v1/customers?${query}`)).body.data.map((c: { id: string }) => c.id);
    expect(await found('q=LOVELACE')).toEqual([ada.id]);
    expect(await found('q=ada%20love')).toEqual([ada.id]);
    expect(await found('q=2002')).toEqual([grace.id]);
    expect(await found(`q=${grace.id}`)).toEqual([grace.id]);
    expect(await found('q=example')).toHaveLength(3);
    expect(await found('q=%25')).toHaveLength(1);
    const gold = (await api.post('/v1/tiers', { name: 'Gold', threshold: 10 })).body;
    await api.post(`/v1/customers/${grace.id}/adjustments`, { points: 50, reason: 'test' });
    await api.post('/v1/orders', orderBody({ customer: { external_id: 'shop-2002' } }));
    expect(await found(`tier_id=${gold.id}`)).toEqual([grace.id]);
    expect(await found('tier_id=none')).toHaveLength(2);
    // Grace ordered just now: new; the others have not ordered, so they are in no stage.
    expect(await found('stage=new')).toEqual([grace.id]);
    expect(await found('stage=lapsed')).toEqual([]);
    expect((await api.get('/v1/customers?stage=asleep')).status).toBe(400);
    expect((await api.get(`/v1/customers?q=${'x'.repeat(201)}`)).status).toBe(400);
    const exported = await t.app.inject({ method: 'GET', url: '/v1/customers/export?q=example', headers: { authorization: `Bearer ${api.key}` } });
    expect([exported.statusCode, exported.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.external_id).sort()).toEqual(['shop-1001', 'shop-2002', 'shop-3003']);
    expect(rows.find((r) => r.id === grace.id)).toMatchObject({ email: 'grace@navy.example', first_name: 'Grace', tier_id: gold.id, currency: 'USD', in_holdout: 'false' });
  });

  it('paginates with limit and starting_after', async () => {
    const api = await t.newProgram();
    for (let i = 0; i < 5; i++) await api.post('/v1/customers', { external_id: `p${i}` });
    const first = (await api.get('/v1/customers?limit=2')).body;
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const second = (await api.get(`/v1/customers?limit=2&starting_after=${first.data[1].id}`)).body;
    const third = (await api.get(`/v1/customers?limit=2&starting_after=${second.data[1].id}`)).body;
    expect(third).toMatchObject({ has_more: false });
    const ids = [...first.data, ...second.data, ...third.data].map((c: { external_id: string }) => c.external_id);
    expect(ids).toEqual(['p4', 'p3', 'p2', 'p1', 'p0']);
  });

  it('adds an external id to a customer first known by email, from an order', async () => {
    const api = await t.newProgram();
    const { body } = await api.post('/v1/customers', { email: 'guest@shop.com' });
    const order = await api.post('/v1/orders', orderBody({ customer: { external_id: 'acct-9', email: 'guest@shop.com' } }));
    expect(order.body.customer_id).toBe(body.id);
    expect((await api.get(`/v1/customers/${body.id}`)).body).toMatchObject({ external_id: 'acct-9', orders_count: 1, points_balance: 54 });
  });

  it('refuses an email that belongs to another customer', async () => {
    const api = await t.newProgram();
    await api.post('/v1/customers', { external_id: 'a', email: 'a@x.com' });
    await api.post('/v1/customers', { external_id: 'b', email: 'b@x.com' });
    const taken = await api.post('/v1/customers', { external_id: 'b', email: 'a@x.com' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ type: 'conflict', code: 'email_taken', param: 'email' });
    const identity = await api.post('/v1/customers', { external_id: 'c', email: 'a@x.com' });
    expect(identity.status).toBe(409);
    expect(identity.body.error.code).toBe('customer_identity_conflict');
  });

  it('awards sign-up points once, when a sign-up rule exists', async () => {
    const api = await t.newProgram();
    await api.post('/v1/earning-rules', { name: 'Welcome', type: 'action', event_type: 'signup', points: 100, limit: { count: 1, period: 'lifetime' } });
    const created = await api.post('/v1/customers', { external_id: 'new' });
    expect(created.body.points_balance).toBe(100);
    const again = await api.post('/v1/customers', { external_id: 'new', first_name: 'N' });
    expect(again.body.points_balance).toBe(100);
    const history = (await api.get(`/v1/customers/${created.body.id}/transactions`)).body.data;
    expect(history).toMatchObject([{ code: 'earn.action', points: 100, explanation: '100 points for signup: Welcome (limit 1 per lifetime, 0 used before)' }]);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ birthday: '1990-02-30' }, 'birthday'],
    [{ external_id: '' }, 'external_id'],
    [{ tags: 'vip' }, 'tags'],
    [{ metadata: { n: 1 } }, 'metadata.n'],
    [{ nickname: 'x', external_id: 'y' }, 'nickname'],
  ])('rejects %j naming %s', async (body, param) => {
    const api = await t.newProgram();
    const res = await api.post('/v1/customers', body);
    expect(res.status).toBe(400);
    expect(res.body.error.param).toBe(param);
  });

  it('needs an external id or an email', async () => {
    const api = await t.newProgram();
    const res = await api.post('/v1/customers', { first_name: 'Anon' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('parameter_missing');
  });

  it('answers 404 for an unknown customer', async () => {
    const api = await t.newProgram();
    const res = await api.get('/v1/customers/cus_nope');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ type: 'not_found', code: 'resource_missing' });
  });
});
