import { Button, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { useAcquisitionCosts, useDeleteAcquisitionCost, type AcquisitionCost } from '../../../../hooks/api/acquisition.ts';
import { formatMoney, formatMonth } from '../../../../lib/format.ts';

/** The spend recorded, newest month first, each on its channel (or on none); a figure entered by mistake can be taken out. */
export function RecordedCosts({ currency, mayChange }: { currency: string; mayChange: boolean }) {
  const { t } = useTranslation();
  const costs = useAcquisitionCosts();
  const remove = useDeleteAcquisitionCost();
  const key = (c: { month: string; channel: string }) => `${c.month} ${c.channel}`;
  const named = (c: AcquisitionCost) => (c.channel ? `${formatMonth(c.month)}, ${c.channel}` : formatMonth(c.month));
  const onDelete = (c: AcquisitionCost) => {
    if (window.confirm(t('acquisition.confirmDelete', { name: named(c) }))) remove.mutate({ month: c.month, channel: c.channel });
  };
  const columns: Column<AcquisitionCost>[] = [
    { header: t('acquisition.month'), td: { style: { whiteSpace: 'nowrap' } }, cell: (c) => formatMonth(c.month) },
    { header: t('acquisition.channel'), td: { style: { overflowWrap: 'anywhere' } }, cell: (c) => (c.channel ? <bdi>{c.channel}</bdi> : <Text span size="sm" c="dimmed">{t('acquisition.allChannels')}</Text>) },
    { header: t('acquisition.amount'), align: 'end', td: { style: { whiteSpace: 'nowrap' } }, cell: (c) => formatMoney(c.amount, currency) },
    ...(mayChange
      ? [
          {
            header: t('common.actions'),
            hideHeader: true,
            td: { ta: 'end' as const },
            cell: (c: AcquisitionCost) => (
              <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables !== undefined && key(remove.variables) === key(c)} onClick={() => onDelete(c)} aria-label={t('acquisition.deleteNamed', { name: named(c) })}>
                {t('acquisition.delete')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Paper withBorder>
      <Title order={3} size="h5" p="md" pb={0}>
        {t('acquisition.recorded')}
      </Title>
      {remove.error && <ErrorAlert error={remove.error} title={t('acquisition.notDeleted')} />}
      <QueryState isPending={costs.isPending} error={costs.error}>
        {() =>
          costs.data!.data.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t('acquisition.noneRecorded')}
            </Text>
          ) : (
            <DataTable rows={costs.data!.data} rowKey={key} columns={columns} minWidth={300} />
          )
        }
      </QueryState>
    </Paper>
  );
}
