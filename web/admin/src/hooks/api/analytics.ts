// The analytics the Home and Analytics pages draw: program economics (points and liability),
// the retention report, and the holdout lift. The report and the lift are documented as open
// objects by the API, so their fields are written here from what the engine returns.
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Economics = paths['/v1/analytics/economics']['get']['responses']['200']['content']['application/json'];

export interface GroupMetrics {
  customers: number;
  orders: number;
  revenue: number;
  repeat_customer_rate: number;
  purchase_frequency: number;
  average_order_value: number;
  customer_value: number;
  historic_clv: number;
}

export type LifecycleStage = 'new' | 'one_time' | 'repeat' | 'loyal' | 'at_risk' | 'lapsed';

export interface RetentionReport {
  totals: GroupMetrics;
  by_membership: (GroupMetrics & { group: 'members' | 'holdout' })[];
  retention: { month: string; customers: number; returned_next_month: number | null; retention_rate: number | null; churn_rate: number | null }[];
  cohorts: { cohort: string; customers: number; months: { offset: number; customers: number; share_returning: number; revenue_per_customer: number }[] }[];
  median_days_between_orders: number | null;
  rfm_segments: Record<string, number>;
  lifecycle: { thresholds: { new_days: number; loyal_orders: number; at_risk_days: number; lapsed_days: number }; at_from: Record<LifecycleStage, number>; at_to: Record<LifecycleStage, number> };
}

export interface Lift {
  members: { customers: number; repeat_rate: number; revenue_per_customer: number };
  holdout: { customers: number; repeat_rate: number; revenue_per_customer: number };
  repeat_rate_lift: { difference: number; ci95: [number, number] };
  revenue_per_customer_lift: { difference: number; ci95: [number, number] };
}

type Range = { from: string; to: string };

const economics = async (range: Range) => unwrap(await client.GET('/v1/analytics/economics', { params: { query: range } }));

export function useEconomics(range: Range) {
  return useQuery({ queryKey: ['analytics', 'economics', range], queryFn: () => economics(range), staleTime: 60_000 });
}

/** Economics per bucket of a period, for a chart over time (one request per bucket). */
export function useEconomicsOverTime(buckets: (Range & { label: string })[]) {
  return useQueries({
    queries: buckets.map((bucket) => ({
      queryKey: ['analytics', 'economics', { from: bucket.from, to: bucket.to }],
      queryFn: () => economics(bucket),
      staleTime: 60_000,
    })),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      data: results.every((r) => r.data) ? buckets.map((bucket, i) => ({ label: bucket.label, ...(results[i]!.data as Economics) })) : undefined,
    }),
  });
}

// The engine's default lifecycle thresholds; the generated client types them as required.
const STAGE_DAYS = { new_days: 30, loyal_orders: 4, at_risk_days: 90, lapsed_days: 180 };

export function useRetentionReport(range: Range) {
  return useQuery({
    queryKey: ['analytics', 'report', range],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/report', { params: { query: { ...range, ...STAGE_DAYS } } })) as unknown as RetentionReport,
    staleTime: 60_000,
  });
}

export function useLift(range: Range) {
  return useQuery({
    queryKey: ['analytics', 'lift', range],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/lift', { params: { query: range } })) as unknown as Lift,
    staleTime: 60_000,
  });
}

export interface ClvPrediction {
  horizon_days: number;
  customers: number;
  expected_active_customers: number;
  predicted_clv_total: number;
  predicted_clv_average: number;
  top: { customer_id: string; p_alive: number; expected_purchases: number; expected_spend: number; predicted_clv: number }[];
}

/** Predicted lifetime value over the next year (the fit is cached by the engine for ten minutes). */
export function useClv() {
  return useQuery({
    queryKey: ['analytics', 'clv'],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/clv', { params: { query: { horizon_days: 365, discount_rate: 0.1, limit: 10 } } })) as unknown as ClvPrediction,
    staleTime: 10 * 60_000,
  });
}

type ProjectedPath = { revenue: number; by_month: { month: number; active: number; revenue: number }[] };
export interface Projection {
  months: number;
  at_current_retention: ProjectedPath;
  at_higher_retention: ProjectedPath & { uplift_points: number };
}

export function useProjection() {
  return useQuery({
    queryKey: ['analytics', 'projection'],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/projection', { params: { query: { months: 12, uplift_points: 5 } } })) as unknown as Projection,
    staleTime: 10 * 60_000,
  });
}

export interface BacktestDraft {
  earning_rules: { name: string; type: 'points_per_unit'; points: number; unit_amount?: number }[];
  tiers: { name: string; threshold: number; earn_multiplier: number }[];
  expiry_days?: number;
  typical_redemption_rate: number;
  reward_points_cost: number;
  point_cost_per_1000: number;
}

export interface Backtest {
  orders: number;
  customers: number;
  points_issued: number;
  points_redeemed_if_typical: number;
  points_expired: number;
  points_outstanding: number;
  liability: number;
  by_month: { month: string; issued: number; redeemed: number; expired: number; outstanding: number; liability: number }[];
  customers_per_tier: Record<string, number>;
}

/** Replays the period's orders through a draft program; nothing live changes. */
export function useBacktest() {
  return useMutation({
    mutationFn: async (body: { draft: BacktestDraft; from: string; to: string }) => unwrap(await client.POST('/v1/analytics/backtest', { body: { ...body, draft: { ...body.draft } } })) as unknown as Backtest,
  });
}
