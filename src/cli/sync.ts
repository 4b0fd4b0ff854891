import cliProgress from 'cli-progress';
import { getConnection } from '../connections/connection-store.ts';
import { systemClock } from '../platform/clock.ts';
import { readConfig } from '../platform/config.ts';
import { loadSecretBox } from '../platform/secrets.ts';
import { reconcileConnection } from '../workflows/store-reconciled.ts';
import { openDatabase } from './database.ts';

/**
 * `regulars sync <connection> --since DATE`: fetches the store's orders changed since DATE from its
 * Admin API and applies them as a webhook would (a backfill, or catching up after an outage).
 */
export async function sync(connectionId: string, options: { since?: string }): Promise<void> {
  const config = readConfig();
  const database = await openDatabase(config, (line) => console.error(line));
  try {
    const row = await database.db.selectFrom('connections').select('program_id').where('id', '=', connectionId).executeTakeFirst();
    if (!row) throw new Error(`No connection ${connectionId}: list them with GET /v1/connections.`);
    const connection = await getConnection(database.db, row.program_id, connectionId);
    const deps = { db: database.db, readDb: database.readDb, clock: systemClock, secrets: await loadSecretBox(config.encryptionKey, config.dataDir) };
    const bar = new cliProgress.SingleBar({ format: 'syncing {pages} pages | {orders} orders', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(0, 0, { pages: 0, orders: 0 });
    const result = await reconcileConnection(deps, connection, {
      ...(options.since ? { since: new Date(`${options.since}T00:00:00Z`) } : {}),
      onPage: (progress) => bar.update(progress.orders, progress),
    });
    bar.stop();
    console.log(`${result.orders} orders changed since ${result.since.toISOString()} applied from ${connection.shop_domain ?? connection.site_url} (${result.pages} pages)`);
  } finally {
    await database.close();
  }
}
