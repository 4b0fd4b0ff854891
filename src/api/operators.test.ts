import { describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { createTestApp, orderBody, TEST_SECRETS } from './testing/test-app.ts';

const { app, db, clock, newProgram } = await createTestApp();

describe('the server address in a browser', () => {
  it('opens the dashboard', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect([page.statusCode, page.headers.location]).toEqual([302, '/admin']);
  });
});

describe('GET /metrics', () => {
  const scrape = async (target = app, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') => target.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
  const sample = (text: string, series: string) => Number(new RegExp(`^${series.replace(/[{}()[\].+*?^$|\\]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

  it('counts requests by route and status, orders ingested and replayed, group-commit group sizes and pools', async () => {
    const api = await newProgram();
    const before = (await scrape()).body;
    const order = orderBody();
    await api.post('/v1/orders', order);
    await api.post('/v1/orders', order);
    await api.get('/v1/orders/ord_missing');
    const after = await scrape();
    expect(after.statusCode).toBe(200);
    expect(after.headers['content-type']).toContain('text/plain');
    const delta = (series: string) => sample(after.body, series) - sample(before, series);
    expect(delta('regulars_http_requests_total{method="POST",route="/v1/orders",status="201"}')).toBe(1);
    expect(delta('regulars_http_requests_total{method="POST",route="/v1/orders",status="200"}')).toBe(1);
    expect(delta('regulars_http_requests_total{method="GET",route="/v1/orders/:id",status="404"}')).toBe(1);
    expect(delta('regulars_orders_ingested_total{result="created"}')).toBe(1);
    expect(delta('regulars_orders_ingested_total{result="replayed"}')).toBe(1);
    expect(delta('regulars_group_commit_size_count{name="orders"}')).toBe(2);
    expect(after.body).toMatch(/^regulars_http_request_duration_seconds_bucket\{le="0.1",method="POST",route="\/v1\/orders",status="201"\} \d+$/m);
    expect(after.body).toMatch(/^regulars_db_pool_connections\{pool="regulars",state="total"\} \d+$/m);
    expect(after.body).toMatch(/^regulars_process_cpu_seconds_total /m);
  });

  it('answers only loopback callers without REGULARS_METRICS_TOKEN, and anyone with the token when it is set', async () => {
    const outside = await scrape(app, {}, '203.0.113.9');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({ type: 'permission', code: 'metrics_loopback_only' });

    const guarded = await buildApp({ db, readDb: db, clock, secrets: TEST_SECRETS }, { metricsToken: 'scrape-me' });
    expect((await scrape(guarded, {}, '203.0.113.9')).statusCode).toBe(401);
    expect((await scrape(guarded, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
    expect((await scrape(guarded, { authorization: 'Bearer scrape-me' }, '203.0.113.9')).statusCode).toBe(200);
    await guarded.close();
  });
});

describe('rate limits per key', () => {
  it('answer 429 rate_limited with Retry-After and RateLimit-* headers past the program\'s limit, for that key only', async () => {
    const limited = await newProgram();
    const other = await newProgram();
    expect((await limited.patch('/v1/program', { rate_limit_per_minute: 5 })).body.rate_limit_per_minute).toBe(5);
    // The PATCH was the key's first request of this minute; four more fit in the limit.
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await limited.get('/v1/program'));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers[0]!.headers).toMatchObject({ 'ratelimit-limit': '5', 'ratelimit-remaining': '3' });
    expect(answers[3]!.headers['ratelimit-remaining']).toBe('0');
    const refused = answers[4]!;
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ type: 'rate_limited', code: 'rate_limit_exceeded' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await other.get('/v1/program')).status).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200); // operators' endpoints are not limited
  });

  it('default to a limit no benchmark reaches', async () => {
    const api = await newProgram();
    const answer = await api.get('/v1/program');
    expect(answer.body.rate_limit_per_minute).toBeNull();
    expect(Number(answer.headers['ratelimit-limit'])).toBe(300_000);
  });
});
