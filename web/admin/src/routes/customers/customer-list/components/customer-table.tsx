import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, type useCursor } from '../../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { useCustomers, type CustomerFilter, type CustomerListItem } from '../../../../hooks/api/customers.ts';
import { formatDate, formatMoney, formatNumber } from '../../../../lib/format.ts';

const displayName = (c: CustomerListItem) => [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.external_id || c.id;

export function CustomerTable({ filter, cursor, searching }: { filter: CustomerFilter; cursor: ReturnType<typeof useCursor>; searching: boolean }) {
  const { t } = useTranslation();
  const customers = useCustomers(filter, cursor.cursor);
  const columns: Column<CustomerListItem>[] = [
    {
      header: t('customers.customer'),
      cell: (c) => (
        <>
          <Anchor component={Link} to={`/customers/${c.id}`} fw={500}>
            <bdi>{displayName(c)}</bdi>
          </Anchor>
          {c.external_id && (
            <Text size="xs" c="dimmed" dir="ltr">
              {c.external_id}
            </Text>
          )}
        </>
      ),
    },
    { header: t('customers.points'), align: 'end', cell: (c) => formatNumber(c.points_balance) },
    { header: t('customers.orders'), align: 'end', visibleFrom: 'sm', cell: (c) => formatNumber(c.orders_count) },
    { header: t('customers.spent'), align: 'end', visibleFrom: 'sm', cell: (c) => formatMoney(c.total_spent, c.currency) },
    { header: t('customers.lastOrder'), visibleFrom: 'sm', cell: (c) => (c.last_order_at ? formatDate(c.last_order_at) : '—') },
  ];
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
            <DataTable rows={list.data} rowKey={(c) => c.id} columns={columns} minWidth={320} striped highlightOnHover />
            <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
          </>
        );
      }}
    </QueryState>
  );
}
