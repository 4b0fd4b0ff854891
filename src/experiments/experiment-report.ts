import { sql } from 'kysely';
import { meanDifference, meanInterval, proportionDifference, proportionInterval, type GroupFacts } from '../analytics/lift.ts';
import type { Db } from '../platform/db/database.ts';
import type { ExperimentRow } from './experiment-store.ts';

const DAY_MS = 86_400_000;

interface VariantFacts extends GroupFacts {
  redeemers: number;
}

/** When the experiment's window closes: its days after the start, or when it was stopped, and never after now. */
export function windowEnd(e: Pick<ExperimentRow, 'started_at' | 'days' | 'stopped_at'>, now: Date): Date {
  const ends = [new Date(e.started_at).getTime() + e.days * DAY_MS, now.getTime(), ...(e.stopped_at ? [new Date(e.stopped_at).getTime()] : [])];
  return new Date(Math.min(...ends));
}

/** Each variant's members and what they did within the window: ordered (and for how much), redeemed (the variant's reward, or any). */
async function variantFacts(db: Db, e: ExperimentRow, end: Date): Promise<VariantFacts[]> {
  const rewards = e.variants.map((v) => v.reward_id ?? '');
  const { rows } = await sql<{ variant: number; customers: number; repeat_customers: number; revenue: string; revenue_squares: string; redeemers: number }>`
    with m as (select customer_id, variant from experiment_members where experiment_id = ${e.id}),
    o as (
      select o.customer_id, sum(o.total_minor - o.refunded_minor)::float8 as revenue from orders o join m on m.customer_id = o.customer_id
      where o.program_id = ${e.program_id} and o.status <> 'cancelled' and o.placed_at >= ${e.started_at} and o.placed_at < ${end}
      group by o.customer_id)
    select m.variant, count(*)::int as customers, count(o.customer_id)::int as repeat_customers,
      coalesce(sum(o.revenue), 0) as revenue, coalesce(sum(o.revenue * o.revenue), 0) as revenue_squares,
      count(*) filter (where exists (
        select 1 from redemptions r where r.customer_id = m.customer_id and r.program_id = ${e.program_id} and r.created_at >= ${e.started_at} and r.created_at < ${end}
          and (${rewards}::text[])[m.variant + 1] in ('', r.reward_id)))::int as redeemers
    from m left join o on o.customer_id = m.customer_id
    group by m.variant`.execute(db);
  return e.variants.map((_, i) => {
    const r = rows.find((x) => x.variant === i);
    return { customers: r?.customers ?? 0, repeat_customers: r?.repeat_customers ?? 0, revenue: Number(r?.revenue ?? 0), revenue_squares: Number(r?.revenue_squares ?? 0), redeemers: r?.redeemers ?? 0 };
  });
}

/**
 * Each variant's goal metric with its 95% interval, and its lift against the first variant with
 * the interval of the difference: the same statistics as the holdout's lift (two proportions for
 * a rate; Welch for revenue per customer).
 */
export async function experimentReport(db: Db, e: ExperimentRow, now: Date) {
  const end = windowEnd(e, now);
  const facts = await variantFacts(db, e, end);
  const successes = (f: VariantFacts) => (e.metric === 'redemption_rate' ? f.redeemers : f.repeat_customers);
  const value = (f: VariantFacts) => (e.metric === 'revenue_per_customer' ? meanInterval(f) : proportionInterval(successes(f), f.customers));
  const liftOf = (f: VariantFacts) => (e.metric === 'revenue_per_customer' ? meanDifference(f, facts[0]!) : proportionDifference({ successes: successes(f), n: f.customers }, { successes: successes(facts[0]!), n: facts[0]!.customers }));
  return {
    window: { from: new Date(e.started_at).toISOString(), to: end.toISOString(), complete: end.getTime() >= new Date(e.started_at).getTime() + e.days * DAY_MS },
    variants: e.variants.map((v, i) => ({ ...v, members: facts[i]!.customers, ...value(facts[i]!), lift: i === 0 ? null : liftOf(facts[i]!) })),
  };
}
