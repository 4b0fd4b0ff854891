import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { ChartTable } from '../../../components/common/chart-table.tsx';
import { useTranslation } from 'react-i18next';
import type { Economics } from '../../../hooks/api/analytics.ts';
import { formatDate, formatMonth, formatNumber } from '../../../lib/format.ts';

type Bucket = Economics & { label: string };

/** The bars, and the same figures as a table for screen readers. */
export default function PointsChart({ data, weekly }: { data: Bucket[]; weekly: boolean }) {
  const { t } = useTranslation();
  // Right to left, time runs from the right and the values' axis stands on the right.
  const rtl = useDirection().dir === 'rtl';
  const rows = data.map((b) => ({
    label: weekly ? formatDate(b.label) : formatMonth(b.label.slice(0, 7)),
    issued: b.points_issued,
    redeemed: b.points_redeemed,
    expired: b.points_expired,
  }));
  const series = [
    { name: 'issued', label: t('home.issued'), color: 'blue.7' },
    { name: 'redeemed', label: t('home.redeemed'), color: 'teal.7' },
    { name: 'expired', label: t('home.expired'), color: 'orange.7' },
  ];
  return (
    <>
      <div aria-hidden="true">
        <BarChart
          h={280}
          data={rows}
          dataKey="label"
          series={series}
          withLegend
          valueFormatter={formatNumber}
          tickLine="y"
          barChartProps={{ accessibilityLayer: false }}
          xAxisProps={{ reversed: rtl }}
          yAxisProps={{ orientation: rtl ? 'right' : 'left' }}
        />
      </div>
      <ChartTable caption={t('home.points')} rowHeader={t('home.period')} rows={rows} columns={series.map((s) => ({ label: s.label, value: (r: (typeof rows)[number]) => formatNumber(r[s.name as 'issued' | 'redeemed' | 'expired']) }))} />
    </>
  );
}
