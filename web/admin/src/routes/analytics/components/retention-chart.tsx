import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Table, useDirection, VisuallyHidden } from '@mantine/core';
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
      <VisuallyHidden>
        <Table>
          <caption>{t('analytics.retention')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.month')}</th>
              <th scope="col">{t('analytics.customers')}</th>
              <th scope="col">{t('analytics.returned')}</th>
              <th scope="col">{t('analytics.retentionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{formatNumber(r.customers)}</td>
                <td>{formatNumber(r.returned)}</td>
                <td>{formatPercent(r.retention / 100)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}
