import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { ErrorAlert } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useSettlement, type Settlement } from '../../../hooks/api/catalog.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';
import { periodRange } from '../../../lib/period.ts';

type Store = Settlement['stores'][number];

/** A coalition's partner stores over the last 30 days: points issued and redeemed at each, and what each is owed or owes. Shown only when the program has partners. */
export function PartnersSection() {
  const { t } = useTranslation();
  const settlement = useSettlement(periodRange('30d'));
  if (settlement.error) return <ErrorAlert error={settlement.error} />;
  if (!settlement.data || settlement.data.stores.length < 2) return null;
  const s = settlement.data;
  const columns: Column<Store>[] = [
    { header: t('partners.store'), td: { fw: 500 }, cell: (store) => <bdi>{store.name}</bdi> },
    { header: t('partners.issued'), align: 'end', cell: (store) => formatNumber(store.points_issued) },
    { header: t('partners.redeemed'), align: 'end', cell: (store) => formatNumber(store.points_redeemed) },
    { header: t('partners.net'), align: 'end', td: (store) => ({ c: store.net_amount < 0 ? 'red.8' : undefined, fw: 600 }), cell: (store) => formatMoney(store.net_amount, s.currency) },
  ];
  return (
    <Section id="partners-title" title={t('partners.title')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('partners.description', { value: formatMoney(s.point_value_per_1000, s.currency) })}
      </Text>
      <Paper withBorder>
        <DataTable rows={s.stores} rowKey={(store) => store.store_id} columns={columns} minWidth={480} />
      </Paper>
    </Section>
  );
}
