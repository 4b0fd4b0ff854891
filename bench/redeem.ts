/**
 * `npm run bench:redeem`: POST /v1/customers/{id}/redemptions under concurrent load (each
 * redemption locks the customer, reserves points from their lots and issues a code, durably),
 * against pgbench's TPC-B tps with as many clients on the same PostgreSQL in the same run, beside
 * a plain balance read (GET /v1/customers/{id}) on the same server. Afterwards no balance may be
 * negative and `regulars verify` must be clean. Goal (issue 18): ≥ 0.5× pgbench, p50 ≤ 10 ms.
 * Last line: `ratio <redemptions/s ÷ pgbench tps>`.
 */
import autocannon from 'autocannon';
import { benchPostgres, countOf, pgbenchTps, startRegulars, verifyAfter } from './harness.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CUSTOMERS = 200;

const postgres = await benchPostgres();
try {
  console.log(`pgbench: TPC-B scale 10, ${CONNECTIONS} clients, ${SECONDS} s …`);
  const tps = pgbenchTps(await postgres.freshDatabase('regulars_bench_pgbench'), CONNECTIONS, SECONDS);
  const appDb = await postgres.freshDatabase('regulars_bench_redeem');
  const server = await startRegulars(appDb);
  let perSecond = 0;
  try {
    const api = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ id: string }>);
    console.log(`setting up ${CUSTOMERS} customers and a 10-point reward …`);
    const reward = await api('/v1/rewards', { name: '1 off', type: 'amount_off', amount: 100, points_cost: 10, code_validity_days: 30 });
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const { id } = await api('/v1/customers', { external_id: `bench-${i}` });
      await api(`/v1/customers/${id}/adjustments`, { points: 1_000_000, reason: 'bench' });
      customers.push(id);
    }
    let n = 0;
    const pick = () => customers[n++ % customers.length]!;
    const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
    const load = (setupRequest: autocannon.Request['setupRequest'], method: 'GET' | 'POST') =>
      autocannon({ url: server.baseUrl, connections: CONNECTIONS, duration: SECONDS, requests: [{ method, path: '/', headers, setupRequest }] });

    console.log(`balance reads: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const reads = await load((req) => ({ ...req, path: `/v1/customers/${pick()}` }), 'GET');
    console.log(`redemptions: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const redeems = await load((req) => ({ ...req, path: `/v1/customers/${pick()}/redemptions`, body: JSON.stringify({ reward_id: reward.id }) }), 'POST');
    perSecond = redeems.requests.average;

    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(12)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}`;
    console.log(line('balance read', reads));
    console.log(line('redemption', redeems));
  } finally {
    server.process.kill('SIGTERM');
    await new Promise((resolve) => server.process.once('exit', resolve));
  }
  console.log(`overdrawn customers: ${await countOf(appDb, 'select count(*)::int as n from customers where points_available < 0 or points_reserved < 0')}`);
  verifyAfter(appDb);
  console.log(`pgbench tps ${tps.toFixed(0)}`);
  console.log(`ratio ${(perSecond / tps).toFixed(2)}`);
} finally {
  await postgres.close();
}
