import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connect } from './database.ts';
import { migrate } from './migrate.ts';

/**
 * DESIGN rule 8, checked on the migrated schema: per-customer tables (those with a customer_id)
 * can be distributed by customer on Citus because their keys include customer_id, and so does
 * every foreign key into them (docs/scale-out.md has the plan).
 */
const server = new pg.Client({ connectionString: inject('serverUrl') });
await server.connect();
const name = `regulars_keys_${randomBytes(4).toString('hex')}`;
await server.query(`create database ${name}`);
const url = new URL(inject('serverUrl'));
url.pathname = `/${name}`;
const migrated = connect(url.toString(), 1);
await migrate(migrated);
await migrated.destroy();
const db = new pg.Client({ connectionString: url.toString() });
await db.connect();
afterAll(async () => {
  await db.end();
  await server.query(`drop database ${name} with (force)`);
  await server.end();
});

/**
 * Natural keys that must be unique across customers: an order id is the store's, a discount code
 * the program's, a subscription id the billing system's. On Citus each becomes a lookup table
 * distributed by its own key (docs/scale-out.md); they are the only exceptions.
 */
const CROSS_CUSTOMER_KEYS = ['orders_external_id', 'redemptions_code', 'memberships_external'];

describe('the schema is ready to distribute by customer', () => {
  it('keys every per-customer table by customer_id, but for the natural keys the plan lists', async () => {
    const { rows } = await db.query<{ table: string; key: string }>(`
      with per_customer as (
        select c.oid from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'customer_id' and not a.attisdropped)
      )
      select x.indrelid::regclass::text as table, i.relname as key
      from per_customer p join pg_index x on x.indrelid = p.oid join pg_class i on i.oid = x.indexrelid
      where x.indisunique
        and not exists (select 1 from unnest(x.indkey) k join pg_attribute a on a.attrelid = p.oid and a.attnum = k where a.attname = 'customer_id')
      order by 1, 2`);
    expect(rows.map((r) => r.key).sort()).toEqual([...CROSS_CUSTOMER_KEYS].sort());
  });

  it('names the customer in every foreign key into a per-customer table', async () => {
    const { rows } = await db.query<{ constraint: string }>(`
      select con.conname as constraint
      from pg_constraint con
      where con.contype = 'f' and con.connamespace = 'public'::regnamespace
        and exists (select 1 from pg_attribute a where a.attrelid = con.confrelid and a.attname = 'customer_id' and not a.attisdropped)
        and not exists (select 1 from unnest(con.confkey) k join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k where a.attname = 'customer_id')
      order by 1`);
    expect(rows).toEqual([]);
  });
});
