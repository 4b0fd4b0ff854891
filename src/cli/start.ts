import { buildApp } from '../api/app.ts';
import { systemClock } from '../platform/clock.ts';
import { readConfig } from '../platform/config.ts';
import { countPrograms, createProgram, loadProgramContext } from '../programs/program-store.ts';
import { loadDemoStore } from '../workflows/demo-store.ts';
import type { Db } from '../platform/db/database.ts';
import { startSweeps } from '../workflows/sweeps/scheduler.ts';
import { openDatabase } from './database.ts';

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
  const program = await database.db.selectFrom('programs').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  if (await database.db.selectFrom('orders').select('id').where('program_id', '=', program.id).limit(1).executeTakeFirst()) return;
  say('loading the demo store (5,000 shoppers, about 20,000 orders) …');
  const loaded = await loadDemoStore(database.db, database.url, await loadProgramContext(database.db, program.id), { customers: 5000, orders: 20000 }, new Date());
  say(`demo store loaded: ${loaded.orders} orders, ${loaded.customers} customers`);
}

export async function createDefaultProgram(db: Parameters<typeof countPrograms>[0]): Promise<void> {
  if ((await countPrograms(db)) > 0) return;
  const { program, apiKey } = await createProgram(db, { name: 'My store', currency: process.env.REGULARS_CURRENCY ?? 'USD' }, new Date());
  say('');
  say(`Created the default program ${program.id} (${program.currency}). Its secret API key, shown only now:`);
  say('');
  say(`  ${apiKey}`);
  say('');
  say('Keep it safe: send it as "Authorization: Bearer <key>". Create more programs with REGULARS_ADMIN_KEY and POST /v1/programs.');
  say('');
}
