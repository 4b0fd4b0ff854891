import { Anchor, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useEconomics, type Economics } from '../../../hooks/api/analytics.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';

/** The rewards whose codes shoppers used most in the period, and what they took off orders. */
export function TopRewardsSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const economics = useEconomics(periodRange(period));
  const program = useProgram();
  const columns: Column<Economics['top_rewards'][number]>[] = [
    { header: t('home.reward'), cell: (r) => <bdi>{r.name}</bdi> },
    { header: t('home.codesUsed'), align: 'end', cell: (r) => formatNumber(r.used) },
    { header: t('home.discountGiven'), align: 'end', cell: (r) => formatMoney(r.value, program.data!.currency) },
  ];
  return (
    <Section id="top-rewards-title" title={t('home.topRewards')}>
      <Paper withBorder>
        <QueryState isPending={economics.isPending || program.isPending} error={economics.error ?? program.error}>
          {() => {
            const top = economics.data!.top_rewards;
            if (top.length === 0)
              return (
                <EmptyState title={t('home.noRewardsUsed')} action={<Anchor component={Link} to="/program">{t('home.noRewardsAction')}</Anchor>}>
                  {t('home.noRewardsUsedBody')}
                </EmptyState>
              );
            return <DataTable rows={top} rowKey={(r) => r.reward_id} columns={columns} minWidth={320} />;
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
