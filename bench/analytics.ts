/**
 * `npm run bench:analytics`: synthetic stores of 100k and 1M orders (about 20% as many
 * customers) on a fresh database. For each: the import (COPY + set-based SQL) against a plain
 * COPY of the same rows, the full retention report (metrics, cohorts, RFM, stages), and a
 * BG/NBD + Gamma-Gamma fit on every customer. Beside it, the time of only storing the same orders
 * again in a table like `orders` (its indexes and customer key): the floor any import of these rows
 * pays. Goals on 2 cores (issue 18): the import ≥ 0.6× that floor, the report on 1M orders < 1 s
 * (and on 5M, BENCH_SIZES=5000000, < 5 s), CLV input + fit on 200k customers < 2 s.
 * Last line: `ratio <floor ÷ import time>` at the largest size.
 */
import pg from 'pg';
import { fitBgNbd } from '../src/analytics/clv/bg-nbd.ts';
import { clvInput } from '../src/analytics/clv/clv-input.ts';
import { fitGammaGamma } from '../src/analytics/clv/gamma-gamma.ts';
import { retentionReport } from '../src/analytics/report.ts';
import type { SegmentDefinition } from '../src/segments/segment-conditions.ts';
import { countMembers } from '../src/segments/segment-store.ts';
import { cohorts, customerStanding, ordersInSequence } from '../src/analytics/report-store.ts';
import { DEFAULT_STAGES } from '../src/analytics/segments.ts';
import { syntheticOrders } from '../src/analytics/synthetic-store.ts';
import { importHistory } from '../src/workflows/imports/history-import.ts';
import type { ImportedOrder } from '../src/workflows/imports/order-rows.ts';
import { copyLines } from '../src/platform/db/copy-lines.ts';
import { connect } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createProgram, loadProgramContext } from '../src/programs/program-store.ts';
import { benchPostgres, verifyAfter } from './harness.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const now = new Date('2026-11-01T00:00:00Z');
const seconds = (from: number) => (performance.now() - from) / 1000;

const postgres = await benchPostgres();
let lastRatio = 0;
try {
  for (const orders of SIZES) {
    const url = await postgres.freshDatabase(`regulars_bench_analytics_${orders}`);
    const db = connect(url);
    await migrate(db);
    const { program } = await createProgram(db, { name: 'Bench', currency: 'USD' }, now);
    const context = await loadProgramContext(db, program.id);
    process.stdout.write(`${orders} orders: generating … `);
    const rows: ImportedOrder[] = [];
    let line = 1;
    for (const o of syntheticOrders({ customers: Math.round(orders / 5), ordersPerCustomer: 5, start: new Date(now.getTime() - 730 * 86_400_000), days: 730 })) {
      rows.push({ line: ++line, external_id: o.order_id, customer_external_id: o.customer_id, email: o.email, placed_at: `${o.date}T12:00:00Z`, currency: 'USD', subtotal: o.amount, total: o.amount, shipping: 0, tax: 0, discount: 0 });
    }
    console.log(`${rows.length} orders, ${Math.round(orders / 5)} customers`);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let t = performance.now();
    await client.query('create unlogged table plain_copy (order_id text, customer_id text, email text, placed_at timestamptz, currency char(3), amount bigint)');
    await copyLines(client, 'copy plain_copy from stdin with (format csv)', (function* () { for (const r of rows) yield `${r.external_id},${r.customer_external_id},${r.email},${r.placed_at},USD,${r.total}\n`; })());
    const copySeconds = seconds(t);
    t = performance.now();
    await importHistory(db, client, context, rows, now);
    const importSeconds = seconds(t);
    console.log(`  import ${importSeconds.toFixed(1)} s, plain COPY ${copySeconds.toFixed(1)} s: import speed ${(copySeconds / importSeconds).toFixed(2)}× the plain COPY`);

    const year = { from: new Date(now.getTime() - 365 * 86_400_000), to: now };
    const reportSeconds = [];
    for (let run = 0; run < 3; run++) {
      t = performance.now();
      await retentionReport(db, program.id, year, DEFAULT_STAGES);
      reportSeconds.push(seconds(t).toFixed(2));
    }
    console.log(`  full report (metrics, retention, cohorts, RFM, stages) ${reportSeconds[0]} s right after the import, then ${reportSeconds.slice(1).join(' and ')} s`);
    const parts: [string, () => Promise<unknown>][] = [
      ['totals, RFM and stages', () => customerStanding(db, program.id, year.from, year.to, DEFAULT_STAGES)],
      ['retention and median gap', () => ordersInSequence(db, program.id, year.from, year.to)],
      ['cohorts', () => cohorts(db, program.id, year.from, year.to)],
    ];
    const timings = [];
    for (const [name, run] of parts) {
      t = performance.now();
      await run();
      timings.push(`${name} ${seconds(t).toFixed(2)}`);
    }
    console.log(`  one at a time: ${timings.join(', ')} s`);

    t = performance.now();
    const input = await clvInput(db, program.id, now, 'week');
    const inputSeconds = seconds(t);
    t = performance.now();
    const bg = fitBgNbd(input);
    const gg = fitGammaGamma(input);
    const fitSeconds = seconds(t);
    console.log(`  CLV input ${inputSeconds.toFixed(2)} s + BG/NBD and Gamma-Gamma fit on ${input.length} customers ${fitSeconds.toFixed(2)} s = ${(inputSeconds + fitSeconds).toFixed(2)} s (r ${bg.r.toFixed(3)}, alpha ${bg.alpha.toFixed(2)}, a ${bg.a.toFixed(3)}, b ${bg.b.toFixed(3)}; p ${gg.p.toFixed(2)}, q ${gg.q.toFixed(2)}, v ${gg.v.toFixed(1)})`);

    // A segment of three conditions counted, against a plain count of the program's customers.
    const champions: SegmentDefinition = { match: 'all', conditions: [{ type: 'rfm_segment', in: ['champions', 'loyal'] }, { type: 'orders', at_least: 3 }, { type: 'spend', at_least: 10_000, within_days: 365 }] };
    await countMembers(db, program.id, champions, now);
    t = performance.now();
    const members = await countMembers(db, program.id, champions, now);
    const segmentSeconds = seconds(t);
    t = performance.now();
    await db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).where('program_id', '=', program.id).executeTakeFirstOrThrow();
    const countSeconds = seconds(t);
    console.log(`  a three-condition segment (champions or loyal, 3+ orders, 100.00+ in a year): ${members} customers counted in ${segmentSeconds.toFixed(3)} s; a plain count of the customers ${countSeconds.toFixed(3)} s (${(segmentSeconds / countSeconds).toFixed(1)}× that)`);

    // A second reference for the import: only storing the same orders again, in a table with the orders' indexes and customer key.
    await client.query('create table orders_again (like orders including all); alter table orders_again add foreign key (customer_id) references customers (id)');
    t = performance.now();
    await client.query('insert into orders_again select * from orders');
    const storeSeconds = seconds(t);
    await client.query('drop table orders_again');
    await client.end();
    console.log(`  storing the same orders alone (orders' indexes, customer key) ${storeSeconds.toFixed(1)} s: the import runs at ${(storeSeconds / importSeconds).toFixed(2)}× that`);
    lastRatio = storeSeconds / importSeconds;
    await db.destroy();
    verifyAfter(url);
  }
  console.log(`ratio ${lastRatio.toFixed(2)} (the import against storing the orders alone, at ${SIZES.at(-1)} orders)`);
} finally {
  await postgres.close();
}
