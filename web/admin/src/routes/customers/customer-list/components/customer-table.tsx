import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, type useCursor } from '../../../../components/common/cursor-pager.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { useCustomers, type CustomerFilter, type CustomerListItem } from '../../../../hooks/api/customers.ts';
import { formatDate, formatMoney, formatNumber } from '../../../../lib/format.ts';

const displayName = (c: CustomerListItem) => [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.external_id || c.id;

export function CustomerTable({ filter, cursor, searching }: { filter: CustomerFilter; cursor: ReturnType<typeof useCursor>; searching: boolean }) {
  const { t } = useTranslation();
  const customers = useCustomers(filter, cursor.cursor);
  return (
    <QueryState isPending={customers.isPending} error={customers.error}>
      {() => {
        const list = customers.data!;
        if (list.data.length === 0)
          return searching ? (
            <EmptyState title={t('customers.noMatch')}>{t('customers.noMatchBody')}</EmptyState>
          ) : (
            <EmptyState title={t('customers.empty')}>{t('customers.emptyBody')}</EmptyState>
          );
        return (
          <>
            <Table.ScrollContainer minWidth={320} type="native" tabIndex={0}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('customers.customer')}</Table.Th>
                    <Table.Th scope="col" ta="end">{t('customers.points')}</Table.Th>
                    <Table.Th scope="col" ta="end" visibleFrom="sm">{t('customers.orders')}</Table.Th>
                    <Table.Th scope="col" ta="end" visibleFrom="sm">{t('customers.spent')}</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">{t('customers.lastOrder')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${c.id}`} fw={500}>
                          <bdi>{displayName(c)}</bdi>
                        </Anchor>
                        {c.external_id && (
                          <Text size="xs" c="dimmed" dir="ltr">
                            {c.external_id}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="end">{formatNumber(c.points_balance)}</Table.Td>
                      <Table.Td ta="end" visibleFrom="sm">{formatNumber(c.orders_count)}</Table.Td>
                      <Table.Td ta="end" visibleFrom="sm">{formatMoney(c.total_spent, c.currency)}</Table.Td>
                      <Table.Td visibleFrom="sm">{c.last_order_at ? formatDate(c.last_order_at) : '—'}</Table.Td>
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
  );
}
