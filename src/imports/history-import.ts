import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import { copyLines } from '../platform/db/copy-lines.ts';
import type { Db } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import type { ImportedOrder } from './order-rows.ts';

const csvField = (v: string | number | null) => (v === null ? '' : `"${String(v).replaceAll('"', '""')}"`);

/** The steps of a history import, for progress: staging reports the share of rows sent. */
export type ImportStep = 'staging' | 'customers' | 'orders' | 'statistics';

/**
 * Loads order history as it was, awarding nothing: the rows go into a staging table by COPY,
 * then set-based SQL creates the customers it does not know (by external id, else email), adds
 * the orders it does not have (by store and order id: re-importing changes nothing) and moves the
 * customers' order statistics. One transaction: all of the file's valid rows, or none.
 */
export async function importHistory(db: Db, client: pg.ClientBase, program: { id: string; storeId: string }, orders: ImportedOrder[], at: Date, onStep?: (step: ImportStep, done: number) => void): Promise<{ orders: number; customers: number }> {
  // COPY needs the connection itself; the SQL around it is written with Kysely's sql tag and compiled.
  const run = async <R>(query: RawBuilder<R>) => {
    const compiled = query.compile(db);
    return (await client.query(compiled.sql, compiled.parameters as unknown[])).rows as R[];
  };
  // The staging table lives in the session's temporary buffers: 8 MB by default, so a big file
  // would go to disk and back three times. Settable only before the session's first temp table.
  await client.query(`set temp_buffers = '512MB'`).catch(() => {});
  await client.query('begin');
  try {
    await client.query(`create temp table import_orders (
      order_id text, customer_id text, external_id text, customer_key text, external_customer text, email text,
      placed_at timestamptz, currency char(3), subtotal bigint, total bigint, shipping bigint, tax bigint, discount bigint, line_items jsonb
    ) on commit drop`);
    const lines = function* () {
      for (const o of orders) {
        const key = o.customer_external_id ?? `email:${o.email!.toLowerCase()}`;
        yield [newId('ord'), newId('cus'), o.external_id, key, o.customer_external_id, o.email, o.placed_at, o.currency, o.subtotal, o.total, o.shipping, o.tax, o.discount, o.line_items ? JSON.stringify(o.line_items) : null].map(csvField).join(',') + '\n';
      }
    };
    await copyLines(client, 'copy import_orders from stdin with (format csv)', lines(), (sent) => onStep?.('staging', sent / orders.length));
    onStep?.('customers', 0);
    const customers = await run<{ n: number }>(sql`
      with keys as (
        select distinct on (customer_key) customer_key, customer_id, external_customer, email
        from import_orders order by customer_key, placed_at
      ), fresh as (
        insert into customers (id, program_id, external_id, email, in_holdout, created_at, updated_at)
        select k.customer_id, ${program.id}, k.external_customer, k.email,
          (select p.holdout_percent from programs p where p.id = ${program.id}) > random() * 100, ${at}, ${at} from keys k
        where (k.external_customer is not null and not exists (
                select 1 from customers c where c.program_id = ${program.id} and c.external_id = k.external_customer))
           or (k.external_customer is null and not exists (
                select 1 from customers c where c.program_id = ${program.id} and lower(c.email) = lower(k.email)))
        on conflict do nothing
        returning 1
      )
      select count(*)::int as n from fresh`);
    onStep?.('orders', 0);
    const inserted = await run<{ n: number }>(sql`
      with mapped as (
        select i.*, c.id as cid from import_orders i
        join customers c on c.program_id = ${program.id} and c.external_id = i.external_customer
        union all
        select i.*, c.id as cid from import_orders i
        join customers c on c.program_id = ${program.id} and lower(c.email) = lower(i.email)
        where i.external_customer is null
      ), added as (
        insert into orders (id, program_id, store_id, customer_id, external_id, currency, subtotal_minor, total_minor,
          shipping_minor, tax_minor, discount_minor, line_items, placed_at, metadata, created_at)
        select order_id, ${program.id}, ${program.storeId}, cid, external_id, currency, subtotal, total,
          shipping, tax, discount, coalesce(line_items, '[]'), placed_at, '{"imported":"true"}', ${at}
        from mapped
        on conflict (store_id, external_id) do nothing
        returning customer_id, total_minor, placed_at
      ), stats as (
        update customers c set
          orders_count = c.orders_count + s.n,
          total_spent_minor = c.total_spent_minor + s.spent,
          first_order_at = least(c.first_order_at, s.first),
          last_order_at = greatest(c.last_order_at, s.last)
        from (select customer_id, count(*) as n, sum(total_minor) as spent, min(placed_at) as first, max(placed_at) as last
              from added group by customer_id) s
        where c.id = s.customer_id
        returning 1
      )
      select (select count(*) from added)::int as n`);
    await client.query('commit');
    // A bulk load leaves the planner's statistics far behind and the new rows not yet marked
    // visible to all, which reports' index-only scans need: settle both before anyone reports.
    onStep?.('statistics', 0);
    await client.query('vacuum (analyze) orders');
    await client.query('analyze customers');
    return { orders: inserted[0]!.n, customers: customers[0]!.n };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
