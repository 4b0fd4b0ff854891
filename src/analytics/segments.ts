import { sql, type RawBuilder } from 'kysely';

/** RFM segments and lifecycle stages: pure rules over a customer's recency, frequency and spend. */
export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potential_loyalist'
  | 'new'
  | 'promising'
  | 'needs_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cant_lose'
  | 'hibernating'
  | 'lost';

/**
 * The named segment of quintile scores (5 is best: most recent, most frequent, biggest spender),
 * on recency and the rounded mean of frequency and monetary scores, first match wins.
 */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  const fm = Math.round((f + m) / 2);
  if (r >= 4 && fm >= 4) return 'champions';
  if (r <= 2 && fm === 5) return 'cant_lose';
  if (r <= 2 && fm >= 3) return 'at_risk';
  if (r >= 3 && fm >= 3) return 'loyal';
  if (r === 5 && fm === 1) return 'new';
  if (r >= 4 && fm >= 2) return 'potential_loyalist';
  if (r === 4) return 'promising';
  if (r === 3 && fm >= 2) return 'needs_attention';
  if (r === 3) return 'about_to_sleep';
  if (r === 2) return 'hibernating';
  return 'lost';
}

export const RFM_SEGMENTS: RfmSegment[] = ['champions', 'loyal', 'potential_loyalist', 'new', 'promising', 'needs_attention', 'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating', 'lost'];

export type LifecycleStage = 'new' | 'one_time' | 'repeat' | 'loyal' | 'at_risk' | 'lapsed';
export const STAGES: LifecycleStage[] = ['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'];

export interface StageThresholds {
  /** A first order at most this many days ago is new. */
  new_days: number;
  /** This many orders or more is loyal (2 up to it: repeat). */
  loyal_orders: number;
  /** No order for longer than this: at risk. */
  at_risk_days: number;
  /** No order for longer than this: lapsed. */
  lapsed_days: number;
}

export const DEFAULT_STAGES: StageThresholds = { new_days: 30, loyal_orders: 4, at_risk_days: 90, lapsed_days: 180 };

/** Where a customer is in their lifecycle, from their orders count and days since their first and last order. */
export function lifecycleStage(c: { orders: number; days_since_first: number; days_since_last: number }, t: StageThresholds = DEFAULT_STAGES): LifecycleStage | null {
  if (c.orders === 0) return null;
  if (c.days_since_last > t.lapsed_days) return 'lapsed';
  if (c.days_since_last > t.at_risk_days) return 'at_risk';
  if (c.orders === 1) return c.days_since_first <= t.new_days ? 'new' : 'one_time';
  return c.orders >= t.loyal_orders ? 'loyal' : 'repeat';
}

/**
 * The same rule in SQL, for reports over all customers at once (columns `orders`, `first`, `last`).
 * "More than N days before asOf" is compared as a date, so the database does no arithmetic per row.
 */
export function stageCase(t: StageThresholds, asOf: Date, columns = { orders: 'orders', first: 'first', last: 'last' }): RawBuilder<string> {
  const daysBefore = (days: number) => new Date(asOf.getTime() - days * 86_400_000);
  const [orders, first, last] = [sql.ref(columns.orders), sql.ref(columns.first), sql.ref(columns.last)];
  return sql<string>`case
    when ${last} < ${daysBefore(t.lapsed_days)} then 'lapsed'
    when ${last} < ${daysBefore(t.at_risk_days)} then 'at_risk'
    when ${orders} = 1 and ${first} >= ${daysBefore(t.new_days)} then 'new'
    when ${orders} = 1 then 'one_time'
    when ${orders} >= ${t.loyal_orders} then 'loyal'
    else 'repeat' end`;
}
