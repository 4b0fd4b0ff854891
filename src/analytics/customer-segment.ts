import { sql, type RawBuilder } from 'kysely';
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

/**
 * An SQL condition on the customers table: in this RFM segment (or one of these) today. The score
 * combinations come from rfmSegment itself, so the list filter and the customer read never
 * disagree; each customer's scores are computed once and looked up as one number (r·100 + f·10 + m).
 */
export async function segmentCondition(db: Db, programId: string, segments: RfmSegment | RfmSegment[]): Promise<RawBuilder<boolean>> {
  const wanted = new Set(Array.isArray(segments) ? segments : [segments]);
  const cuts = await cutoffs.get(db, programId);
  if (cuts.last.length === 0) return sql<boolean>`false`;
  const scored = (column: RawBuilder<number>, values: number[]) => sql<number>`(1 + ${sql.join(values.map((v) => sql`(${column} > ${v}::float8)::int`), sql` + `)})`;
  const keys: number[] = [];
  for (let r = 1; r <= 5; r += 1) for (let f = 1; f <= 5; f += 1) for (let m = 1; m <= 5; m += 1) if (wanted.has(rfmSegment(r, f, m))) keys.push(r * 100 + f * 10 + m);
  const r = scored(sql`extract(epoch from last_order_at)`, cuts.last);
  const f = scored(sql`orders_count`, cuts.n);
  const m = scored(sql`total_spent_minor`, cuts.m);
  return sql<boolean>`(last_order_at is not null and orders_count > 0 and (${r} * 100 + ${f} * 10 + ${m}) = any(${keys}::int[]))`;
}
