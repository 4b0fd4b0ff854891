import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import type { LineItem } from '../platform/db/schema.ts';
import type { PastOrder } from './backtest.ts';
import { reportQuery } from './report-query.ts';
import { stageCase, type StageThresholds } from './segments.ts';

/** Orders of the program that count (not cancelled), net of refunds, in [from, to). */
const counted = (programId: string, from: Date, to: Date) => sql`
  select customer_id, placed_at, (total_minor - refunded_minor) as revenue
  from orders where program_id = ${programId} and status <> 'cancelled' and placed_at >= ${from} and placed_at < ${to}`;

const monthOf = (column: RawBuilder<unknown>) => sql`date_trunc('month', ${column} at time zone 'UTC')`;
const monthStart = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

export interface Totals {
  customers: number;
  orders: number;
  revenue: number;
  repeat_customers: number;
}

export interface TotalsRow extends Totals {
  overall: boolean;
  by_tier: boolean;
  tier_id: string | null;
  in_holdout: boolean | null;
  historic_clv: number;
}

/**
 * Customers who bought in the range, their orders, revenue and repeat buyers: overall, per tier
 * and members vs holdout, from per-customer rows (customer_id, orders_in_range, revenue_in_range).
 */
const totalsOf = (per: RawBuilder<unknown>) => sql`
  select grouping(c.tier_id) = 1 and grouping(c.in_holdout) = 1 as overall, grouping(c.tier_id) = 0 as by_tier, c.tier_id, c.in_holdout,
    count(*)::int as customers, coalesce(sum(p.orders_in_range), 0)::bigint as orders, coalesce(sum(p.revenue_in_range), 0)::bigint as revenue,
    (count(*) filter (where p.orders_in_range >= 2))::int as repeat_customers, coalesce(avg(c.total_spent_minor), 0)::float8 as historic_clv
  from ${per} p join customers c on c.id = p.customer_id
  where p.orders_in_range > 0
  group by grouping sets ((), (c.tier_id), (c.in_holdout))`;

/** The range's totals alone (see customerStanding for the report's, which come with the standings). */
export async function totals(db: Db, programId: string, from: Date, to: Date): Promise<TotalsRow[]> {
  const rows = await reportQuery(db, sql<TotalsRow>`
    with per as (select customer_id, count(*) as orders_in_range, sum(revenue) as revenue_in_range from (${counted(programId, from, to)}) o group by customer_id)
    ${totalsOf(sql`per`)}`);
  return rows.map((r) => ({ ...r, orders: Number(r.orders), revenue: Number(r.revenue) }));
}

/**
 * Month by month: of the customers who bought in a month, how many bought again the next month;
 * and the median number of days between a customer's consecutive orders in the range. Each order
 * is compared with the customer's previous one in the range (in index order, no sort): the first
 * order of a customer in a month makes them active that month, and returned if the previous
 * one was the month before.
 */
export async function ordersInSequence(db: Db, programId: string, from: Date, to: Date) {
  const rows = await reportQuery(db, sql<{ month: string; active: number; retained: number; median_gap: number | null }>`
    with o as materialized (
      select ${monthOf(sql`placed_at`)} as month, ${monthOf(sql`previous`)} as previous_month, date_part('epoch', placed_at - previous) / 86400 as gap
      from (select placed_at, lag(placed_at) over (partition by customer_id order by placed_at) as previous from (${counted(programId, from, to)}) c) w
    ), months as (
      select month, (count(*) filter (where previous_month is distinct from month))::int as active,
        (count(*) filter (where previous_month = month - interval '1 month'))::int as returned
      from o group by month
    ), gap as (
      select percentile_cont(0.5) within group (order by gap) as median from o where gap is not null
    )
    select to_char(month, 'YYYY-MM') as month, active,
      case when lead(month) over w = month + interval '1 month' then lead(returned) over w else 0 end as retained,
      (select median from gap) as median_gap
    from months window w as (order by month) order by month`);
  return { months: rows.map(({ month, active, retained }) => ({ month, active, retained })), medianGapDays: rows[0]?.median_gap ?? null };
}

/**
 * Customers by month of first order × months since: how many bought, and their revenue. One pass
 * over the orders in customer order: each order knows the customer's first order and their
 * previous one, so a customer is counted once in a month, at their first order of it.
 */
export async function cohorts(db: Db, programId: string, from: Date, to: Date) {
  const rows = await reportQuery(db, sql<{ cohort: string; size: number; offset: number; customers: number; revenue: number }>`
    with o as (
      select placed_at, revenue, first_value(placed_at) over w as first, lag(placed_at) over w as previous
      from (${counted(programId, new Date(0), to)}) c
      window w as (partition by customer_id order by placed_at)
    ), chosen as (
      select ${monthOf(sql`first`)} as cohort, ${monthOf(sql`placed_at`)} as month, ${monthOf(sql`previous`)} as previous, revenue
      from o where first >= ${monthStart(from)}
    ), months as (
      select cohort, month, (count(*) filter (where previous is distinct from month))::int as customers, sum(revenue)::bigint as revenue
      from chosen group by cohort, month
    )
    select to_char(cohort, 'YYYY-MM') as cohort, (sum(customers) filter (where month = cohort) over (partition by cohort))::int as size,
      ((date_part('year', month) - date_part('year', cohort)) * 12 + date_part('month', month) - date_part('month', cohort))::int as offset,
      customers, revenue
    from months order by cohort, month`);
  return rows.map((r) => ({ ...r, revenue: Number(r.revenue) }));
}

/** Customers whose first order falls in [from, to). */
export async function newCustomers(db: Db, programId: string, from: Date, to: Date): Promise<number> {
  const rows = await reportQuery(db, sql<{ n: number }>`
    select count(*)::int as n from (
      select customer_id from orders where program_id = ${programId} and status <> 'cancelled'
      group by customer_id having min(placed_at) >= ${from} and min(placed_at) < ${to}) f`);
  return rows[0]!.n;
}

/** Members and holdout customers who first ordered in [from, to): repeat buyers and revenue up to `to`. */
export async function holdoutGroups(db: Db, programId: string, from: Date, to: Date) {
  const rows = await reportQuery(db, sql<{ in_holdout: boolean; customers: number; repeat_customers: number; revenue: number; revenue_squares: number }>`
    with per as (
      select o.customer_id, count(*) as n, sum(o.total_minor - o.refunded_minor)::float8 as revenue
      from orders o where o.program_id = ${programId} and o.status <> 'cancelled' and o.placed_at < ${to}
      group by o.customer_id having min(o.placed_at) >= ${from}
    )
    select c.in_holdout, count(*)::int as customers, (count(*) filter (where per.n >= 2))::int as repeat_customers,
      coalesce(sum(per.revenue), 0)::float8 as revenue, coalesce(sum(per.revenue * per.revenue), 0)::float8 as revenue_squares
    from per join customers c on c.id = per.customer_id group by c.in_holdout`);
  const empty = { customers: 0, repeat_customers: 0, revenue: 0, revenue_squares: 0 };
  return { members: rows.find((r) => !r.in_holdout) ?? empty, holdout: rows.find((r) => r.in_holdout) ?? empty };
}

/**
 * The program's orders in [from, to), not cancelled, as the earning rules see them, oldest first,
 * handed over a page at a time through a cursor (for backtests): a big store's history never sits
 * in memory at once, and the event loop gets a turn between pages. `total` comes first.
 */
export async function eachPastOrderPage(db: Db, programId: string, range: { from: Date; to: Date }, onPage: (orders: PastOrder[], progress: { done: number; total: number }) => void, pageSize = 5000): Promise<void> {
  const where = sql`program_id = ${programId} and status <> 'cancelled' and placed_at >= ${range.from} and placed_at < ${range.to}`;
  await db.transaction().execute(async (tx) => {
    const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from orders where ${where}`.execute(tx);
    const total = counted[0]!.n;
    await sql`declare past_orders no scroll cursor for
      select customer_id, currency, subtotal_minor, total_minor, discount_minor, line_items, placed_at from orders where ${where} order by placed_at, id`.execute(tx);
    for (let done = 0; ; ) {
      const { rows } = await sql<PastOrderRow>`fetch forward ${sql.lit(pageSize)} from past_orders`.execute(tx);
      if (rows.length === 0) break;
      done += rows.length;
      onPage(rows.map(toPastOrder), { done, total });
    }
  });
}

interface PastOrderRow {
  customer_id: string;
  currency: string;
  subtotal_minor: number;
  total_minor: number;
  discount_minor: number;
  line_items: LineItem[];
  placed_at: Date;
}

const toPastOrder = (r: PastOrderRow): PastOrder => ({
  customer_id: r.customer_id,
  currency: r.currency,
  subtotal: Number(r.subtotal_minor),
  total: Number(r.total_minor),
  discount: Number(r.discount_minor),
  line_items: r.line_items,
  placed_at: new Date(r.placed_at),
});

export interface StandingMove {
  /** Lifecycle stage at `from` and at `to`; set on stage rows, null on RFM rows. */
  stage_before: string | null;
  stage_after: string | null;
  /** RFM quintile scores at `from` (null: no orders yet) and at `to`; set on RFM rows. */
  r1: number | null;
  f1: number | null;
  m1: number | null;
  r2: number | null;
  f2: number | null;
  m2: number | null;
  by_stage: boolean;
  n: number;
}

/**
 * Where customers stood at `from` and at `to`: lifecycle stage and RFM scores, counted by
 * movement; and the customers who bought in the range with their orders and revenue, overall,
 * per tier and members vs holdout.
 * The scores are those of the customer object (see customer-segment.ts): 1 plus the number of the
 * quintile cut-offs, among the customers who had ordered by then, that the value exceeds, so equal
 * values always score alike. One pass over the orders, customer by customer, serves it all.
 */
export async function customerStanding(db: Db, programId: string, from: Date, to: Date, t: StageThresholds): Promise<{ totals: TotalsRow[]; moves: StandingMove[] }> {
  const quintiles = (col: string, before = false) =>
    sql`percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by ${sql.ref(col)})${before ? sql` filter (where orders_before > 0)` : sql``}`;
  // 1 + the number of cut-offs below the value: width_bucket counts those at or below, so it is
  // given the value less one step (a microsecond for dates, 1 for counts and minor units).
  const score = (col: string, cuts: string) => {
    const step = col.startsWith('last') ? sql`interval '1 microsecond'` : sql`1`;
    return sql`(1 + width_bucket(${sql.ref(col)} - ${step}, ${sql.ref(cuts)}))`;
  };
  const ifBefore = (value: RawBuilder<unknown>) => sql`case when orders_before > 0 then ${value} end`;
  const rows = await reportQuery(db, sql<{ totals: TotalsRow[]; moves: StandingMove[] }>`
    with per as materialized (
      select customer_id, count(*) as orders, min(placed_at) as first, max(placed_at) as last, sum(total_minor - refunded_minor) as monetary,
        count(*) filter (where placed_at >= ${from} and placed_at < ${to}) as orders_in_range,
        sum(total_minor - refunded_minor) filter (where placed_at >= ${from} and placed_at < ${to}) as revenue_in_range,
        count(*) filter (where placed_at <= ${from}) as orders_before,
        max(placed_at) filter (where placed_at <= ${from}) as last_before,
        sum(total_minor - refunded_minor) filter (where placed_at <= ${from}) as monetary_before
      from orders where program_id = ${programId} and status <> 'cancelled' and placed_at <= ${to} group by customer_id
    ), cuts as (
      select ${quintiles('last')} as r_cuts, ${quintiles('orders')} as f_cuts, ${quintiles('monetary')} as m_cuts,
        ${quintiles('last_before', true)} as rb_cuts, ${quintiles('orders_before', true)} as fb_cuts, ${quintiles('monetary_before', true)} as mb_cuts
      from per
    ), scored as (
      select ${stageCase(t, to)} as stage_after,
        ${ifBefore(stageCase(t, from, { orders: 'orders_before', first: 'first', last: 'last_before' }))} as stage_before,
        ${score('last', 'r_cuts')} as r2, ${score('orders', 'f_cuts')} as f2, ${score('monetary', 'm_cuts')} as m2,
        ${ifBefore(score('last_before', 'rb_cuts'))} as r1, ${ifBefore(score('orders_before', 'fb_cuts'))} as f1, ${ifBefore(score('monetary_before', 'mb_cuts'))} as m1
      from per cross join cuts
    ), moves as (
      select stage_before, stage_after, r1, f1, m1, r2, f2, m2, grouping(stage_before) = 0 as by_stage, count(*)::int as n
      from scored group by grouping sets ((stage_before, stage_after), (r1, f1, m1, r2, f2, m2))
    ), totals as (${totalsOf(sql`per`)})
    select coalesce((select jsonb_agg(totals) from totals), '[]') as totals, coalesce((select jsonb_agg(moves) from moves), '[]') as moves`);
  return rows[0]!;
}
