import { Paper, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { Section } from '../../../components/common/section.tsx';
import type { DayRange, NpsReport } from '../../../hooks/api/surveys.ts';
import { formatMonth, formatNumber } from '../../../lib/format.ts';
import { formatInterval, formatNps } from '../nps-format.ts';

const NpsChart = lazy(() => import('./nps-chart.tsx'));

type Month = NpsReport['by_month'][number];

/** The NPS of each month of answering: a line when there are two months or more, and the figures as a table. */
export function NpsByMonthSection({ months, range }: { months: Month[]; range: DayRange }) {
  const { t } = useTranslation();
  const columns: Column<Month>[] = [
    { header: t('surveys.month'), td: { fw: 500 }, cell: (m) => formatMonth(m.month) },
    { header: t('surveys.answers'), align: 'end', cell: (m) => formatNumber(m.responses) },
    { header: t('surveys.promotersShort'), align: 'end', visibleFrom: 'sm', cell: (m) => formatNumber(m.promoters) },
    { header: t('surveys.passivesShort'), align: 'end', visibleFrom: 'sm', cell: (m) => formatNumber(m.passives) },
    { header: t('surveys.detractorsShort'), align: 'end', visibleFrom: 'sm', cell: (m) => formatNumber(m.detractors) },
    { header: t('surveys.nps'), align: 'end', td: { fw: 600 }, cell: (m) => formatNps(m.nps) },
    { header: t('surveys.intervalHeader'), visibleFrom: 'xs', td: { c: 'dimmed', fz: 'sm' }, cell: (m) => formatInterval(t, m, true) },
  ];
  return (
    <Section id="nps-month-title" title={t('surveys.byMonth')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('surveys.byMonthDescription')}
      </Text>
      <Paper withBorder p="md">
        {months.length >= 2 && (
          <Suspense fallback={<PageLoader />}>
            <NpsChart months={months} range={range} />
          </Suspense>
        )}
        <DataTable rows={months} rowKey={(m) => m.month} columns={columns} minWidth={320} aria-labelledby="nps-month-title" mt={months.length >= 2 ? 'md' : 0} />
      </Paper>
    </Section>
  );
}
