import { loadLivedInDemo } from '../workflows/demo-store.ts';
import { readConfig } from '../platform/config.ts';
import { systemClock } from '../platform/clock.ts';
import { loadSecretBox } from '../platform/secrets.ts';
import { loadProgramContext } from '../programs/program-store.ts';
import { chosenProgram } from './default-program.ts';
import { openDatabase } from './database.ts';

/** `regulars demo`: a synthetic store in the first program (created if there is none). */
export async function demo(size: { customers: number; orders: number }): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config, (line) => console.error(line));
  try {
    const programId = await chosenProgram(database.db, undefined, { create: true });
    const started = performance.now();
    console.log(`generating and loading about ${size.orders} orders of ${size.customers} shoppers …`);
    const deps = { db: database.db, readDb: database.readDb, clock: systemClock, secrets: await loadSecretBox(config.encryptionKey, config.dataDir) };
    const loaded = await loadLivedInDemo(deps, database.url, await loadProgramContext(database.db, programId), size, new Date());
    console.log(`${loaded.orders} orders, ${loaded.customers} customers and ${loaded.redemptions} redemptions loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; try: npx regulars report`);
  } finally {
    await database.close();
  }
}
