import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import { useCustomerTransactions, type Transaction } from '../../../../hooks/api/customers.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** Every change of points, newest first, each with the engine's explanation of why. */
export function CustomerLedgerSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const transactions = useCustomerTransactions(customerId, cursor.cursor);
  const columns: Column<Transaction>[] = [
    { header: t('customer.when'), td: { miw: 96 }, cell: (tx) => formatDateTime(tx.occurred_at) },
    {
      header: t('customer.what'),
      cell: (tx) => (
        <>
          <Text size="sm">
            <bdi>{tx.explanation}</bdi>
          </Text>
          <Text size="xs" c="dimmed" dir="ltr" style={{ textAlign: 'start' }}>
            {tx.code}
            {tx.actor ? ` · ${tx.actor}` : ''}
          </Text>
        </>
      ),
    },
    { header: t('customer.points'), align: 'end', td: (tx) => ({ fw: 600, c: tx.points < 0 ? 'red.8' : undefined }), cell: (tx) => <span dir="ltr">{signed(tx.points)}</span> },
    { header: t('customer.pending'), align: 'end', cell: (tx) => <span dir="ltr">{tx.points_pending ? signed(tx.points_pending) : '—'}</span> },
  ];
  return (
    <Section id="customer-ledger" title={t('customer.ledger')}>
      <Paper withBorder>
        <QueryState isPending={transactions.isPending} error={transactions.error}>
          {() => {
            const list = transactions.data!;
            if (list.data.length === 0) return <EmptyState title={t('customer.ledgerEmpty')}>{t('customer.ledgerEmptyBody')}</EmptyState>;
            return (
              <>
                <DataTable rows={list.data} rowKey={(tx) => tx.id} columns={columns} minWidth={420} />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
