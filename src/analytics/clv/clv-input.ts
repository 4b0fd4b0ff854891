import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { reportQuery } from '../report-query.ts';
import type { CustomerSummary } from './summary.ts';

/**
 * The model input of every customer straight from the orders (the same rules as `summarise`:
 * same-day orders merged, repeat days counted, m_x the mean of repeat days), in weeks or days.
 * Customer by customer, day by day, in the order of the orders index: nothing is hashed or fully sorted.
 */
export async function clvInput(db: Db, programId: string, calibrationEnd: Date, unit: 'week' | 'day'): Promise<CustomerSummary[]> {
  const per = unit === 'week' ? 7 : 1;
  const rows = await reportQuery(db, sql<{ customer_id: string; x: number; t_x: number; T: number; m_x: number }>`
    with days as (
      select customer_id, (placed_at at time zone 'UTC')::date as d, sum(total_minor - refunded_minor) as v
      from orders where program_id = ${programId} and status <> 'cancelled' and placed_at < ${calibrationEnd}
      group by 1, 2
    ), ranked as (select *, first_value(v) over (partition by customer_id order by d) as first_v from days)
    select customer_id, (count(*) - 1)::int as x,
      ((max(d) - min(d))::float8 / ${per}) as t_x,
      (((${calibrationEnd}::timestamptz at time zone 'UTC')::date - min(d))::float8 / ${per}) as "T",
      case when count(*) > 1 then ((sum(v) - min(first_v))::float8 / (count(*) - 1)) else 0 end as m_x
    from ranked group by customer_id`, { groupInOrder: true });
  return rows.map((r) => ({ customerId: r.customer_id, x: r.x, t_x: r.t_x, T: r.T, m_x: r.m_x }));
}
