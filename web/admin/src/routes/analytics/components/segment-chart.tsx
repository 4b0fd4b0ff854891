import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table, useDirection, VisuallyHidden } from '@mantine/core';
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
      <VisuallyHidden>
        <Table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.segment')}</th>
              <th scope="col">{t('analytics.customers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{formatNumber(r.customers)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}
