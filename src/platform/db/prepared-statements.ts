import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

/**
 * The hot path's big statements (posting transfers, appending events, taking from lots) have one
 * text whatever their data (the rows travel as one jsonb parameter), yet PostgreSQL parses and
 * plans them on every execution: about 2.5 ms of a redemption's 5 ms of database time. A statement
 * whose text ends with this marker is run as a named prepared statement instead, parsed once per
 * connection and, after five executions, planned once (plan_cache_mode auto keeps the generic plan
 * when it is no costlier). Only fixed texts may carry it: each distinct text stays prepared on
 * every connection for the connection's life.
 */
export const PREPARED = '/* prepared */';

/** Appended to a query (sql`… ${prepared}` or a builder's .modifyEnd(prepared)) to have it prepared. */
export const prepared = sql.raw(PREPARED);

const names = new Map<string, string>();
const nameOf = (text: string) => {
  let name = names.get(text);
  if (!name) names.set(text, (name = `regulars_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
};

/** A prepared `select *` or `returning *` whose table another instance's migration has changed since. */
const isStalePlan = (error: unknown) => (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test((error as Error).message);

/**
 * Makes a pooled client run marked statements as named prepared statements (Kysely calls
 * query(text, values)). When a migration run elsewhere has changed a table a prepared statement
 * returns whole rows of, PostgreSQL refuses it once; the client then prepares it afresh under a
 * new name, so only the one statement that met the change fails.
 */
export function preparesMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let generation = 0;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (args.length !== 2 || typeof text !== 'string' || !text.endsWith(PREPARED) || !Array.isArray(values)) return query(...args);
    return (query({ name: `${nameOf(text)}_${generation}`, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if (isStalePlan(error)) generation += 1;
      throw error;
    });
  }) as typeof client.query;
}
