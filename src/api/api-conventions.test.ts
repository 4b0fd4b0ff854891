import { describe, expect, it } from 'vitest';
import { createTestApp, orderBody } from './testing/test-app.ts';

const t = await createTestApp();

describe('Idempotency-Key', () => {
  it('replays the stored response for the same key and body', async () => {
    const api = await t.newProgram();
    const id = (await api.post('/v1/customers', { external_id: 'idem' })).body.id;
    const first = await api.post(`/v1/customers/${id}/adjustments`, { points: 10, reason: 'once' }, { 'idempotency-key': 'adj-1' });
    const again = await api.post(`/v1/customers/${id}/adjustments`, { points: 10, reason: 'once' }, { 'idempotency-key': 'adj-1' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(10);
  });

  it('refuses the same key with a different body', async () => {
    const api = await t.newProgram();
    const id = (await api.post('/v1/customers', { external_id: 'idem2' })).body.id;
    await api.post(`/v1/customers/${id}/adjustments`, { points: 10, reason: 'a' }, { 'idempotency-key': 'k' });
    const other = await api.post(`/v1/customers/${id}/adjustments`, { points: 99, reason: 'b' }, { 'idempotency-key': 'k' });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 'idempotency_key_reused', param: 'Idempotency-Key' });
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(10);
  });

  it('concurrent requests with one key apply once', async () => {
    const api = await t.newProgram();
    const id = (await api.post('/v1/customers', { external_id: 'idem3' })).body.id;
    const results = await Promise.all(Array.from({ length: 20 }, () => api.post(`/v1/customers/${id}/adjustments`, { points: 5, reason: 'race' }, { 'idempotency-key': 'race' })));
    expect(results.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === 'idempotency_key_in_use'))).toBe(true);
    expect((await api.get(`/v1/customers/${id}`)).body.points_balance).toBe(5);
  });

  it('keys are scoped to a program', async () => {
    const a = await t.newProgram();
    const b = await t.newProgram();
    const body = orderBody();
    const first = await a.post('/v1/orders', body, { 'idempotency-key': 'same' });
    const second = await b.post('/v1/orders', body, { 'idempotency-key': 'same' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });
});

describe('HTTP conventions', () => {
  it('serves the OpenAPI document and the API reference', async () => {
    const openapi = await t.app.inject({ url: '/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    const doc = openapi.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/v1/orders', '/v1/orders/{id}/refunds', '/v1/customers/{id}/transactions', '/v1/customers/{id}/adjustments', '/v1/earning-rules', '/v1/events', '/v1/programs']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers health and readiness without a key', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('gives every failure the documented error shape', async () => {
    const api = await t.newProgram();
    const cases = [
      await t.app.inject({ method: 'POST', url: '/v1/orders', headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/json' }, payload: '{"broken' }),
      await t.app.inject({ method: 'POST', url: '/v1/orders', headers: { authorization: `Bearer ${api.key}`, 'content-type': 'application/xml' }, payload: '<order/>' }),
      await t.app.inject({ method: 'GET', url: '/v1/unknown', headers: { authorization: `Bearer ${api.key}` } }),
      await t.app.inject({ method: 'GET', url: '/v1/customers?limit=1000', headers: { authorization: `Bearer ${api.key}` } }),
    ];
    expect(cases.map((c) => c.statusCode)).toEqual([400, 415, 404, 400]);
    for (const c of cases) {
      expect(Object.keys(c.json())).toEqual(['error']);
      expect(c.json().error).toMatchObject({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
    }
  });
});
