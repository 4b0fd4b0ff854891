import { Anchor, Badge, Paper } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useCauses, useChallenges, useMembershipPlans, useStampCards, type Cause, type Challenge, type MembershipPlan, type StampCard } from '../../../hooks/api/catalog.ts';
import { useProgram, useRewards } from '../../../hooks/api/program.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';
import { CreateCauseButton } from './create-cause-button.tsx';
import { CreateChallengeButton } from './create-challenge-button.tsx';
import { CreatePlanButton } from './create-plan-button.tsx';
import { CreateStampCardButton } from './create-stamp-card-button.tsx';

/** A list of the program's, its empty state pointing at the API reference, under its heading. */
function CatalogSection<T extends { id: string }>({ id, title, query, columns, empty, docs, create }: { id: string; title: string; query: UseQueryResult<{ data: T[] }>; columns: Column<T>[]; empty: { title: string; body: string }; docs: string; create?: ReactNode }) {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  return (
    <Section id={id} title={title} actions={mayChange && create}>
      <Paper withBorder>
        <QueryState isPending={query.isPending} error={query.error}>
          {() =>
            query.data!.data.length === 0 ? (
              <EmptyState title={empty.title} action={<Anchor href={`/docs#tag/${docs}`}>{t('program.apiDocs')}</Anchor>}>
                {empty.body}
              </EmptyState>
            ) : (
              <DataTable rows={query.data!.data} rowKey={(row) => row.id} columns={columns} minWidth={520} />
            )
          }
        </QueryState>
      </Paper>
    </Section>
  );
}

const activeBadge = (active: boolean, t: (key: string) => string) => (
  <Badge variant="light" color={active ? 'green' : 'gray'}>
    {active ? t('program.active') : t('program.inactive')}
  </Badge>
);

/** The reward a card or challenge gives, by name. */
function useRewardName() {
  const rewards = useRewards();
  return (id: string | null | undefined) => (id ? (rewards.data?.data.find((r) => r.id === id)?.name ?? id) : null);
}

export function StampCardsSection() {
  const { t } = useTranslation();
  const rewardName = useRewardName();
  const columns: Column<StampCard>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (c) => <bdi>{c.name}</bdi> },
    { header: t('engagement.stamps'), cell: (c) => t('engagement.stampsPer', { count: c.stamps_required, formatted: formatNumber(c.stamps_required), per: t(`engagement.per.${c.per}`) }) },
    { header: t('engagement.gives'), cell: (c) => <bdi>{rewardName(c.reward_id) ?? '—'}</bdi> },
    { header: t('program.status'), cell: (c) => activeBadge(c.active, t) },
  ];
  return <CatalogSection id="stamp-cards-title" title={t('engagement.stampCards')} query={useStampCards()} columns={columns} empty={{ title: t('engagement.stampCardsEmpty'), body: t('engagement.stampCardsEmptyBody') }} docs="stamp-cards" create={<CreateStampCardButton />} />;
}

export function ChallengesSection() {
  const { t } = useTranslation();
  const rewardName = useRewardName();
  const columns: Column<Challenge>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (c) => <bdi>{c.name}</bdi> },
    { header: t('engagement.goal'), cell: (c) => t(`engagement.goals.${c.goal}`, { target: formatNumber(c.target), event: c.event_type ?? '' }) },
    { header: t('engagement.gives'), cell: (c) => <bdi>{rewardName(c.reward_id) ?? (c.points ? t('common.points', { count: c.points, formatted: formatNumber(c.points) }) : '—')}</bdi> },
    { header: t('program.status'), cell: (c) => activeBadge(c.active, t) },
  ];
  return <CatalogSection id="challenges-title" title={t('engagement.challenges')} query={useChallenges()} columns={columns} empty={{ title: t('engagement.challengesEmpty'), body: t('engagement.challengesEmptyBody') }} docs="challenges" create={<CreateChallengeButton />} />;
}

export function MembershipPlansSection() {
  const { t } = useTranslation();
  const program = useProgram();
  const columns: Column<MembershipPlan>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (p) => <bdi>{p.name}</bdi> },
    { header: t('engagement.price'), cell: (p) => t(`engagement.intervals.${p.interval}`, { price: formatMoney(p.price, program.data?.currency ?? 'USD') }) },
    { header: t('engagement.benefits'), cell: (p) => [p.earn_multiplier > 1 ? t('program.rules.multiplier', { multiplier: formatNumber(p.earn_multiplier) }) : null, ...p.perks].filter(Boolean).join(' · ') || '—' },
    { header: t('program.status'), cell: (p) => activeBadge(p.active, t) },
  ];
  return <CatalogSection id="memberships-title" title={t('engagement.memberships')} query={useMembershipPlans()} columns={columns} empty={{ title: t('engagement.membershipsEmpty'), body: t('engagement.membershipsEmptyBody') }} docs="memberships" create={<CreatePlanButton />} />;
}

export function CausesSection() {
  const { t } = useTranslation();
  const program = useProgram();
  const columns: Column<Cause>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (c) => <bdi>{c.name}</bdi> },
    { header: t('engagement.donations'), align: 'end', cell: (c) => formatNumber(c.donations) },
    { header: t('engagement.pointsDonated'), align: 'end', cell: (c) => formatNumber(c.points_donated) },
    { header: t('engagement.amountDonated'), align: 'end', cell: (c) => formatMoney(c.amount_donated, program.data?.currency ?? 'USD') },
    { header: t('program.status'), cell: (c) => activeBadge(c.status === 'active', t) },
  ];
  return <CatalogSection id="causes-title" title={t('engagement.causes')} query={useCauses()} columns={columns} empty={{ title: t('engagement.causesEmpty'), body: t('engagement.causesEmptyBody') }} docs="charity" create={<CreateCauseButton />} />;
}
