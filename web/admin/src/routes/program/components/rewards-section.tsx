import { Anchor, Badge, Paper } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useProgram, useRewards, type Reward } from '../../../hooks/api/program.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatMoney, formatNumber, isolate } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';
import { CreateRewardButton } from './create-reward-button.tsx';

/** What it costs: a fixed number of points, or points per unit of discount (pay with points). */
function cost(reward: Reward, currency: string, t: TFunction): string {
  const points = (n: number) => t('common.points', { count: n, formatted: formatNumber(n) });
  if (reward.points_cost !== undefined) return points(reward.points_cost);
  if (reward.points_per_unit !== undefined) return t('program.rewards.variable', { points: points(reward.points_per_unit), unit: isolate(formatMoney(reward.unit_amount ?? 100, currency)) });
  return '—';
}

export function RewardsSection() {
  const { t } = useTranslation();
  const rewards = useRewards();
  const program = useProgram();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const columns: Column<Reward>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (reward) => <bdi>{reward.name}</bdi> },
    { header: t('program.rewards.type'), cell: (reward) => t(`program.rewardTypes.${reward.type}`) },
    { header: t('program.rewards.costTitle'), cell: (reward) => cost(reward, program.data!.currency, t) },
    { header: t('program.rewards.stock'), align: 'end', cell: (reward) => (reward.stock ? `${formatNumber(reward.issued_count)} / ${formatNumber(reward.stock)}` : t('program.rewards.unlimited')) },
    {
      header: t('program.status'),
      cell: (reward) => (
        <Badge variant="light" color={reward.status === 'active' ? 'green' : 'gray'}>
          {t(`program.rewardStatuses.${reward.status}`)}
        </Badge>
      ),
    },
  ];
  return (
    <Section id="rewards-title" title={t('program.rewardsTitle')} actions={mayChange && <CreateRewardButton />}>
      <Paper withBorder>
        <QueryState isPending={rewards.isPending || program.isPending} error={rewards.error ?? program.error}>
          {() => {
            const list = rewards.data!.data;
            if (list.length === 0)
              return (
                <EmptyState title={t('program.rewardsEmpty')} action={<Anchor href="/docs#tag/rewards">{t('program.apiDocs')}</Anchor>}>
                  {t('program.rewardsEmptyBody')}
                </EmptyState>
              );
            return <DataTable rows={list} rowKey={(reward) => reward.id} columns={columns} />;
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
