import type { Config } from '../platform/config.ts';
import { connect, isConnectionLoss, type Db } from '../platform/db/database.ts';
import { startEmbeddedPostgres } from '../platform/db/embedded-postgres.ts';
import { migrate } from '../platform/db/migrate.ts';

export interface OpenDatabase {
  db: Db;
  /** DATABASE_READ_URL's standby when set (reports read there), otherwise db itself. */
  readDb: Db;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in REGULARS_DATA_DIR, started if needed. Migrated. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;
  const db = connect(url);
  try {
    await migrate(db, log);
  } catch (error) {
    await db.destroy();
    await embedded?.stop();
    if (config.databaseUrl && isConnectionLoss(error)) throw new Error(`Cannot reach the PostgreSQL of DATABASE_URL (${serverOf(config.databaseUrl)}): ${(error as Error).message}.`);
    throw error;
  }
  const readDb = config.databaseReadUrl ? connect(config.databaseReadUrl, 10, 'regulars-reports') : db;
  return {
    db,
    readDb,
    url,
    embedded: embedded !== undefined,
    close: async () => {
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
      await embedded?.stop();
    },
  };
}

/** host:port of a connection URL, without its credentials. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}`;
  } catch {
    return 'an unparseable URL';
  }
}
