import { Anchor, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { useEconomics } from '../../../hooks/api/analytics.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';

/** The rewards whose codes shoppers used most in the period, and what they took off orders. */
export function TopRewardsSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const economics = useEconomics(periodRange(period));
  const program = useProgram();
  return (
    <section aria-labelledby="top-rewards-title">
      <Title order={2} size="h3" id="top-rewards-title" mb="sm">
        {t('home.topRewards')}
      </Title>
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
            return (
              <Table.ScrollContainer minWidth={320} type="native" tabIndex={0}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('home.reward')}</Table.Th>
                      <Table.Th scope="col" ta="end">{t('home.codesUsed')}</Table.Th>
                      <Table.Th scope="col" ta="end">{t('home.discountGiven')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {top.map((r) => (
                      <Table.Tr key={r.reward_id}>
                        <Table.Td>
                          <bdi>{r.name}</bdi>
                        </Table.Td>
                        <Table.Td ta="end">{formatNumber(r.used)}</Table.Td>
                        <Table.Td ta="end">{formatMoney(r.value, program.data!.currency)}</Table.Td>
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
