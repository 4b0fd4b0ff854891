/**
 * `npm run bench:ingest`: POST /v1/orders over HTTP, each order from a new customer, on a fresh
 * database, against pgbench's TPC-B tps on the same PostgreSQL in the same run. Every order is
 * durable when acknowledged (synchronous commit). Prints `ratio <orders/s ÷ pgbench tps>`.
 * BENCH_CONNECTIONS (32) and BENCH_SECONDS (15) change the load.
 *
 * Where the time goes (2 cores, 3 December 2026): the machine is CPU-bound, about half of it
 * PostgreSQL. Per order, measured one at a time in PostgreSQL's log: the posting statement
 * (transfer, two entries, lot, balances, the points.earned event and its webhook fan-out) executes
 * in ~0.7 ms, the customers' find-or-create ~0.5 ms, the order insert ~0.3 ms, the referral check
 * ~0.2 ms, COMMIT ~0.4 ms (WAL flush); a TPC-B transaction's whole work is a fraction of that. Each
 * order writes six rows under eight indexes where TPC-B updates three rows and inserts one. The
 * find-or-create and one-customer postings are prepared statements (parsed and planned once); a group
 * commit's many-customer posting measured slower prepared and is not. Passing 1.0× takes writing
 * less per order: one row per transfer instead of two entries, no lot when points never expire, the
 * event row only when an email flow or webhook wants it.
 */
import autocannon from 'autocannon';
import { benchPostgres, countOf, pgbenchTps, startRegulars, verifyAfter } from './harness.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

const postgres = await benchPostgres();
try {
  console.log(`pgbench: TPC-B scale 10, ${CONNECTIONS} clients, ${SECONDS} s …`);
  const tps = pgbenchTps(await postgres.freshDatabase('regulars_bench_pgbench'), CONNECTIONS, SECONDS);
  console.log(`pgbench tps ${tps.toFixed(0)}`);

  const appDb = await postgres.freshDatabase('regulars_bench_ingest');
  const server = await startRegulars(appDb);
  let ordersPerSecond = 0;
  try {
    const run = (seconds: number, tag: string) => loadOrders(server.baseUrl, server.apiKey, seconds, tag);
    console.log('warming up 3 s …');
    await run(3, 'warm');
    console.log(`POST /v1/orders: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const result = await run(SECONDS, 'run');
    const ok = result.requests.total - result.non2xx - result.errors;
    ordersPerSecond = ok / SECONDS;
    const durable = await countOf(appDb, 'select count(*)::int as n from orders where external_id like $1', ['run-%']);
    console.log(`orders/s ${ordersPerSecond.toFixed(0)}  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  errors ${result.errors}`);
    console.log(`acknowledged ${ok}, found in the database ${durable}${durable >= ok ? ' (all durable)' : ' (MISSING ORDERS)'}`);
  } finally {
    server.process.kill('SIGTERM');
    await new Promise((resolve) => server.process.once('exit', resolve));
  }
  verifyAfter(appDb);
  console.log(`pgbench tps ${tps.toFixed(0)}`);
  console.log(`ratio ${(ordersPerSecond / tps).toFixed(2)}`);
} finally {
  await postgres.close();
}

async function loadOrders(baseUrl: string, apiKey: string, seconds: number, tag: string) {
  let n = 0;
  return autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/orders',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          n += 1;
          request.body = JSON.stringify({
            external_id: `${tag}-${n}`,
            customer: { external_id: `${tag}-customer-${n}`, email: `${tag}-${n}@example.com` },
            currency: 'USD',
            subtotal: 5400 + (n % 100) * 37,
            total: 5900 + (n % 100) * 37,
            shipping: 500,
            line_items: [{ product_id: `p${n % 50}`, title: 'Coffee beans', quantity: 2, unit_price: 2700 + (n % 100) * 18 }],
          });
          return request;
        },
      },
    ],
  });
}
