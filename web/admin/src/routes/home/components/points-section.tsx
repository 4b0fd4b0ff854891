import { Paper, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/common/query-state.tsx';
import { EmptyState } from '../../../components/common/query-state.tsx';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { useEconomicsOverTime } from '../../../hooks/api/analytics.ts';
import { periodBuckets, type Period } from '../../../lib/period.ts';

// The chart library loads with this chart, not with the dashboard.
const PointsChart = lazy(() => import('./points-chart.tsx'));

/** Points issued, redeemed and expired per week or month of the period. */
export function PointsSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const buckets = periodBuckets(period);
  const series = useEconomicsOverTime(buckets);
  const weekly = period === '30d' || period === '90d';
  const empty = series.data?.every((b) => b.points_issued === 0 && b.points_redeemed === 0 && b.points_expired === 0);

  return (
    <section aria-labelledby="points-title">
      <Title order={2} size="h3" id="points-title" mb={4}>
        {t('home.points')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(weekly ? 'home.pointsWeekly' : 'home.pointsMonthly')}
      </Text>
      <Paper withBorder p="md">
        {series.error ? (
          <ErrorAlert error={series.error} />
        ) : !series.data ? (
          <PageLoader />
        ) : empty ? (
          <EmptyState title={t('home.pointsEmpty')}>{t('home.pointsEmptyBody')}</EmptyState>
        ) : (
          <Suspense fallback={<PageLoader />}>
            <PointsChart data={series.data} weekly={weekly} />
          </Suspense>
        )}
      </Paper>
    </section>
  );
}
