import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { ChartTable } from '../../../components/common/chart-table.tsx';
import { useTranslation } from 'react-i18next';
import type { RetentionReport } from '../../../hooks/api/analytics.ts';
import { formatMonth, formatNumber, formatPercent } from '../../../lib/format.ts';

/** The share of each month's customers who ordered again the next month, and the table behind it. */
export default function RetentionChart({ months }: { months: RetentionReport['retention'] }) {
  const { t } = useTranslation();
  const rtl = useDirection().dir === 'rtl';
  const rows = months.map((m) => ({ label: formatMonth(m.month), retention: Math.round((m.retention_rate ?? 0) * 1000) / 10, customers: m.customers, returned: m.returned_next_month ?? 0 }));
  return (
    <>
      <div aria-hidden="true">
        <LineChart
          h={280}
          data={rows}
          dataKey="label"
          series={[{ name: 'retention', label: t('analytics.retentionRate'), color: 'blue.7' }]}
          valueFormatter={(v) => formatPercent(v / 100)}
          xAxisProps={{ reversed: rtl }}
          yAxisProps={{ domain: [0, 100], orientation: rtl ? 'right' : 'left' }}
          curveType="monotone"
          tickLine="y"
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <ChartTable
        caption={t('analytics.retention')}
        rowHeader={t('analytics.month')}
        rows={rows}
        columns={[
          { label: t('analytics.customers'), value: (r) => formatNumber(r.customers) },
          { label: t('analytics.returned'), value: (r) => formatNumber(r.returned) },
          { label: t('analytics.retentionRate'), value: (r) => formatPercent(r.retention / 100) },
        ]}
      />
    </>
  );
}
