import { Anchor, Badge, Paper, Table, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { useProgram, useRewards, type Reward } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber, isolate } from '../../../lib/format.ts';

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
  return (
    <section aria-labelledby="rewards-title">
      <Title order={2} size="h3" id="rewards-title" mb="sm">
        {t('program.rewardsTitle')}
      </Title>
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
            const currency = program.data!.currency;
            return (
              <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('program.name')}</Table.Th>
                      <Table.Th scope="col">{t('program.rewards.type')}</Table.Th>
                      <Table.Th scope="col">{t('program.rewards.costTitle')}</Table.Th>
                      <Table.Th scope="col" ta="end">{t('program.rewards.stock')}</Table.Th>
                      <Table.Th scope="col">{t('program.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((reward) => (
                      <Table.Tr key={reward.id}>
                        <Table.Td fw={500}>
                          <bdi>{reward.name}</bdi>
                        </Table.Td>
                        <Table.Td>{t(`program.rewardTypes.${reward.type}`)}</Table.Td>
                        <Table.Td>{cost(reward, currency, t)}</Table.Td>
                        <Table.Td ta="end">{reward.stock ? `${formatNumber(reward.issued_count)} / ${formatNumber(reward.stock)}` : t('program.rewards.unlimited')}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={reward.status === 'active' ? 'green' : 'gray'}>
                            {t(`program.rewardStatuses.${reward.status}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            );
          }}
        </QueryState>
      </Paper>
    </section>
  );
}
