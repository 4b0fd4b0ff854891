import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import { useTierHistory, type TierChange } from '../../../../hooks/api/customers.ts';
import { useTiers } from '../../../../hooks/api/program.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';

/** Every move between tiers, newest first, with why (qualified, period ended, refund, recalculation, import). */
export function CustomerTierHistorySection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const history = useTierHistory(customerId);
  const tiers = useTiers();
  const name = (id: string | null) => (id ? (tiers.data?.data.find((tier) => tier.id === id)?.name ?? id) : t('customer.noTier'));
  const columns: Column<TierChange>[] = [
    { header: t('customer.when'), td: { miw: 96 }, cell: (c) => formatDateTime(c.created_at) },
    { header: t('customer.tierMove'), cell: (c) => <bdi>{`${name(c.from_tier_id)} → ${name(c.to_tier_id)}`}</bdi> },
    { header: t('customer.tierReason'), cell: (c) => t(`customer.tierReasons.${c.reason}`) },
    { header: t('customer.metric'), align: 'end', cell: (c) => formatNumber(c.metric_value) },
  ];
  return (
    <Section id="customer-tier-history" title={t('customer.tierHistory')}>
      <Paper withBorder>
        <QueryState isPending={history.isPending || tiers.isPending} error={history.error ?? tiers.error}>
          {() => (history.data!.data.length === 0 ? <EmptyState title={t('customer.noTierChanges')}>{t('customer.noTierChangesBody')}</EmptyState> : <DataTable rows={history.data!.data} rowKey={(c) => c.id} columns={columns} minWidth={480} />)}
        </QueryState>
      </Paper>
    </Section>
  );
}
