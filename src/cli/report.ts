import { retentionReport } from '../analytics/report.ts';
import { DEFAULT_STAGES } from '../analytics/segments.ts';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from './database.ts';
import { chosenProgram } from './default-program.ts';

const pct = (x: number | null) => (x === null ? '   –' : `${(x * 100).toFixed(1)}%`);

/** `regulars report`: the retention report of a program, as text or JSON. */
export async function report(options: { program?: string; from: string; to: string; json?: boolean }): Promise<void> {
  const database = await openDatabase(readConfig(), (line) => console.error(line));
  try {
    const programId = await chosenProgram(database.db, options.program);
    const started = performance.now();
    const r = await retentionReport(database.readDb, programId, { from: new Date(`${options.from}T00:00:00Z`), to: new Date(`${options.to}T00:00:00Z`) }, DEFAULT_STAGES);
    const seconds = (performance.now() - started) / 1000;
    if (options.json) {
      console.log(JSON.stringify({ ...r, seconds }));
      return;
    }
    const t = r.totals;
    console.log(`${options.from} to ${options.to}: ${t.customers} customers, ${t.orders} orders, revenue ${t.revenue} (minor units)`);
    console.log(`repeat customer rate ${pct(t.repeat_customer_rate)}, purchase frequency ${t.purchase_frequency.toFixed(2)}, AOV ${t.average_order_value}, customer value ${t.customer_value}, historic CLV ${t.historic_clv}`);
    console.log(`median days between orders ${r.median_days_between_orders ?? '–'}`);
    console.log('month     customers  retention  churn');
    for (const m of r.retention) console.log(`${m.month}  ${String(m.customers).padStart(9)}  ${pct(m.retention_rate).padStart(9)}  ${pct(m.churn_rate).padStart(5)}`);
    console.log(`RFM segments: ${Object.entries(r.rfm_segments).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`lifecycle at ${options.to}: ${Object.entries(r.lifecycle.at_to).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    console.log(`(${r.cohorts.length} monthly cohorts in the JSON output; report computed in ${seconds.toFixed(2)} s)`);
  } finally {
    await database.close();
  }
}
