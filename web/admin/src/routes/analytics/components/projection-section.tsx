import { Paper, SimpleGrid, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { StatCard } from '../../../components/common/stat-card.tsx';
import { useProjection } from '../../../hooks/api/analytics.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';

const ProjectionChart = lazy(() => import('./projection-chart.tsx'));

/** The next twelve months' revenue at today's retention, and with retention five points higher: what keeping customers is worth. */
export function ProjectionSection() {
  const { t } = useTranslation();
  const projection = useProjection();
  const program = useProgram();
  return (
    <Section id="projection-title" title={t('analytics.projection')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('analytics.projectionDescription')}
      </Text>
      <QueryState isPending={projection.isPending || program.isPending} error={projection.error ?? program.error}>
        {() => {
          const p = projection.data!;
          const money = (minor: number) => formatMoney(minor, program.data!.currency);
          const uplift = formatNumber(p.at_higher_retention.uplift_points);
          return (
            <>
              <SimpleGrid cols={{ base: 1, xs: 3 }} mb="md">
                <StatCard label={t('analytics.atCurrent')} value={money(p.at_current_retention.revenue)} />
                <StatCard label={t('analytics.atHigher', { points: uplift })} value={money(p.at_higher_retention.revenue)} />
                <StatCard label={t('analytics.difference')} value={money(p.at_higher_retention.revenue - p.at_current_retention.revenue)} />
              </SimpleGrid>
              <Paper withBorder p="md">
                <Suspense fallback={<PageLoader />}>
                  <ProjectionChart projection={p} currency={program.data!.currency} />
                </Suspense>
              </Paper>
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
