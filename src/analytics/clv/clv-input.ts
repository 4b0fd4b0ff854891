import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { reportQuery } from '../report-query.ts';
import type { CustomerSummary } from './summary.ts';

/**
 * The model input of every customer straight from the orders (the same rules as `summarise`:
 * same-day orders merged, repeat days counted, m_x the mean of repeat days), in weeks or days.
 * One pass in the order of the orders index (customer, then time), nothing sorted or hashed: each
 * order knows the day of the customer's previous order and of their first, so a new day is an
 * order whose day differs from the previous one's, and repeat value is what was not spent on the
 * first day. (Grouping by customer and day first, then ranking the days, took a third longer.)
 */
export async function clvInput(db: Db, programId: string, calibrationEnd: Date, unit: 'week' | 'day'): Promise<CustomerSummary[]> {
  const per = unit === 'week' ? 7 : 1;
  const rows = await reportQuery(db, sql<{ customer_id: string; x: number; t_x: number; T: number; m_x: number }>`
    with o as (
      -- The day is worked out once per order, in the subquery, not once per window function.
      select customer_id, d, v, lag(d) over w as previous_d, first_value(d) over w as first_d
      from (
        select customer_id, placed_at, (placed_at at time zone 'UTC')::date as d, total_minor - refunded_minor as v
        from orders where program_id = ${programId} and status <> 'cancelled' and placed_at < ${calibrationEnd}
      ) c
      window w as (partition by customer_id order by placed_at)
    ), per as (
      select customer_id, (count(*) filter (where previous_d is distinct from d) - 1)::int as x, min(d) as first_d, max(d) as last_d,
        coalesce(sum(v) filter (where d <> first_d), 0)::float8 as repeat_value
      from o group by customer_id
    )
    select customer_id, x, ((last_d - first_d)::float8 / ${per}) as t_x,
      (((${calibrationEnd}::timestamptz at time zone 'UTC')::date - first_d)::float8 / ${per}) as "T",
      case when x > 0 then repeat_value / x else 0 end as m_x
    from per`, { groupInOrder: true });
  return rows.map((r) => ({ customerId: r.customer_id, x: r.x, t_x: r.t_x, T: r.T, m_x: r.m_x }));
}
