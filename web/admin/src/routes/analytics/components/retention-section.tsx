import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert } from '../../../components/common/query-state.tsx';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { useRetentionReport } from '../../../hooks/api/analytics.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';
import { StatCard } from '../../../components/common/stat-card.tsx';

const RetentionChart = lazy(() => import('./retention-chart.tsx'));

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function RetentionSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const report = useRetentionReport(periodRange(period));
  const program = useProgram();

  let content;
  if (report.error ?? program.error) content = <ErrorAlert error={report.error ?? program.error} />;
  else if (!report.data || !program.data) content = <PageLoader />;
  else {
    const r = report.data;
    // A month whose next month is still under way would show a false drop: it is left out.
    const current = new Date().toISOString().slice(0, 7);
    const months = r.retention.filter((m) => m.retention_rate !== null && nextMonth(m.month) < current);
    content = (
      <>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md">
          <StatCard label={t('analytics.repeatRate')} value={formatPercent(r.totals.repeat_customer_rate)} />
          <StatCard label={t('analytics.frequency')} value={formatNumber(Math.round(r.totals.purchase_frequency * 100) / 100)} />
          <StatCard label={t('analytics.aov')} value={formatMoney(r.totals.average_order_value, program.data.currency)} />
          <StatCard label={t('analytics.gap')} value={r.median_days_between_orders === null ? '—' : t('analytics.days', { count: r.median_days_between_orders, formatted: formatNumber(r.median_days_between_orders) })} />
        </SimpleGrid>
        <Paper withBorder p="md">
          {months.length < 2 ? (
            <EmptyState title={t('analytics.retentionEmpty')}>{t('analytics.retentionEmptyBody')}</EmptyState>
          ) : (
            <Suspense fallback={<PageLoader />}>
              <RetentionChart months={months} />
            </Suspense>
          )}
        </Paper>
      </>
    );
  }
  return (
    <section aria-labelledby="retention-title">
      <Title order={2} size="h3" id="retention-title" mb={4}>
        {t('analytics.retention')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('analytics.retentionDescription')}
      </Text>
      {content}
    </section>
  );
}
