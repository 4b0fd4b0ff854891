import { SimpleGrid, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/common/query-state.tsx';
import { PageLoader } from '../../../components/common/page-loader.tsx';
import { useEconomics, useRetentionReport } from '../../../hooks/api/analytics.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { formatMoney, formatNumber, formatPercent, isolate } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';
import { StatCard } from '../../../components/common/stat-card.tsx';

/** Members, active members, outstanding points and liability, redemption and repeat rates. */
export function SummarySection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const range = periodRange(period);
  const report = useRetentionReport(range);
  const economics = useEconomics(range);
  const program = useProgram();
  const error = report.error ?? economics.error ?? program.error;

  let content;
  if (error) content = <ErrorAlert error={error} />;
  else if (!report.data || !economics.data || !program.data) content = <PageLoader />;
  else {
    const r = report.data;
    const e = economics.data;
    const stages = r.lifecycle.at_to;
    const active = stages.new + stages.one_time + stages.repeat + stages.loyal;
    const members = r.by_membership.find((g) => g.group === 'members');
    content = (
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <StatCard label={t('home.members')} value={formatNumber(members?.customers ?? 0)} hint={t('home.membersHint')} />
        <StatCard label={t('home.activeMembers')} value={formatNumber(active)} hint={t('home.activeHint', { days: r.lifecycle.thresholds.at_risk_days })} />
        <StatCard label={t('home.repeatRate')} value={formatPercent(members?.repeat_customer_rate ?? 0)} hint={t('home.repeatHint')} />
        <StatCard label={t('home.outstanding')} value={formatNumber(e.points_outstanding)} hint={t('home.outstandingHint')} />
        <StatCard
          label={t('home.liability')}
          value={formatMoney(e.liability, program.data.currency)}
          hint={e.cost_per_1000_points === 0 ? t('home.liabilityUnset') : t('home.liabilityHint', { cost: isolate(formatMoney(e.cost_per_1000_points, program.data.currency)) })}
        />
        <StatCard label={t('home.redemptionRate')} value={formatPercent(e.redemption_rate)} hint={t('home.redemptionHint')} />
      </SimpleGrid>
    );
  }
  return (
    <section aria-labelledby="summary-title">
      <Title order={2} size="h3" id="summary-title" mb="sm">
        {t('home.summary')}
      </Title>
      {content}
    </section>
  );
}
