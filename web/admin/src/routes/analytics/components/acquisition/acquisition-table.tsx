import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import type { AcquisitionMonth, AcquisitionReport } from '../../../../hooks/api/acquisition.ts';
import { formatMoney, formatMonth, formatNumber, isolate } from '../../../../lib/format.ts';

const NONE = '—';

/** Per month of first order: who was won, what it cost each, what they have been worth since (and are predicted to be), and when they paid it back. */
export function AcquisitionTable({ report }: { report: AcquisitionReport }) {
  const { t } = useTranslation();
  const money = (minor: number | null) => (minor === null ? NONE : formatMoney(minor, report.currency));
  const ratio = (x: number | null) => (x === null ? NONE : formatNumber(Math.round(x * 10) / 10));
  // Under 1, the month's customers have not yet been worth what they cost.
  const short = (x: number | null) => (x !== null && x < 1 ? { c: 'red.8', fw: 600 } : {});
  const payback = (m: AcquisitionMonth) => {
    if (m.cac === null) return NONE;
    if (m.months_to_payback === null) return t('acquisition.notYet');
    if (m.months_to_payback === 0) return t('acquisition.sameMonth');
    return t('acquisition.months', { count: m.months_to_payback, formatted: formatNumber(m.months_to_payback) });
  };
  const nowrap = { style: { whiteSpace: 'nowrap' as const } };
  const columns: Column<AcquisitionMonth>[] = [
    {
      header: t('acquisition.month'),
      cell: (m) => (
        <>
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {formatMonth(m.month)}
          </Text>
          {/* On a phone the new customers and the spend are under the month, not in columns of their own. */}
          <Text size="xs" c="dimmed" hiddenFrom="sm">
            {t('acquisition.newOnPhone', { count: m.new_customers, formatted: formatNumber(m.new_customers) })}
          </Text>
          {m.spend !== null && (
            <Text size="xs" c="dimmed" hiddenFrom="md">
              {t('acquisition.spentOnPhone', { amount: isolate(money(m.spend)) })}
            </Text>
          )}
        </>
      ),
    },
    { header: t('acquisition.newCustomers'), align: 'end', visibleFrom: 'sm', cell: (m) => formatNumber(m.new_customers) },
    { header: t('acquisition.spend'), align: 'end', visibleFrom: 'md', td: nowrap, cell: (m) => money(m.spend) },
    { header: t('acquisition.cac'), align: 'end', td: (m) => ({ ...nowrap, fw: m.cac === null ? undefined : 600 }), cell: (m) => money(m.cac) },
    { header: t('acquisition.valueToDate'), align: 'end', visibleFrom: 'md', td: nowrap, cell: (m) => money(m.value_to_date) },
    { header: t('acquisition.predictedValue'), align: 'end', visibleFrom: 'md', td: nowrap, cell: (m) => money(m.predicted_value) },
    {
      header: t('acquisition.clvToCac'),
      align: 'end',
      td: (m) => short(m.clv_to_cac),
      cell: (m) => (
        <>
          {ratio(m.clv_to_cac)}
          {m.predicted_clv_to_cac !== null && (
            <Text size="xs" c="dimmed" fw={400} hiddenFrom="sm">
              {t('acquisition.predictedOnPhone', { ratio: isolate(ratio(m.predicted_clv_to_cac)) })}
            </Text>
          )}
        </>
      ),
    },
    { header: t('acquisition.predictedClvToCac'), align: 'end', visibleFrom: 'sm', td: (m) => short(m.predicted_clv_to_cac), cell: (m) => ratio(m.predicted_clv_to_cac) },
    { header: t('acquisition.payback'), align: 'end', cell: payback },
  ];
  return <DataTable rows={report.months} rowKey={(m) => m.month} columns={columns} minWidth={320} />;
}
