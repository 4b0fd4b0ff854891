import type { Db } from '../platform/db/database.ts';
import { cohorts, customerStanding, ordersInSequence, type Totals } from './report-store.ts';
import { RFM_SEGMENTS, rfmSegment, STAGES, type StageThresholds } from './segments.ts';

/**
 * The seed definitions: repeat customer rate = customers with 2+ orders ÷ customers; purchase
 * frequency = orders ÷ customers; average order value = revenue ÷ orders; customer value =
 * purchase frequency × average order value (= revenue ÷ customers). Revenue is order totals net
 * of refunds, cancelled orders excluded; money in minor units.
 */
export function ratios(t: Totals & { historic_clv?: number }) {
  const frequency = t.customers ? t.orders / t.customers : 0;
  const aov = t.orders ? t.revenue / t.orders : 0;
  return {
    customers: t.customers,
    orders: t.orders,
    revenue: t.revenue,
    repeat_customer_rate: t.customers ? t.repeat_customers / t.customers : 0,
    purchase_frequency: frequency,
    average_order_value: Math.round(aov),
    customer_value: Math.round(frequency * aov),
    historic_clv: Math.round(t.historic_clv ?? 0),
  };
}

export async function retentionReport(db: Db, programId: string, range: { from: Date; to: Date }, thresholds: StageThresholds) {
  const { from, to } = range;
  const [{ totals: all, moves: standing }, { months: retention, medianGapDays: median }, cohortRows] = await Promise.all([
    customerStanding(db, programId, from, to, thresholds),
    ordersInSequence(db, programId, from, to),
    cohorts(db, programId, from, to),
  ]);
  const movement = standing.filter((m) => m.by_stage).map((m) => ({ before: m.stage_before, after: m.stage_after!, n: m.n }));
  const segmentMoves = new Map<string, number>();
  const rfm = new Map<string, number>();
  for (const m of standing.filter((s) => !s.by_stage)) {
    const after = rfmSegment(m.r2!, m.f2!, m.m2!);
    const key = `${m.r1 === null ? 'none' : rfmSegment(m.r1, m.f1!, m.m1!)}>${after}`;
    segmentMoves.set(key, (segmentMoves.get(key) ?? 0) + m.n);
    rfm.set(after, (rfm.get(after) ?? 0) + m.n);
  }
  const overall = all.find((r) => r.overall) ?? { customers: 0, orders: 0, revenue: 0, repeat_customers: 0, historic_clv: 0 };
  const byTier = all.filter((r) => r.by_tier).map((r) => ({ tier_id: r.tier_id, ...ratios(r) }));
  const byMembership = all.filter((r) => !r.overall && !r.by_tier).map((r) => ({ group: r.in_holdout ? ('holdout' as const) : ('members' as const), ...ratios(r) }));
  const count = (key: 'before' | 'after', stage: string) => movement.filter((m) => m[key] === stage).reduce((s, m) => s + m.n, 0);
  return {
    object: 'retention_report' as const,
    from: from.toISOString(),
    to: to.toISOString(),
    totals: ratios(overall),
    by_tier: byTier,
    by_membership: byMembership,
    retention: retention.map((m, i) => {
      const next = retention[i + 1];
      const rate = m.active ? m.retained / m.active : 0;
      return { month: m.month, customers: m.active, returned_next_month: next ? m.retained : null, retention_rate: next ? rate : null, churn_rate: next ? 1 - rate : null };
    }),
    median_days_between_orders: median === null ? null : Math.round(median * 10) / 10,
    cohorts: [...new Set(cohortRows.map((c) => c.cohort))].map((cohort) => {
      const rows = cohortRows.filter((c) => c.cohort === cohort);
      const size = rows[0]!.size;
      return { cohort, customers: size, months: rows.map((r) => ({ offset: r.offset, customers: r.customers, share_returning: r.customers / size, revenue_per_customer: Math.round(r.revenue / size) })) };
    }),
    rfm_segments: Object.fromEntries(RFM_SEGMENTS.map((s) => [s, rfm.get(s) ?? 0])),
    rfm_movement: [...segmentMoves].map(([key, customers]) => {
      const [before, after] = key.split('>');
      return { from: before === 'none' ? null : before!, to: after!, customers };
    }),
    lifecycle: {
      thresholds: thresholds,
      at_from: Object.fromEntries(STAGES.map((s) => [s, count('before', s)])),
      at_to: Object.fromEntries(STAGES.map((s) => [s, count('after', s)])),
      movement: movement.map((m) => ({ from: m.before, to: m.after, customers: m.n })),
    },
  };
}
