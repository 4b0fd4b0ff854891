import { Badge, Button, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import { useCustomerRedemptions, useVoidRedemption, type Redemption } from '../../../../hooks/api/redemptions.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';

const STATUS_COLOR: Record<Redemption['status'], string> = { reserved: 'blue', used: 'green', voided: 'gray', expired: 'orange' };

/** The customer's reward codes; a reserved one can be voided, which gives the points back. */
export function CustomerRedemptionsSection({ customerId, mayVoid }: { customerId: string; mayVoid: boolean }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const redemptions = useCustomerRedemptions(customerId, cursor.cursor);
  const voidRedemption = useVoidRedemption(customerId);
  const confirmVoid = (r: Redemption) => {
    if (window.confirm(t('redemptions.confirmVoid', { code: r.code ?? r.id, points: t('common.points', { count: r.points, formatted: formatNumber(r.points) }) }))) voidRedemption.mutate({ id: r.id, reason: t('redemptions.voidReason') });
  };
  const columns: Column<Redemption>[] = [
    {
      header: t('redemptions.code'),
      cell: (r) => (
        <Text size="sm" ff="monospace" dir="ltr" style={{ textAlign: 'start' }}>
          {r.code ?? r.id}
        </Text>
      ),
    },
    {
      header: t('redemptions.status'),
      cell: (r) => (
        <Badge variant="light" color={STATUS_COLOR[r.status]}>
          {t(`redemptions.statuses.${r.status}`)}
        </Badge>
      ),
    },
    { header: t('redemptions.points'), align: 'end', cell: (r) => formatNumber(r.points) },
    { header: t('redemptions.created'), td: { style: { whiteSpace: 'nowrap' } }, cell: (r) => formatDateTime(r.created_at) },
    {
      header: t('common.actions'),
      hideHeader: true,
      td: { ta: 'end' },
      cell: (r) =>
        mayVoid &&
        r.status === 'reserved' && (
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={voidRedemption.isPending && voidRedemption.variables?.id === r.id}
            onClick={() => confirmVoid(r)}
            aria-label={t('redemptions.voidLabel', { code: r.code ?? r.id })}
          >
            {t('redemptions.void')}
          </Button>
        ),
    },
  ];
  return (
    <Section id="customer-redemptions" title={t('redemptions.title')}>
      {voidRedemption.error && <ErrorAlert error={voidRedemption.error} />}
      <Paper withBorder>
        <QueryState isPending={redemptions.isPending} error={redemptions.error}>
          {() => {
            const list = redemptions.data!;
            if (list.data.length === 0) return <EmptyState title={t('redemptions.empty')}>{t('redemptions.emptyBody')}</EmptyState>;
            return (
              <>
                <DataTable rows={list.data} rowKey={(r) => r.id} columns={columns} />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
