import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { StatCard } from '../../../components/common/stat-card.tsx';
import { useClv, type ClvPrediction } from '../../../hooks/api/analytics.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format.ts';

type Top = ClvPrediction['top'][number];

const ClvDistributionChart = lazy(() => import('./clv-distribution-chart.tsx'));

/** What customers will be worth over the next year (BG/NBD and Gamma-Gamma), and the most valuable ones. */
export function ClvSection() {
  const { t } = useTranslation();
  const clv = useClv();
  const program = useProgram();
  const money = (minor: number) => formatMoney(minor, program.data!.currency);
  const columns: Column<Top>[] = [
    {
      header: t('analytics.customer'),
      cell: (c) => (
        <Anchor component={Link} to={`/customers/${c.customer_id}`} size="sm" dir="ltr">
          {c.customer_id}
        </Anchor>
      ),
    },
    { header: t('analytics.pAlive'), align: 'end', cell: (c) => formatPercent(c.p_alive, 0) },
    { header: t('analytics.expectedOrders'), align: 'end', cell: (c) => formatNumber(Math.round(c.expected_purchases * 10) / 10) },
    { header: t('analytics.expectedSpend'), align: 'end', cell: (c) => money(c.expected_spend) },
    { header: t('analytics.predictedClv'), align: 'end', td: { fw: 600 }, cell: (c) => money(c.predicted_clv) },
  ];
  return (
    <Section id="clv-title" title={t('analytics.clv')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('analytics.clvDescription')}
      </Text>
      <QueryState isPending={clv.isPending || program.isPending} error={clv.error ?? program.error}>
        {() => {
          const c = clv.data!;
          return (
            <>
              <SimpleGrid cols={{ base: 1, xs: 3 }} mb="md">
                <StatCard label={t('analytics.clvTotal')} value={money(c.predicted_clv_total)} hint={t('analytics.clvTotalHint', { customers: formatNumber(c.customers) })} />
                <StatCard label={t('analytics.clvAverage')} value={money(c.predicted_clv_average)} />
                <StatCard label={t('analytics.expectedActive')} value={formatNumber(c.expected_active_customers)} hint={t('analytics.expectedActiveHint')} />
              </SimpleGrid>
              <Paper withBorder p="md" mb="md">
                <Suspense fallback={<PageLoader />}>
                  <ClvDistributionChart clv={c} currency={program.data!.currency} />
                </Suspense>
              </Paper>
              <Title order={3} size="h5" mb="xs">
                {t('analytics.topCustomers')}
              </Title>
              <Paper withBorder>
                <DataTable rows={c.top} rowKey={(r) => r.customer_id} columns={columns} minWidth={640} />
              </Paper>
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
