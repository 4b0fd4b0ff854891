import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { useCustomerTransactions } from '../../../../hooks/api/customers.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : formatNumber(n));

/** Every change of points, newest first, each with the engine's explanation of why. */
export function CustomerLedgerSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const transactions = useCustomerTransactions(customerId, cursor.cursor);
  return (
    <section aria-labelledby="customer-ledger">
      <Title order={2} size="h3" id="customer-ledger" mb="sm">
        {t('customer.ledger')}
      </Title>
      <Paper withBorder>
        <QueryState isPending={transactions.isPending} error={transactions.error}>
          {() => {
            const list = transactions.data!;
            if (list.data.length === 0) return <EmptyState title={t('customer.ledgerEmpty')}>{t('customer.ledgerEmptyBody')}</EmptyState>;
            return (
              <>
                <Table.ScrollContainer minWidth={420} type="native" tabIndex={0}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('customer.when')}</Table.Th>
                        <Table.Th scope="col">{t('customer.what')}</Table.Th>
                        <Table.Th scope="col" ta="end">{t('customer.points')}</Table.Th>
                        <Table.Th scope="col" ta="end">{t('customer.pending')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.data.map((tx) => (
                        <Table.Tr key={tx.id}>
                          <Table.Td miw={96}>{formatDateTime(tx.occurred_at)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              <bdi>{tx.explanation}</bdi>
                            </Text>
                            <Text size="xs" c="dimmed" dir="ltr" style={{ textAlign: 'start' }}>
                              {tx.code}
                              {tx.actor ? ` · ${tx.actor}` : ''}
                            </Text>
                          </Table.Td>
                          <Table.Td ta="end" fw={600} c={tx.points < 0 ? 'red.8' : undefined}>
                            <span dir="ltr">{signed(tx.points)}</span>
                          </Table.Td>
                          <Table.Td ta="end">
                            <span dir="ltr">{tx.points_pending ? signed(tx.points_pending) : '—'}</span>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </section>
  );
}
