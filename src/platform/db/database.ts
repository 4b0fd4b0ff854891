import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { trackPool } from '../metrics.ts';
import { preparesMarkedStatements } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

// bigint columns hold points and minor units; they stay far below 2^53, and a value that does
// not is refused rather than silently rounded.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} is beyond the safe integer range`);
  return n;
});
// Dates (birthdays) stay as 'YYYY-MM-DD' strings: a calendar date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function connect(url: string, maxConnections = 20, applicationName = 'regulars'): Db {
  // Reports aggregate and sort hundreds of thousands of rows; PostgreSQL's default 4 MB of work
  // memory per sort or hash makes them spill to disk.
  // Connecting gives up after 5 s, so a request during an outage fails (503) rather than hangs.
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, options: '-c work_mem=32MB', connectionTimeoutMillis: 5_000, application_name: applicationName });
  listenForConnectionLoss(pool);
  pool.on('connect', preparesMarkedStatements);
  trackPool(applicationName, pool);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * A connection the server drops (restart, failover, an administrator's command) emits 'error' on
 * its client; without a listener that ends the process. The pool listens to idle clients only, so
 * every client also gets one for while it is checked out: the query running on it fails on its own
 * (a 503 to the caller, see isConnectionLoss), and the pool replaces the client on release.
 */
function listenForConnectionLoss(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

/** A client of its own (COPY, a long import), which must survive a dropped connection as pooled ones do. */
export function dedicatedClient(url: string): pg.Client {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  return client;
}

/** SQLSTATE classes and errors that mean the database is unreachable, not that the request is wrong. */
const LOST = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const LOST_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable/;

export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (LOST.has(code) || code.startsWith('08'))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionLoss);
  return LOST_MESSAGES.test(error.message);
}

/**
 * Runs `work` while this process holds PostgreSQL's advisory lock on `key` (session level, on a
 * connection of its own): other processes asking for the same key wait. For work that spans
 * several transactions and must not interleave with itself, such as applying one store order's
 * deliveries. A dropped connection releases the lock.
 */
export async function withAdvisoryLock<T>(db: Db, key: string, work: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(hashtextextended(${key}, 0))`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(connection);
    }
  });
}
