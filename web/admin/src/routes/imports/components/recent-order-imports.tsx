import { Badge, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/common/data-table.tsx';
import { useOrderImports, type OrderImport } from '../../../hooks/api/imports.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';

const STATUS_COLOR: Record<OrderImport['status'], string> = { queued: 'gray', running: 'blue', done: 'green', failed: 'red' };

/** The last few order imports: when, how they ended, what they brought in. */
export function RecentOrderImports() {
  const { t } = useTranslation();
  const imports = useOrderImports();
  const rows = imports.data?.data ?? [];
  if (rows.length === 0) return null;
  return (
    <>
      <Title order={3} size="h4" mt="lg" mb="xs">
        {t('imports.recent')}
      </Title>
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        minWidth={480}
        columns={[
          { header: t('imports.when'), cell: (r) => formatDateTime(r.created_at) },
          { header: t('imports.status'), cell: (r) => <Badge color={STATUS_COLOR[r.status]} variant="light">{t(`imports.statuses.${r.status}`)}</Badge> },
          { header: t('imports.ordersImported'), align: 'end', cell: (r) => formatNumber(r.orders_imported) },
          { header: t('imports.skipped'), align: 'end', cell: (r) => (r.skipped ? <Text span c="orange.8" size="sm">{formatNumber(r.skipped)}</Text> : '0') },
        ]}
      />
    </>
  );
}
