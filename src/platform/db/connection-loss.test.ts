import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect, dedicatedClient, isConnectionLoss } from './database.ts';

const url = inject('serverUrl');
const admin = new pg.Client({ connectionString: url });
await admin.connect();
afterAll(() => admin.end());

/** What a server restart does to a connection: the server ends it from its side. */
const terminate = (pid: number) => admin.query('select pg_terminate_backend($1)', [pid]);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a connection the server drops', () => {
  it('while checked out between statements does not end the process; the query fails as a connection loss; the pool carries on', async () => {
    const db = connect(url, 2);
    const failure = await db
      .connection()
      .execute(async (connection) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
        await terminate(rows[0]!.pid);
        await pause(200); // the 'error' event arrives now, while no query runs on the client
        await sql`select 1`.execute(connection);
      })
      .catch((error: unknown) => error);
    expect(isConnectionLoss(failure)).toBe(true);
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(rows).toEqual([{ one: 1 }]);
    await db.destroy();
  });

  it('on a dedicated client (COPY, imports) does not end the process either', async () => {
    const client = dedicatedClient(url);
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    await terminate(rows[0]!.pid);
    await pause(200);
    expect(isConnectionLoss(await client.query('select 1').catch((error: unknown) => error))).toBe(true);
  });

  it('is told apart from a bad request', () => {
    expect(isConnectionLoss(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
  });
});
