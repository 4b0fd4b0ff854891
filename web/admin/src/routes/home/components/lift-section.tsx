import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert } from '../../../components/common/query-state.tsx';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { useLift } from '../../../hooks/api/analytics.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';
import { StatCard } from '../../../components/common/stat-card.tsx';

/** Does the program work: new customers' repeat rate, members against the holdout, with a 95% interval. */
export function LiftSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const lift = useLift(periodRange(period));

  let content;
  if (lift.error) content = <ErrorAlert error={lift.error} />;
  else if (!lift.data) content = <PageLoader />;
  else {
    const { members, holdout, repeat_rate_lift: diff } = lift.data;
    const [low = 0, high = 0] = diff.ci95;
    const points = (ratio: number) => t('home.pointsDifference', { value: formatNumber(Math.round(ratio * 1000) / 10) });
    content = (
      <>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
          <StatCard label={t('home.liftMembers')} value={formatPercent(members.repeat_rate)} hint={t('home.customersCount', { count: members.customers, formatted: formatNumber(members.customers) })} />
          <StatCard label={t('home.liftHoldout')} value={holdout.customers ? formatPercent(holdout.repeat_rate) : '—'} hint={t('home.customersCount', { count: holdout.customers, formatted: formatNumber(holdout.customers) })} />
          <StatCard
            label={t('home.liftDifference')}
            value={holdout.customers ? points(diff.difference) : '—'}
            hint={holdout.customers ? t('home.liftInterval', { low: points(low), high: points(high) }) : undefined}
          />
        </SimpleGrid>
        {holdout.customers === 0 && (
          <Paper withBorder mt="sm">
            <EmptyState title={t('home.noHoldout')}>{t('home.noHoldoutBody')}</EmptyState>
          </Paper>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="lift-title">
      <Title order={2} size="h3" id="lift-title" mb={4}>
        {t('home.lift')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.liftDescription')}
      </Text>
      {content}
    </section>
  );
}
