import { sql, type RawBuilder } from 'kysely';
import { segmentCondition } from '../analytics/customer-segment.ts';
import { DEFAULT_STAGES, stageCase, type LifecycleStage, type RfmSegment } from '../analytics/segments.ts';
import type { Db } from '../platform/db/database.ts';

/** Numbers of a customer over a period: at least and/or at most, within the last days (or ever). */
interface Range {
  at_least?: number;
  at_most?: number;
  within_days?: number;
}

/** One thing a segment asks of a customer. */
export type SegmentCondition =
  | { type: 'tier'; tier_ids: string[] }
  | { type: 'rfm_segment'; in: RfmSegment[] }
  | { type: 'lifecycle_stage'; in: LifecycleStage[] }
  | { type: 'tags'; any_of: string[] }
  | ({ type: 'orders' } & Range)
  | ({ type: 'spend' } & Range)
  | { type: 'bought'; product_ids?: string[]; collections?: string[]; within_days?: number }
  | { type: 'points_balance'; at_least?: number; at_most?: number }
  | { type: 'locale'; in: string[] }
  | { type: 'holdout'; in_holdout: boolean };

export interface SegmentDefinition {
  match: 'all' | 'any';
  conditions: SegmentCondition[];
}

const DAY_MS = 86_400_000;
const since = (days: number | undefined, now: Date) => (days === undefined ? null : new Date(now.getTime() - days * DAY_MS));

function range(value: RawBuilder<number>, r: { at_least?: number; at_most?: number }): RawBuilder<boolean> {
  const parts = [...(r.at_least !== undefined ? [sql`${value} >= ${r.at_least}`] : []), ...(r.at_most !== undefined ? [sql`${value} <= ${r.at_most}`] : [])];
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/**
 * A range over each customer's orders of a period, as set membership (one pass over the period's
 * orders, hashed) rather than a subquery per customer: in those above the floor, and not in those
 * above the ceiling (so customers with no orders then count as 0).
 */
function periodRange(programId: string, from: Date, value: RawBuilder<number>, r: { at_least?: number; at_most?: number }): RawBuilder<boolean> {
  const having = (condition: RawBuilder<boolean>) =>
    sql`(select o.customer_id from orders o where o.program_id = ${programId} and o.status <> 'cancelled' and o.placed_at >= ${from} group by o.customer_id having ${condition})`;
  const parts = [...(r.at_least ? [sql`id in ${having(sql<boolean>`${value} >= ${r.at_least}`)}`] : []), ...(r.at_most !== undefined ? [sql`id not in ${having(sql<boolean>`${value} > ${r.at_most}`)}`] : [])];
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/**
 * One condition as SQL on the customers table. Lifetime orders and spend read the customer's own
 * counters; a period reads the period's orders once. RFM segments use the same cut-offs as the customer read.
 */
async function conditionSql(db: Db, programId: string, c: SegmentCondition, now: Date): Promise<RawBuilder<boolean>> {
  switch (c.type) {
    case 'tier': {
      const ids = c.tier_ids.filter((id) => id !== 'none');
      const none = c.tier_ids.includes('none') ? [sql`tier_id is null`] : [];
      return sql<boolean>`(${sql.join([...(ids.length ? [sql`tier_id = any(${ids}::text[])`] : []), ...none], sql` or `)})`;
    }
    case 'rfm_segment':
      return segmentCondition(db, programId, c.in);
    case 'lifecycle_stage':
      return sql<boolean>`(orders_count > 0 and ${stageCase(DEFAULT_STAGES, now, { orders: 'orders_count', first: 'first_order_at', last: 'last_order_at' })} = any(${c.in}::text[]))`;
    case 'tags':
      return sql<boolean>`(tags && ${c.any_of}::text[])`;
    case 'orders':
      return c.within_days === undefined ? range(sql<number>`orders_count`, c) : periodRange(programId, since(c.within_days, now)!, sql<number>`count(*)`, c);
    case 'spend':
      return c.within_days === undefined ? range(sql<number>`total_spent_minor`, c) : periodRange(programId, since(c.within_days, now)!, sql<number>`sum(o.total_minor - o.refunded_minor)`, c);
    case 'bought': {
      const from = since(c.within_days, now);
      const line = [...(c.product_ids?.length ? [sql`li->>'product_id' = any(${c.product_ids}::text[])`] : []), ...(c.collections?.length ? [sql`coalesce(li->'collections', '[]'::jsonb) ?| ${c.collections}::text[]`] : [])];
      return sql<boolean>`id in (select o.customer_id from orders o cross join lateral jsonb_array_elements(o.line_items) li
        where o.program_id = ${programId} and o.status <> 'cancelled'${from ? sql` and o.placed_at >= ${from}` : sql``} and (${sql.join(line, sql` or `)}))`;
    }
    case 'points_balance':
      return range(sql<number>`points_available`, c);
    case 'locale':
      return sql<boolean>`(locale = any(${c.in}::text[]))`;
    case 'holdout':
      return sql<boolean>`(in_holdout = ${c.in_holdout})`;
  }
}

/** The segment as one SQL condition on the customers table, for now. */
export async function segmentSql(db: Db, programId: string, definition: SegmentDefinition, now: Date): Promise<RawBuilder<boolean>> {
  if (definition.conditions.length === 0) return sql<boolean>`true`;
  const parts = await Promise.all(definition.conditions.map((c) => conditionSql(db, programId, c, now)));
  return sql<boolean>`(${sql.join(parts, definition.match === 'all' ? sql` and ` : sql` or `)})`;
}
