import { sql, type RawBuilder } from 'kysely';
import { byPAlive, clvScores, inDeciles } from '../analytics/clv/clv-scores.ts';
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
  | { type: 'holdout'; in_holdout: boolean }
  | { type: 'predicted_clv'; deciles: number[] }
  | { type: 'p_alive'; at_least?: number; at_most?: number }
  | ProfileAnswerCondition;

/** The answer to a profile question (docs/profile-questions.md), named by its id or its key. */
export interface ProfileAnswerCondition {
  type: 'profile_answer';
  question_id?: string;
  key?: string;
  op: 'is' | 'is_not' | 'includes' | 'answered' | 'not_answered';
  values?: string[];
}

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
    case 'profile_answer':
      return profileAnswerSql(programId, c);
    case 'predicted_clv':
      return sql<boolean>`(id = any(${inDeciles(await clvScores.get(db, programId, now), c.deciles)}::text[]))`;
    case 'p_alive':
      return sql<boolean>`(id = any(${byPAlive(await clvScores.get(db, programId, now), c)}::text[]))`;
  }
}

/**
 * Customers by their answer to one question, as membership in that question's answers (one probe
 * of its index). Texts compare in any case, and `includes` finds a text containing a value; a
 * multiple choice `is` exactly the values chosen, and `is_not` chose none of them.
 */
function profileAnswerSql(programId: string, c: ProfileAnswerCondition): RawBuilder<boolean> {
  const which = c.question_id !== undefined ? sql`q.id = ${c.question_id}` : sql`q.key = ${c.key ?? ''}`;
  const values = c.values ?? [];
  const set = sql`${JSON.stringify(values)}::jsonb`;
  const lowered = sql`${values.map((v) => v.toLowerCase())}::text[]`;
  const patterns = sql`${values.map((v) => `%${v.replace(/[\\%_]/g, '\\$&')}%`)}::text[]`;
  const text = sql`(a.value #>> '{}')`;
  const oneOf = sql`(case when q.type = 'text' then lower(${text}) = any(${lowered}) else ${text} = any(${values}::text[]) end)`;
  const predicate = {
    answered: sql`true`,
    not_answered: sql`true`,
    is: sql`(case when jsonb_typeof(a.value) = 'array' then a.value @> ${set} and ${set} @> a.value else ${oneOf} end)`,
    is_not: sql`(case when jsonb_typeof(a.value) = 'array' then not (a.value ?| ${values}::text[]) else not ${oneOf} end)`,
    includes: sql`(case when q.type = 'text' then ${text} ilike any(${patterns}) else a.value ?| ${values}::text[] end)`,
  }[c.op];
  const answered = sql`(select a.customer_id from profile_answers a join profile_questions q on q.id = a.question_id where q.program_id = ${programId} and ${which} and ${predicate})`;
  return c.op === 'not_answered' ? sql<boolean>`id not in ${answered}` : sql<boolean>`id in ${answered}`;
}

/** The segment as one SQL condition on the customers table, for now. */
export async function segmentSql(db: Db, programId: string, definition: SegmentDefinition, now: Date): Promise<RawBuilder<boolean>> {
  if (definition.conditions.length === 0) return sql<boolean>`true`;
  const parts = await Promise.all(definition.conditions.map((c) => conditionSql(db, programId, c, now)));
  return sql<boolean>`(${sql.join(parts, definition.match === 'all' ? sql` and ` : sql` or `)})`;
}
