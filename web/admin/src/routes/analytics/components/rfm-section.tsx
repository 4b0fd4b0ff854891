import { Paper, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useRetentionReport } from '../../../hooks/api/analytics.ts';
import { periodRange, type Period } from '../../../lib/period.ts';
import { RFM_SEGMENTS } from '../../../lib/rfm.ts';
import { MovementTable } from './movement-table.tsx';

const SegmentChart = lazy(() => import('./segment-chart.tsx'));

/** How many customers are in each RFM segment at the end of the period. */
export function RfmSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const report = useRetentionReport(periodRange(period));
  return (
    <Section id="rfm-title" title={t('analytics.rfm')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('analytics.rfmDescription')}
      </Text>
      <Paper withBorder p="md">
        <QueryState isPending={report.isPending} error={report.error}>
          {() => {
            const counts = report.data!.rfm_segments;
            const rows = RFM_SEGMENTS.map((segment) => ({ label: t(`analytics.segments.${segment}`), customers: counts[segment] ?? 0 }));
            if (rows.every((r) => r.customers === 0)) return <EmptyState title={t('analytics.rfmEmpty')}>{t('analytics.retentionEmptyBody')}</EmptyState>;
            return (
              <>
                <Suspense fallback={<PageLoader />}>
                  <SegmentChart rows={rows} caption={t('analytics.rfm')} />
                </Suspense>
                <MovementTable moves={report.data!.rfm_movement} nameOf={(segment) => t(`analytics.segments.${segment}`)} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
