import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { ChartTable } from '../../../components/common/chart-table.tsx';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';

/** Customers per segment as bars, and the same figures as a table for screen readers. */
export default function SegmentChart({ rows, caption }: { rows: { label: string; customers: number }[]; caption: string }) {
  const { t } = useTranslation();
  const rtl = useDirection().dir === 'rtl';
  return (
    <>
      {/* SVG text anchors follow the page's direction: laid out left to right, mirrored by the axes. */}
      <div aria-hidden="true" dir="ltr">
        <BarChart
          h={Math.max(240, rows.length * 30)}
          data={rows}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'customers', label: t('analytics.customers'), color: 'blue.7' }]}
          valueFormatter={formatNumber}
          xAxisProps={{ reversed: rtl }}
          yAxisProps={{ width: 140, orientation: rtl ? 'right' : 'left', tick: { textAnchor: rtl ? 'start' : 'end', fontSize: 12 }, interval: 0 }}
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <ChartTable caption={caption} rowHeader={t('analytics.segment')} rows={rows} columns={[{ label: t('analytics.customers'), value: (r) => formatNumber(r.customers) }]} />
    </>
  );
}
