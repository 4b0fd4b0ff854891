import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { rfmSegment, stageCase, type StageThresholds } from './segments.ts';

/** Orders of the program that count (not cancelled), net of refunds, in [from, to). */
const counted = (programId: string, from: Date, to: Date) => sql`
  select customer_id, placed_at, (total_minor - refunded_minor) as revenue
  from orders where program_id = ${programId} and status <> 'cancelled' and placed_at >= ${from} and placed_at < ${to}`;

export interface Totals {
  customers: number;
  orders: number;
  revenue: number;
  repeat_customers: number;
}

/** Customers, orders, revenue and repeat customers in the range: overall and per tier, in one pass. */
export async function totals(db: Db, programId: string, from: Date, to: Date) {
  const { rows } = await sql<Totals & { tier_id: string | null; in_holdout: boolean | null; historic_clv: number; overall: boolean; by_tier: boolean }>`
    with o as (${counted(programId, from, to)}),
    per as (select customer_id, count(*) as n, sum(revenue) as revenue from o group by customer_id)
    select grouping(c.tier_id) = 1 and grouping(c.in_holdout) = 1 as overall, grouping(c.tier_id) = 0 as by_tier, c.tier_id, c.in_holdout, count(*)::int as customers, sum(per.n)::bigint as orders, coalesce(sum(per.revenue), 0)::bigint as revenue,
      (count(*) filter (where per.n >= 2))::int as repeat_customers, coalesce(avg(c.total_spent_minor), 0)::float8 as historic_clv
    from per join customers c on c.id = per.customer_id
    group by grouping sets ((), (c.tier_id), (c.in_holdout))`.execute(db);
  return rows.map((r) => ({ ...r, orders: Number(r.orders), revenue: Number(r.revenue) }));
}

/** Of the customers who bought in a month, how many bought again the next month. */
export async function monthlyRetention(db: Db, programId: string, from: Date, to: Date) {
  const { rows } = await sql<{ month: string; active: number; retained: number }>`
    with m as (select distinct customer_id, date_trunc('month', placed_at at time zone 'UTC') as month from (${counted(programId, from, to)}) o)
    select to_char(a.month, 'YYYY-MM') as month, count(*)::int as active, count(b.customer_id)::int as retained
    from m a left join m b on b.customer_id = a.customer_id and b.month = a.month + interval '1 month'
    group by a.month order by a.month`.execute(db);
  return rows;
}

/** The median number of days between a customer's consecutive orders, over the range. */
export async function medianDaysBetweenOrders(db: Db, programId: string, from: Date, to: Date): Promise<number | null> {
  const { rows } = await sql<{ median: number | null }>`
    select percentile_cont(0.5) within group (order by gap) as median from (
      select extract(epoch from placed_at - lag(placed_at) over (partition by customer_id order by placed_at)) / 86400 as gap
      from (${counted(programId, from, to)}) o) g
    where gap is not null`.execute(db);
  return rows[0]?.median ?? null;
}

/** Customers by month of first order × months since: how many bought, and their revenue. */
export async function cohorts(db: Db, programId: string, from: Date, to: Date) {
  const { rows } = await sql<{ cohort: string; size: number; offset: number; customers: number; revenue: number }>`
    with o as (select customer_id, placed_at, (total_minor - refunded_minor) as revenue from orders where program_id = ${programId} and status <> 'cancelled'),
    firsts as (select customer_id, date_trunc('month', min(placed_at) at time zone 'UTC') as cohort from o group by customer_id),
    chosen as (select * from firsts where cohort >= date_trunc('month', ${from}::timestamptz at time zone 'UTC') and cohort < ${to}::timestamptz at time zone 'UTC'),
    sizes as (select cohort, count(*)::int as size from chosen group by cohort)
    select to_char(ch.cohort, 'YYYY-MM') as cohort, s.size,
      ((extract(year from date_trunc('month', o.placed_at at time zone 'UTC')) - extract(year from ch.cohort)) * 12
        + extract(month from date_trunc('month', o.placed_at at time zone 'UTC')) - extract(month from ch.cohort))::int as offset,
      count(distinct o.customer_id)::int as customers, sum(o.revenue)::bigint as revenue
    from o join chosen ch using (customer_id) join sizes s on s.cohort = ch.cohort
    group by 1, 2, 3 order by 1, 3`.execute(db);
  return rows.map((r) => ({ ...r, revenue: Number(r.revenue) }));
}

/** RFM quintiles of every customer with orders up to `asOf`, counted per named segment. */
export async function rfmSegments(db: Db, programId: string, asOf: Date): Promise<Map<string, number>> {
  const { rows } = await sql<{ r: number; f: number; m: number; n: number }>`
    with per as (
      select customer_id, max(placed_at) as last, count(*) as orders, sum(total_minor - refunded_minor) as monetary
      from orders where program_id = ${programId} and status <> 'cancelled' and placed_at <= ${asOf} group by customer_id
    ), scored as (
      select ntile(5) over (order by last) as r, ntile(5) over (order by orders) as f, ntile(5) over (order by monetary) as m from per
    )
    select r, f, m, count(*)::int as n from scored group by r, f, m`.execute(db);
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const segment = rfmSegment(row.r, row.f, row.m);
    sizes.set(segment, (sizes.get(segment) ?? 0) + row.n);
  }
  return sizes;
}

/** Customers per lifecycle stage at `from` and at `to`, and how they moved between the two. */
/** Customers by stage at `from` (null: no orders yet) and at `to`, in one pass over the orders. */
export async function stageMovement(db: Db, programId: string, from: Date, to: Date, t: StageThresholds) {
  const { rows } = await sql<{ before: string | null; after: string; n: number }>`
    select case when orders_before > 0 then ${stageCase(t, from, { orders: 'orders_before', first: 'first', last: 'last_before' })} end as before,
      ${stageCase(t, to)} as after, count(*)::int as n
    from (
      select customer_id, count(*) as orders, min(placed_at) as first, max(placed_at) as last,
        count(*) filter (where placed_at <= ${from}) as orders_before, max(placed_at) filter (where placed_at <= ${from}) as last_before
      from orders where program_id = ${programId} and status <> 'cancelled' and placed_at <= ${to} group by customer_id) c
    group by 1, 2`.execute(db);
  return rows;
}

/** Customers whose first order falls in [from, to). */
export async function newCustomers(db: Db, programId: string, from: Date, to: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (
      select customer_id from orders where program_id = ${programId} and status <> 'cancelled'
      group by customer_id having min(placed_at) >= ${from} and min(placed_at) < ${to}) f`.execute(db);
  return rows[0]!.n;
}

/** Members and holdout customers who first ordered in [from, to): repeat buyers and revenue up to `to`. */
export async function holdoutGroups(db: Db, programId: string, from: Date, to: Date) {
  const { rows } = await sql<{ in_holdout: boolean; customers: number; repeat_customers: number; revenue: number; revenue_squares: number }>`
    with per as (
      select o.customer_id, count(*) as n, sum(o.total_minor - o.refunded_minor)::float8 as revenue
      from orders o where o.program_id = ${programId} and o.status <> 'cancelled' and o.placed_at < ${to}
      group by o.customer_id having min(o.placed_at) >= ${from}
    )
    select c.in_holdout, count(*)::int as customers, (count(*) filter (where per.n >= 2))::int as repeat_customers,
      coalesce(sum(per.revenue), 0)::float8 as revenue, coalesce(sum(per.revenue * per.revenue), 0)::float8 as revenue_squares
    from per join customers c on c.id = per.customer_id group by c.in_holdout`.execute(db);
  const empty = { customers: 0, repeat_customers: 0, revenue: 0, revenue_squares: 0 };
  return { members: rows.find((r) => !r.in_holdout) ?? empty, holdout: rows.find((r) => r.in_holdout) ?? empty };
}

/** The program's orders in [from, to), not cancelled, as the earning rules see them (for backtests). */
export async function pastOrders(db: Db, programId: string, from: Date, to: Date) {
  const rows = await db
    .selectFrom('orders')
    .select(['customer_id', 'currency', 'subtotal_minor', 'total_minor', 'discount_minor', 'line_items', 'placed_at'])
    .where('program_id', '=', programId)
    .where('status', '<>', 'cancelled')
    .where('placed_at', '>=', from)
    .where('placed_at', '<', to)
    .execute();
  return rows.map((r) => ({
    customer_id: r.customer_id,
    currency: r.currency,
    subtotal: r.subtotal_minor,
    total: r.total_minor,
    discount: r.discount_minor,
    line_items: r.line_items as unknown as import('../platform/db/schema.ts').LineItem[],
    placed_at: new Date(r.placed_at),
  }));
}

/** RFM scores of every customer at `from` and at `to`, counted per pair of score triples (at most 125 × 126 rows). */
export async function rfmMovement(db: Db, programId: string, from: Date, to: Date) {
  const scored = (asOf: Date) => sql`
    select customer_id, ntile(5) over (order by last) as r, ntile(5) over (order by orders) as f, ntile(5) over (order by monetary) as m from (
      select customer_id, max(placed_at) as last, count(*) as orders, sum(total_minor - refunded_minor) as monetary
      from orders where program_id = ${programId} and status <> 'cancelled' and placed_at <= ${asOf} group by customer_id) per`;
  const { rows } = await sql<{ r1: number | null; f1: number | null; m1: number | null; r2: number; f2: number; m2: number; n: number }>`
    select b.r as r1, b.f as f1, b.m as m1, a.r as r2, a.f as f2, a.m as m2, count(*)::int as n
    from (${scored(to)}) a left join (${scored(from)}) b using (customer_id)
    group by 1, 2, 3, 4, 5, 6`.execute(db);
  return rows;
}
