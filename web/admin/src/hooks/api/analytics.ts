// The analytics the Home and Analytics pages draw: program economics (points and liability), the
// retention report, the holdout lift, predicted CLV, the projection, and the backtest (whose
// answer the API documents as an open object, so its fields are written here).
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../client/index.ts';
import { client, unwrap } from '../../api/client.ts';

export type Economics = paths['/v1/analytics/economics']['get']['responses']['200']['content']['application/json'];

type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;
export type RetentionReport = Answer<'/v1/analytics/report'>;
export type LifecycleStage = keyof RetentionReport['lifecycle']['at_to'];
export type Lift = Answer<'/v1/analytics/lift'>;
export type ClvPrediction = Answer<'/v1/analytics/clv'>;
export type Projection = Answer<'/v1/analytics/projection'>;

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
    queryFn: async () => unwrap(await client.GET('/v1/analytics/report', { params: { query: { ...range, ...STAGE_DAYS } } })),
    staleTime: 60_000,
  });
}

export function useLift(range: Range) {
  return useQuery({
    queryKey: ['analytics', 'lift', range],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/lift', { params: { query: range } })),
    staleTime: 60_000,
  });
}

/** Predicted lifetime value over the next year (the fit is cached by the engine for ten minutes). */
export function useClv() {
  return useQuery({
    queryKey: ['analytics', 'clv'],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/clv', { params: { query: { horizon_days: 365, discount_rate: 0.1, limit: 10 } } })),
    staleTime: 10 * 60_000,
  });
}

export function useProjection() {
  return useQuery({
    queryKey: ['analytics', 'projection'],
    queryFn: async () => unwrap(await client.GET('/v1/analytics/projection', { params: { query: { months: 12, uplift_points: 5 } } })),
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
