import { buildApp } from '../api/app.ts';
import { systemClock } from '../platform/clock.ts';
import { readConfig } from '../platform/config.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { loadDemoStore } from '../workflows/demo-store.ts';
import type { Db } from '../platform/db/database.ts';
import { startSweeps } from '../workflows/sweeps/scheduler.ts';
import { openDatabase } from './database.ts';
import { chosenProgram, createDefaultProgram } from './default-program.ts';

const say = (line: string) => console.log(line);

/** `regulars start`: the API, the sweeps, and on an empty database a default program. */
export async function start(options: { demo?: boolean } = {}): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config, say);
  const deps = { db: database.db, clock: systemClock };
  await createDefaultProgram(deps.db);
  if (options.demo) await loadDemoIfEmpty(database);
  const app = await buildApp(deps, { adminKey: config.adminKey, logLevel: config.logLevel });
  const stopSweeps = await startSweeps(database.url, deps.db, deps.clock, say);
  await app.listen({ port: config.port, host: config.host });
  const base = `http://localhost:${config.port}`;
  say(`Regulars is running on ${base}`);
  say(`  API reference: ${base}/docs   OpenAPI: ${base}/openapi.json`);
  say(`  database: ${database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await app.close();
    await stopSweeps();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `--demo`: a synthetic store in the default program, unless it already has orders. */
async function loadDemoIfEmpty(database: { db: Db; url: string }): Promise<void> {
  const programId = await chosenProgram(database.db, undefined);
  if (await database.db.selectFrom('orders').select('id').where('program_id', '=', programId).limit(1).executeTakeFirst()) return;
  say('loading the demo store (5,000 shoppers, about 20,000 orders) …');
  const loaded = await loadDemoStore(database.db, database.url, await loadProgramContext(database.db, programId), { customers: 5000, orders: 20000 }, new Date());
  say(`demo store loaded: ${loaded.orders} orders, ${loaded.customers} customers`);
}
