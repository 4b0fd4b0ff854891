import { sql, type RawBuilder } from 'kysely';
import type pg from 'pg';
import { copyLines } from '../../platform/db/copy-lines.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { ImportedOrder } from './order-rows.ts';

/** A COPY CSV field: empty is NULL; quoted only when it must be (quoting and escaping every field took a second per million rows). */
const csvField = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : v !== '' && !/[",\r\n]/.test(v) ? v : `"${v.replaceAll('"', '""')}"`);

/** The steps of a history import, for progress: staging reports the share of rows sent. */
export type ImportStep = 'staging' | 'customers' | 'orders' | 'statistics';

type Run = <R>(query: RawBuilder<R>) => Promise<R[]>;
interface Program {
  id: string;
  storeId: string;
}

/**
 * Loads order history as it was, awarding nothing: the rows go into a staging table by COPY,
 * then set-based SQL creates the customers it does not know (by external id, else email), adds
 * the orders it does not have (by store and order id: re-importing changes nothing) and moves the
 * customers' order statistics. One transaction: all of the file's valid rows, or none.
 */
export async function importHistory(db: Db, client: pg.ClientBase, program: Program, orders: ImportedOrder[], at: Date, onStep?: (step: ImportStep, done: number) => void): Promise<{ orders: number; customers: number }> {
  // COPY needs the connection itself; the SQL around it is written with Kysely's sql tag and compiled.
  const run: Run = async (query) => {
    const compiled = query.compile(db);
    return (await client.query(compiled.sql, compiled.parameters as unknown[])).rows;
  };
  // The staging tables live in the session's temporary buffers: 8 MB by default, so a big file
  // would go to disk and back three times. Settable only before the session's first temp table.
  await client.query(`set temp_buffers = '512MB'`).catch(() => {});
  await client.query('begin');
  try {
    await stageRows(client, orders, (share) => onStep?.('staging', share));
    onStep?.('customers', 0);
    const customers = await addCustomers(run, program, at);
    onStep?.('orders', 0);
    const added = await addOrders(run, program, at);
    await client.query('commit');
    // A bulk load leaves the planner's statistics far behind and the new rows not yet marked
    // visible to all, which reports' index-only scans need: settle both before anyone reports.
    onStep?.('statistics', 0);
    await client.query('vacuum (analyze) orders');
    await client.query('analyze customers');
    return { orders: added, customers };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** The file's rows into `import_orders`, each with the key of its shopper: external id, else email. */
async function stageRows(client: pg.ClientBase, orders: ImportedOrder[], onShare: (share: number) => void) {
  await client.query(`create temp table import_orders (
    order_id text, customer_id text, external_id text, customer_key text, external_customer text, email text,
    placed_at timestamptz, currency char(3), subtotal bigint, total bigint, shipping bigint, tax bigint, discount bigint, line_items jsonb
  ) on commit drop`);
  // A new customer's id is drawn once per shopper key, not per row: only a key's first row's is used.
  const customerIds = new Map<string, string>();
  const lines = function* () {
    for (const o of orders) {
      const key = o.customer_external_id ?? `email:${o.email!.toLowerCase()}`;
      let customerId = customerIds.get(key);
      if (!customerId) customerIds.set(key, (customerId = newId('cus')));
      yield [newId('ord'), customerId, o.external_id, key, o.customer_external_id, o.email, o.placed_at, o.currency, o.subtotal, o.total, o.shipping, o.tax, o.discount, o.line_items ? JSON.stringify(o.line_items) : null].map(csvField).join(',') + '\n';
    }
  };
  await copyLines(client, 'copy import_orders from stdin with (format csv)', lines(), (sent) => onShare(sent / orders.length));
}

/**
 * One row per shopper key (`import_keys`: the first row's ids and email, and the statistics of
 * all the key's rows); the customers the program does not have yet are created already holding
 * those statistics (`import_customers`), which saves rewriting each after its orders go in.
 * Then every key learns its customer: by external id, else by email (an email already taken,
 * by a customer there before or one created for another key, joins that customer).
 */
async function addCustomers(run: Run, program: Program, at: Date): Promise<number> {
  await run(sql`
    create temp table import_keys on commit drop as
    select distinct on (customer_key) customer_key, customer_id as new_id, null::text as customer_id, external_customer, email,
      count(*) over k as n, sum(total) over k as spent, min(placed_at) over k as first, max(placed_at) over k as last
    from import_orders
    window k as (partition by customer_key order by placed_at rows between unbounded preceding and unbounded following)
    order by customer_key, placed_at`);
  await run(sql`create temp table import_customers (id text, orders_count bigint, total_spent_minor bigint, first_order_at timestamptz, last_order_at timestamptz) on commit drop`);
  const created = await run<{ n: number }>(sql`
    with fresh as (
      insert into customers (id, program_id, external_id, email, in_holdout, orders_count, total_spent_minor, first_order_at, last_order_at, imported_at, created_at, updated_at)
      select k.new_id, ${program.id}, k.external_customer, k.email,
        (select p.holdout_percent from programs p where p.id = ${program.id}) > random() * 100, k.n, k.spent, k.first, k.last, ${at}, ${at}, ${at}
      from import_keys k
      where (k.external_customer is not null and not exists (
              select 1 from customers c where c.program_id = ${program.id} and c.external_id = k.external_customer))
         or (k.external_customer is null and not exists (
              select 1 from customers c where c.program_id = ${program.id} and lower(c.email) = lower(k.email)))
      on conflict do nothing
      returning id, orders_count, total_spent_minor, first_order_at, last_order_at
    ), kept as (
      insert into import_customers select * from fresh returning 1
    )
    select count(*)::int as n from kept`);
  await run(sql`update import_keys k set customer_id = c.id from customers c where c.program_id = ${program.id} and c.external_id = k.external_customer`);
  await run(sql`update import_keys k set customer_id = c.id from customers c where k.customer_id is null and c.program_id = ${program.id} and lower(c.email) = lower(k.email)`);
  return created[0]!.n;
}

/**
 * Adds the orders the store does not have yet and moves the statistics: customers there before
 * by what was added; customers created above only where what was added is not what they were
 * given (a row already there, an order twice in the file, another key's rows joined by email).
 */
async function addOrders(run: Run, program: Program, at: Date): Promise<number> {
  const rows = await run<{ n: number }>(sql`
    with added as (
      insert into orders (id, program_id, store_id, customer_id, external_id, currency, subtotal_minor, total_minor,
        shipping_minor, tax_minor, discount_minor, line_items, placed_at, metadata, created_at)
      select i.order_id, ${program.id}, ${program.storeId}, k.customer_id, i.external_id, i.currency, i.subtotal, i.total,
        i.shipping, i.tax, i.discount, coalesce(i.line_items, '[]'), i.placed_at, '{"imported":"true"}', ${at}
      from import_orders i join import_keys k using (customer_key)
      on conflict (store_id, external_id) do nothing
      returning customer_id, total_minor, placed_at
    ), per as (
      select customer_id, count(*) as n, sum(total_minor) as spent, min(placed_at) as first, max(placed_at) as last
      from added group by customer_id
    ), known as (
      update customers c set
        orders_count = c.orders_count + per.n,
        total_spent_minor = c.total_spent_minor + per.spent,
        first_order_at = least(c.first_order_at, per.first),
        last_order_at = greatest(c.last_order_at, per.last)
      from per
      where c.id = per.customer_id and not exists (select 1 from import_customers f where f.id = c.id)
      returning 1
    ), created as (
      update customers c set
        orders_count = coalesce(per.n, 0),
        total_spent_minor = coalesce(per.spent, 0),
        first_order_at = per.first,
        last_order_at = per.last
      from import_customers f left join per on per.customer_id = f.id
      where c.id = f.id
        and (f.orders_count, f.total_spent_minor, f.first_order_at, f.last_order_at)
          is distinct from (coalesce(per.n, 0), coalesce(per.spent, 0), per.first, per.last)
      returning 1
    )
    select (select count(*) from added)::int as n`);
  return rows[0]!.n;
}
