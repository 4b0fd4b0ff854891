import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { startReplay, type DraftProgram } from '../analytics/backtest.ts';
import { eachPastOrderPage } from '../analytics/report-store.ts';
import { readConfig } from '../platform/config.ts';
import { openDatabase } from './database.ts';
import { chosenProgram } from './default-program.ts';

/** `regulars backtest --program draft.json`: a draft program replayed over the store's past orders. */
export async function runBacktest(options: { program: string; programId?: string; from: string; to: string; json?: boolean }): Promise<void> {
  const draft = JSON.parse(await readFile(options.program, 'utf8')) as DraftProgram;
  const database = await openDatabase(readConfig(), (line) => console.error(line));
  try {
    const programId = await chosenProgram(database.db, options.programId);
    const replay = startReplay(draft);
    const progress = new cliProgress.SingleBar({ format: 'replaying [{bar}] {value}/{total} orders', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
    progress.start(1, 0);
    await eachPastOrderPage(database.readDb, programId, { from: new Date(`${options.from}T00:00:00Z`), to: new Date(`${options.to}T00:00:00Z`) }, (orders, { done, total }) => {
      orders.forEach(replay.add);
      progress.setTotal(total);
      progress.update(done);
    });
    progress.stop();
    const r = replay.result();
    if (options.json) return void console.log(JSON.stringify(r));
    console.log(`${r.orders} orders of ${r.customers} customers, ${options.from} to ${options.to}`);
    console.log(`points issued ${r.points_issued}, redeemed if typical ${r.points_redeemed_if_typical}, expired ${r.points_expired}, outstanding ${r.points_outstanding}, liability ${r.liability}`);
    console.log('month    issued  redeemed  expired  outstanding  liability');
    for (const m of r.by_month) console.log(`${m.month}  ${String(m.issued).padStart(6)}  ${String(m.redeemed).padStart(8)}  ${String(m.expired).padStart(7)}  ${String(m.outstanding).padStart(11)}  ${String(m.liability).padStart(9)}`);
    console.log(`customers per tier: ${Object.entries(r.customers_per_tier).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    await database.close();
  }
}
