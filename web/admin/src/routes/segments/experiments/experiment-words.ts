// An experiment in the merchant's words: its metric, its figures (a percent for a rate, money in
// the program's currency for revenue), their intervals, its audience and each variant's offer.
import { useTranslation } from 'react-i18next';
import type { Experiment, ExperimentMetric, ExperimentVariant } from '../../../hooks/api/experiments.ts';
import { useEarningRules, useProgram, useRewards } from '../../../hooks/api/program.ts';
import { useSegments } from '../../../hooks/api/segments.ts';
import { formatMoney, formatPercent, formatSigned, isolate, isolateLtr } from '../../../lib/format.ts';

export const METRIC_LABELS: Record<ExperimentMetric, string> = {
  redemption_rate: 'experiments.metrics.redemption_rate',
  repeat_rate: 'experiments.metrics.repeat_rate',
  revenue_per_customer: 'experiments.metrics.revenue_per_customer',
};

export const METRIC_HINTS: Record<ExperimentMetric, string> = {
  redemption_rate: 'experiments.metricHints.redemption_rate',
  repeat_rate: 'experiments.metricHints.repeat_rate',
  revenue_per_customer: 'experiments.metricHints.revenue_per_customer',
};

export function useExperimentWords() {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const segments = useSegments().data?.data ?? [];
  const rewards = useRewards().data?.data ?? [];
  const rules = useEarningRules().data?.data ?? [];
  const isRate = (e: Experiment) => e.metric !== 'revenue_per_customer';
  const value = (e: Experiment, n: number) => (isRate(e) ? formatPercent(n) : formatMoney(n, currency));
  // A rate's lift is in percentage points: 20% against 15% is +5 points, not +33%.
  const difference = (e: Experiment, n: number) => (isRate(e) ? t('experiments.pointsDifference', { value: isolateLtr(formatSigned(n * 100)) }) : isolateLtr(formatMoney(n, currency, { signed: true })));
  const interval = (ci95: number[], as: (n: number) => string) => t('experiments.interval', { low: isolate(as(ci95[0] ?? 0)), high: isolate(as(ci95[1] ?? 0)) });
  return {
    metric: (e: Experiment) => t(METRIC_LABELS[e.metric]),
    value,
    difference,
    valueInterval: (e: Experiment, ci95: number[]) => interval(ci95, (n) => value(e, n)),
    differenceInterval: (e: Experiment, ci95: number[]) => interval(ci95, (n) => difference(e, n)),
    audience: (e: Experiment) => {
      if (!e.segment_id) return t('experiments.everyone');
      const segment = segments.find((s) => s.id === e.segment_id);
      return segment ? segment.name : t('experiments.deletedSegment');
    },
    offer: (v: ExperimentVariant) => {
      if (v.reward_id) return rewards.find((r) => r.id === v.reward_id)?.name ?? t('experiments.aReward');
      return rules.find((r) => r.id === v.earning_rule_id)?.name ?? t('experiments.aRule');
    },
  };
}
