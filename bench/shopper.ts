/**
 * `npm run bench:shopper`: GET /storefront/v1/me, what every page with the widget asks for a
 * signed-in shopper, against a Fastify hello-world in its own process on the same machine in the
 * same run (the ceiling of any Fastify route), and GET /v1/customers/{id}, the merchant's customer
 * read. Prints req/s, p50/p99 and the ratio of each to the hello-world; both must stay exact (a
 * redemption shows at once, checked before the load). Goals: GET me ≥ 0.25× (issue 11), the customer
 * read ≥ 0.1× (issue 18). Last line: `ratio <customer read ÷ hello-world>`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { benchPostgres, startRegulars, verifyAfter } from './harness.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SHOPPERS = 200;

// The storefront's per-shopper limit (600 a minute) would answer 429s under this load.
process.env.REGULARS_PUBLISHABLE_RATE_LIMIT_PER_MINUTE = '100000000';

/**
 * The references, in a Node process of their own: a Fastify route that returns a constant (the
 * goal's yardstick), and one that reads a balance by primary key from the same database through
 * a pg pool (what any database-backed read costs on this machine).
 */
async function references(databaseUrl: string): Promise<{ url: string; process: ChildProcess }> {
  const source = `import Fastify from 'fastify';
import pg from 'pg';
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
app.get('/balance/:id', async (request) => (await pool.query('select points_available from customers where id = $1', [request.params.id])).rows[0]);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(address);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', source], { cwd: import.meta.dirname, env: { ...process.env, BENCH_DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { url, process: child };
}

const stop = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'));

const postgres = await benchPostgres();
try {
  const databaseUrl = await postgres.freshDatabase('regulars_bench_shopper');
  const server = await startRegulars(databaseUrl);
  const reference = await references(databaseUrl);
  let ratio = 0;
  try {
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${server.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${server.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json() as Promise<Record<string, any>>); // eslint-disable-line @typescript-eslint/no-explicit-any
    const { secret, publishable_key: publishableKey } = await admin('POST', '/v1/program/widget-secret');
    const reward = await admin('POST', '/v1/rewards', { name: '1 off', type: 'amount_off', amount: 100, points_cost: 10 });
    await admin('POST', '/v1/tiers', { name: 'Gold', threshold: 500 });

    console.log(`setting up ${SHOPPERS} signed-in shoppers with points …`);
    const now = Math.floor(Date.now() / 1000);
    const shoppers: { token: string; id: string }[] = [];
    for (let i = 0; i < SHOPPERS; i++) {
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(`bench-${i}`).setAudience('regulars').setIssuedAt(now).setExpirationTime(now + 3600).sign(new TextEncoder().encode(secret));
      const me = await storefront(token, 'GET', '/storefront/v1/me');
      await admin('POST', `/v1/customers/${me.customer_id}/adjustments`, { points: 1_000, reason: 'bench' });
      shoppers.push({ token, id: me.customer_id });
    }
    await checkExact(shoppers[0]!.token, reward.id);

    let n = 0;
    const next = () => shoppers[n++ % shoppers.length]!;
    const load = (url: string, setupRequest?: autocannon.Request['setupRequest']) =>
      autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [{ method: 'GET', path: '/', ...(setupRequest ? { setupRequest } : {}) }] });

    console.log(`Fastify hello-world: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const hello = await load(reference.url);
    console.log(`Fastify + one pg query: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const oneQuery = await load(reference.url, (req) => ({ ...req, path: `/balance/${next().id}` }));
    console.log(`GET /storefront/v1/me: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const me = await load(server.baseUrl, (req) => ({ ...req, path: '/storefront/v1/me', headers: { 'regulars-publishable-key': publishableKey, authorization: `Bearer ${next().token}` } }));
    console.log(`GET /v1/customers/{id}: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const customer = await load(server.baseUrl, (req) => ({ ...req, path: `/v1/customers/${next().id}`, headers: { authorization: `Bearer ${server.apiKey}` } }));

    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(24)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  ${(r.requests.average / hello.requests.average).toFixed(2)}×`;
    console.log(line('Fastify hello-world', hello));
    console.log(line('Fastify + one pg query', oneQuery));
    console.log(line('GET /storefront/v1/me', me));
    console.log(line('GET /v1/customers/{id}', customer));
    console.log(`GET /storefront/v1/me ÷ hello-world ${(me.requests.average / hello.requests.average).toFixed(3)}`);
    ratio = customer.requests.average / hello.requests.average;

    async function storefront(token: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${server.baseUrl}${path}`, { method, headers: { 'regulars-publishable-key': publishableKey, authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return response.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    }

    /** Fast is worth nothing if stale: a redemption must show in the next GET me. */
    async function checkExact(token: string, rewardId: string) {
      const before = (await storefront(token, 'GET', '/storefront/v1/me')).points_balance;
      await storefront(token, 'POST', '/storefront/v1/me/redemptions', { reward_id: rewardId });
      const after = (await storefront(token, 'GET', '/storefront/v1/me')).points_balance;
      if (after !== before - 10) throw new Error(`GET /storefront/v1/me is stale: ${before} before a 10-point redemption, ${after} after`);
    }
  } finally {
    await stop(reference.process);
    await stop(server.process);
  }
  verifyAfter(databaseUrl);
  console.log(`ratio ${ratio.toFixed(3)}`);
} finally {
  await postgres.close();
}
