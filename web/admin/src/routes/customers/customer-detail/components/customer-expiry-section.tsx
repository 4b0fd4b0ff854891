import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import type { Customer } from '../../../../hooks/api/customers.ts';
import { formatDate, formatNumber } from '../../../../lib/format.ts';

type Lot = Customer['points_expiry']['lots'][number];

/** When the customer's points expire: each lot still holding points (fixed expiry), or the whole balance (inactivity). */
export function CustomerExpirySection({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const expiry = customer.points_expiry;
  if (expiry.policy === 'none') return null;
  const columns: Column<Lot>[] = [
    { header: t('customer.earnedAt'), cell: (lot) => formatDate(lot.earned_at) },
    { header: t('customer.expiresAt'), cell: (lot) => formatDate(lot.expires_at) },
    { header: t('customer.points'), align: 'end', cell: (lot) => formatNumber(lot.points) },
  ];
  return (
    <Section id="customer-expiry" title={t('customer.expiry')}>
      {expiry.next && (
        <Text mb="sm">
          {t('customer.nextExpiry', { points: t('common.points', { count: expiry.next.points, formatted: formatNumber(expiry.next.points) }), date: formatDate(expiry.next.expires_at) })}
        </Text>
      )}
      <Paper withBorder>{expiry.lots.length === 0 ? <EmptyState title={t('customer.noLots')}>{t(`customer.expiryPolicy.${expiry.policy}`)}</EmptyState> : <DataTable rows={expiry.lots} rowKey={(lot) => lot.earned_at + lot.expires_at} columns={columns} minWidth={360} />}</Paper>
    </Section>
  );
}
