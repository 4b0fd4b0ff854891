/**
 * `npm run bench:recommendations`: how well "bought together" recommendations predict what a
 * shopper buys next, on the demo store (sizes in orders, BENCH_SIZES, four orders a customer).
 * Each repeat customer's last order is hidden (cancelled, which the refresh and the read leave
 * out), the pairs are refreshed from the rest, and each such customer gets 3 recommendations.
 * The figure is the hit rate at 3: the share of those customers whose hidden order contains a
 * recommended product. The reference, in the same run on the same history: the top 3 best
 * sellers of the last 90 days the customer has not bought. Prints `ratio <hit rate ÷ reference>`
 * last, with the refresh time and the read latency beside it.
 */
import { sql } from 'kysely';
import { connect, type Db } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createProgram, loadProgramContext } from '../src/programs/program-store.ts';
import { refreshProductPairs } from '../src/recommendations/product-pairs.ts';
import { recommendFor } from '../src/recommendations/recommend.ts';
import { loadDemoStore } from '../src/workflows/demo-store.ts';
import { benchPostgres, verifyAfter } from './harness.ts';

const SIZES = (process.env.BENCH_SIZES ?? '20000').split(',').map(Number);
const PICKS = 3;
const now = new Date('2026-11-01T00:00:00Z');
const seconds = (from: number) => (performance.now() - from) / 1000;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

interface Hidden {
  customer_id: string;
  /** Products of the hidden last order. */
  next: Set<string>;
  /** Products of the customer's other orders. */
  before: Set<string>;
}

/** Cancels each repeat customer's last order (the latest, then the highest id) and returns what it held. */
async function hideLastOrders(db: Db, programId: string): Promise<Hidden[]> {
  const { rows } = await sql<{ customer_id: string; next: string[]; before: string[] }>`
    with last as (
      select distinct on (customer_id) id, customer_id from orders
      where program_id = ${programId} and status <> 'cancelled'
      order by customer_id, placed_at desc, id desc
    ),
    hidden as (
      update orders o set status = 'cancelled', cancelled_at = ${now}
      from last l where o.id = l.id and o.customer_id = l.customer_id
        and exists (select 1 from orders e where e.program_id = ${programId} and e.customer_id = l.customer_id and e.id <> l.id and e.status <> 'cancelled')
      returning o.customer_id, o.id, o.line_items
    )
    select h.customer_id,
      (select array_agg(distinct x ->> 'product_id') from jsonb_array_elements(h.line_items) x) as next,
      (select array_agg(distinct x ->> 'product_id') from orders e, jsonb_array_elements(e.line_items) x
        where e.program_id = ${programId} and e.customer_id = h.customer_id and e.id <> h.id and e.status <> 'cancelled') as before
    from hidden h order by h.customer_id`.execute(db);
  return rows.map((r) => ({ customer_id: r.customer_id, next: new Set(r.next), before: new Set(r.before) }));
}

const postgres = await benchPostgres();
try {
  for (const orders of SIZES) {
    const url = await postgres.freshDatabase(`regulars_bench_recommendations_${orders}`);
    const db = connect(url);
    await migrate(db);
    const { program } = await createProgram(db, { name: 'Bench', currency: 'USD' }, now);
    let t = performance.now();
    const loaded = await loadDemoStore(db, url, await loadProgramContext(db, program.id), { customers: Math.round(orders / 4), orders }, now);
    console.log(`demo store: ${loaded.orders} orders, ${loaded.customers} customers (${seconds(t).toFixed(1)} s)`);
    // Checked before the experiment cancels orders behind the engine's back (which verify would rightly report).
    verifyAfter(url);

    const hidden = await hideLastOrders(db, program.id);
    const reachable = hidden.filter((h) => [...h.next].some((p) => !h.before.has(p))).length;
    console.log(`hidden: the last order of ${hidden.length} repeat customers; ${percent(reachable / hidden.length)} of those orders hold a product the customer had not bought (the ceiling of any list that leaves bought products out)`);

    const refreshes: number[] = [];
    let refreshed = { customers: 0, pairs: 0, best_sellers: 0 };
    for (let run = 0; run < 3; run++) {
      t = performance.now();
      refreshed = await refreshProductPairs(db, program.id, now);
      refreshes.push(seconds(t));
    }
    console.log(`refresh: ${refreshed.pairs} pairs, ${refreshed.best_sellers} best sellers from ${refreshed.customers} customers' orders of 365 days in ${refreshes.map((s) => s.toFixed(2)).join(', ')} s`);

    // The reference: the best sellers in rank order, the first 3 the customer has not bought.
    const bestSellers = (await db.selectFrom('product_best_sellers').select('product_id').where('program_id', '=', program.id).orderBy('rank').execute()).map((r) => r.product_id);
    let baselineHits = 0;
    for (const h of hidden) {
      const picks = bestSellers.filter((p) => !h.before.has(p)).slice(0, PICKS);
      if (picks.some((p) => h.next.has(p))) baselineHits += 1;
    }

    let hits = 0;
    let fromPairs = 0;
    const reads: number[] = [];
    for (const h of hidden) {
      t = performance.now();
      const picks = await recommendFor(db, program.id, h.customer_id, PICKS, now);
      reads.push(performance.now() - t);
      if (picks.some((p) => h.next.has(p.product_id))) hits += 1;
      fromPairs += picks.filter((p) => p.source === 'bought_together').length;
    }
    reads.sort((a, b) => a - b);
    const hitRate = hits / hidden.length;
    const baseline = baselineHits / hidden.length;
    console.log(`read: p50 ${reads[Math.floor(reads.length / 2)]!.toFixed(2)} ms, p99 ${reads[Math.floor(reads.length * 0.99)]!.toFixed(2)} ms; ${percent(fromPairs / (hidden.length * PICKS))} of the picks bought together, the rest best sellers`);
    console.log(`reference: best sellers not yet bought, hit rate at ${PICKS} ${percent(baseline)} (${baselineHits} of ${hidden.length})`);
    console.log(`bought together + best sellers, hit rate at ${PICKS} ${percent(hitRate)} (${hits} of ${hidden.length})`);
    await db.destroy();
    console.log(`ratio ${(hitRate / baseline).toFixed(2)}`);
  }
} finally {
  await postgres.close();
}
