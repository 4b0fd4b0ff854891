import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect } from './database.ts';
import { prepared } from './prepared-statements.ts';

const db = connect(inject('serverUrl'), 1);
const table = sql.table(`prepared_probe_${process.pid}`);
afterAll(async () => {
  await sql`drop table if exists ${table}`.execute(db);
  await db.destroy();
});

const preparedOnConnection = async () =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement).filter((s) => s.includes('prepared_probe'));

describe('marked statements', () => {
  it('run prepared, once per text on a connection; after another instance’s migration changes the rows they return, one execution fails and the next prepares afresh', async () => {
    await sql`create table ${table} (id int primary key, name text)`.execute(db);
    await sql`insert into ${table} values (1, 'one')`.execute(db);
    const read = () => sql<{ id: number }>`select * from ${table} where id = ${1} ${prepared}`.execute(db);
    const plain = () => sql`select * from ${table} where id = ${1}`.execute(db);
    await read();
    await read();
    await plain();
    expect(await preparedOnConnection()).toHaveLength(1);

    await sql`alter table ${table} add column added text default 'x'`.execute(db);
    await expect(read()).rejects.toThrow(/cached plan must not change result type/);
    expect((await read()).rows).toEqual([{ id: 1, name: 'one', added: 'x' }]);
    expect(await preparedOnConnection()).toHaveLength(2);
  });
});
