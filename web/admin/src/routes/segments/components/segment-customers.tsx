import { Anchor, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, useCursor } from '../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { ExportButton } from '../../../components/common/export-button.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { segmentExportUrl, useSegmentCustomers, type Segment, type SegmentCustomer } from '../../../hooks/api/segments.ts';
import { formatMoney, formatNumber, isolate } from '../../../lib/format.ts';

const displayName = (c: SegmentCustomer) => [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email || c.external_id || c.id;

/** Who is in the segment now, newest first, each a link to their page; the same list as CSV. */
export function SegmentCustomers({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const customers = useSegmentCustomers(segment.id, cursor.cursor);
  const columns: Column<SegmentCustomer>[] = [
    {
      header: t('customers.customer'),
      td: { miw: 180 },
      cell: (c) => (
        <>
          <Anchor component={Link} to={`/customers/${c.id}`} fw={500} style={{ overflowWrap: 'anywhere' }}>
            <bdi>{displayName(c)}</bdi>
          </Anchor>
          {c.email && displayName(c) !== c.email && (
            <Text size="xs" c="dimmed" dir="ltr" ta="start" style={{ overflowWrap: 'anywhere' }}>
              {c.email}
            </Text>
          )}
          {/* On a phone the orders and the money spent are under the name, not in columns of their own. */}
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {t('segments.memberOrders', { count: c.orders_count, formatted: formatNumber(c.orders_count), spent: isolate(formatMoney(c.total_spent, c.currency)) })}
          </Text>
        </>
      ),
    },
    { header: t('customers.points'), align: 'end', cell: (c) => formatNumber(c.points_balance) },
    { header: t('customers.orders'), align: 'end', visibleFrom: 'sm', cell: (c) => formatNumber(c.orders_count) },
    { header: t('customers.spent'), align: 'end', visibleFrom: 'sm', cell: (c) => formatMoney(c.total_spent, c.currency) },
  ];
  return (
    <Section id="segment-customers-title" title={t('segments.customersOf', { name: isolate(segment.name) })} actions={<ExportButton url={segmentExportUrl(segment.id)} filename={`segment-${segment.id}.csv`} label={t('segments.export')} />}>
      <Paper withBorder>
        <QueryState isPending={customers.isPending} error={customers.error}>
          {() => {
            const list = customers.data!;
            if (list.data.length === 0) return <EmptyState title={t('segments.noCustomers')}>{t('segments.noCustomersBody')}</EmptyState>;
            return (
              <>
                <DataTable rows={list.data} rowKey={(c) => c.id} columns={columns} minWidth={320} striped highlightOnHover />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
