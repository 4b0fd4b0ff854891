import { Anchor, Paper, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useProgram, useTiers, type Program } from '../../../hooks/api/program.ts';
import { useSession } from '../../../hooks/api/session.ts';
import type { Tier } from '../../../hooks/api/tiers.ts';
import { formatMoney, formatNumber, isolate } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';
import { ChangeThresholdsButton } from './change-thresholds-button.tsx';
import { CreateTierButton } from './create-tier-button.tsx';

/** A threshold in what the program's tiers measure: points, money spent or orders. */
function thresholdText(value: number, program: Program, t: TFunction): string {
  if (program.tier_metric === 'amount_spent') return isolate(formatMoney(value, program.currency));
  if (program.tier_metric === 'orders_count') return t('tiers.orders', { count: value, formatted: formatNumber(value) });
  return t('common.points', { count: value, formatted: formatNumber(value) });
}

export function TiersSection() {
  const { t } = useTranslation();
  const tiers = useTiers();
  const program = useProgram();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const active = (tiers.data?.data ?? []).filter((tier: Tier) => tier.status === 'active');
  const columns: Column<Tier>[] = [
    { header: t('program.name'), td: { fw: 500 }, cell: (tier) => <bdi>{tier.name}</bdi> },
    { header: t('tiers.threshold', { metric: program.data ? t(`tiers.metrics.${program.data.tier_metric}`) : '' }), cell: (tier) => thresholdText(tier.threshold, program.data!, t) },
    { header: t('tiers.multiplier'), cell: (tier) => (tier.earn_multiplier > 1 ? t('program.rules.multiplier', { multiplier: formatNumber(tier.earn_multiplier) }) : '—') },
    {
      header: t('tiers.perks'),
      cell: (tier) => (
        <Text size="sm" c="dimmed">
          {tier.perks.length ? tier.perks.join(' · ') : '—'}
        </Text>
      ),
    },
  ];
  return (
    <Section id="tiers-title" title={t('tiers.title')} actions={
        mayChange &&
        program.data && (
          <>
            {active.length > 0 && <ChangeThresholdsButton tiers={active} program={program.data} />}
            <CreateTierButton program={program.data} />
          </>
        )
      }
    >
      <Paper withBorder>
        <QueryState isPending={tiers.isPending || program.isPending} error={tiers.error ?? program.error}>
          {() =>
            active.length === 0 ? (
              <EmptyState title={t('tiers.empty')} action={<Anchor href="/docs#tag/tiers">{t('program.apiDocs')}</Anchor>}>
                {t('tiers.emptyBody')}
              </EmptyState>
            ) : (
              <DataTable rows={active} rowKey={(tier) => tier.id} columns={columns} minWidth={480} />
            )
          }
        </QueryState>
      </Paper>
    </Section>
  );
}
