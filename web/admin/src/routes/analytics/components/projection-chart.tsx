import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { ChartTable } from '../../../components/common/chart-table.tsx';
import { useTranslation } from 'react-i18next';
import type { Projection } from '../../../hooks/api/analytics.ts';
import { formatMoney, formatNumber } from '../../../lib/format.ts';

/** Revenue month by month on both paths, and the same figures as a table for screen readers. */
export default function ProjectionChart({ projection, currency }: { projection: Projection; currency: string }) {
  const { t } = useTranslation();
  const rtl = useDirection().dir === 'rtl';
  const higher = projection.at_higher_retention;
  const rows = projection.at_current_retention.by_month.map((m, i) => ({ label: t('analytics.monthOffset', { offset: formatNumber(m.month) }), current: m.revenue, higher: higher.by_month[i]?.revenue ?? 0 }));
  const money = (minor: number) => formatMoney(minor, currency);
  const series = [
    { name: 'current', label: t('analytics.atCurrent'), color: 'gray.7' },
    { name: 'higher', label: t('analytics.atHigher', { points: formatNumber(higher.uplift_points) }), color: 'teal.8' },
  ];
  return (
    <>
      <div aria-hidden="true">
        <LineChart h={280} data={rows} dataKey="label" series={series} valueFormatter={money} withLegend xAxisProps={{ reversed: rtl }} yAxisProps={{ width: 90, orientation: rtl ? 'right' : 'left' }} curveType="monotone" lineChartProps={{ accessibilityLayer: false }} />
      </div>
      <ChartTable caption={t('analytics.projection')} rowHeader={t('analytics.month')} rows={rows} columns={series.map((s) => ({ label: s.label, value: (r: (typeof rows)[number]) => money(r[s.name as 'current' | 'higher']) }))} />
    </>
  );
}
