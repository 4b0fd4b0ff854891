import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
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

export function connect(url: string, maxConnections = 20): Db {
  // Reports aggregate and sort hundreds of thousands of rows; PostgreSQL's default 4 MB of work
  // memory per sort or hash makes them spill to disk.
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, options: '-c work_mem=32MB' });
  // An idle connection dropped by the server (restart, failover) is replaced on next use;
  // without a listener its error would crash the process.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
