import { sql } from 'kysely';
import type { Db } from '../platform/db/database.ts';
import { programCache } from '../platform/program-cache.ts';
import { reportQuery } from './report-query.ts';
import { rfmSegment, type RfmSegment } from './segments.ts';

/**
 * A customer's RFM segment for the customer read: quintile cut-offs of the program's customers
 * (last order, orders, spend) are computed once and kept ten minutes, so each read only compares.
 */
const cutoffs = programCache(600_000, async (db, programId) => {
  const rows = await reportQuery(db, sql<{ last: number[] | null; n: number[] | null; m: number[] | null }>`
    with per as (
      select max(placed_at) as last, count(*) as n, sum(total_minor - refunded_minor) as m
      from orders where program_id = ${programId} and status <> 'cancelled' group by customer_id
    )
    select percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by extract(epoch from last)) as last,
      percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by n) as n,
      percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by m) as m
    from per`);
  const r = rows[0];
  return { last: (r?.last ?? []).map(Number), n: (r?.n ?? []).map(Number), m: (r?.m ?? []).map(Number) };
});

const score = (value: number, cuts: number[]) => 1 + cuts.filter((c) => value > c).length;

export async function customerSegment(db: Db, programId: string, c: { last_order_at: Date | null; orders_count: number; total_spent_minor: number }): Promise<RfmSegment | null> {
  if (!c.last_order_at || c.orders_count === 0) return null;
  const cuts = await cutoffs.get(db, programId);
  if (cuts.last.length === 0) return null;
  return rfmSegment(score(new Date(c.last_order_at).getTime() / 1000, cuts.last), score(c.orders_count, cuts.n), score(c.total_spent_minor, cuts.m));
}
