import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Text, useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartTable } from '../../../components/common/chart-table.tsx';
import type { ClvPrediction } from '../../../hooks/api/analytics.ts';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format.ts';

/** A column chart drawn left to right whatever the page's direction, mirrored by its axis in right-to-left pages. */
function Columns({ rows, name, label, color, format, rtl }: { rows: { label: string; value: number }[]; name: string; label: string; color: string; format: (v: number) => string; rtl: boolean }) {
  return (
    <div aria-hidden="true" dir="ltr">
      <BarChart
        h={220}
        data={rows.map((r) => ({ label: r.label, [name]: r.value }))}
        dataKey="label"
        series={[{ name, label, color }]}
        valueFormatter={format}
        xAxisProps={{ reversed: rtl, interval: 'preserveStartEnd', tick: { fontSize: 11 } }}
        yAxisProps={{ width: 56, orientation: rtl ? 'right' : 'left', tickFormatter: format }}
        barChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}

/** How the predicted value spreads: each tenth of customers' share of it (most valuable first), and customers by their chance of still buying. */
export default function ClvDistributionChart({ clv, currency }: { clv: ClvPrediction; currency: string }) {
  const { t } = useTranslation();
  const rtl = useDirection().dir === 'rtl';
  const deciles = clv.value_by_decile.map((d) => ({ label: t('analytics.decile', { from: formatNumber((d.decile - 1) * 10), to: formatNumber(d.decile * 10) }), value: d.share_of_value, decile: d }));
  const bands = clv.p_alive_bands.map((b) => ({ label: `${formatNumber(Math.round(b.from * 100))}–${formatNumber(Math.round(b.to * 100))}%`, value: b.customers }));
  const share = (v: number) => formatPercent(v, 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('analytics.valueByDecile')}
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('analytics.valueByDecileHint', { share: share(clv.value_by_decile[0]?.share_of_value ?? 0) })}
        </Text>
        <Columns rows={deciles} name="share" label={t('analytics.shareOfValue')} color="teal.8" format={share} rtl={rtl} />
        <ChartTable
          caption={t('analytics.valueByDecile')}
          rowHeader={t('analytics.decileHeader')}
          rows={deciles}
          columns={[
            { label: t('analytics.shareOfValue'), value: (r) => share(r.value) },
            { label: t('analytics.customers'), value: (r) => formatNumber(r.decile.customers) },
            { label: t('analytics.averageValue'), value: (r) => formatMoney(r.decile.average_clv, currency) },
          ]}
        />
      </div>
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('analytics.pAliveBands')}
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('analytics.pAliveBandsHint')}
        </Text>
        <Columns rows={bands} name="customers" label={t('analytics.customers')} color="blue.7" format={formatNumber} rtl={rtl} />
        <ChartTable caption={t('analytics.pAliveBands')} rowHeader={t('analytics.pAlive')} rows={bands} columns={[{ label: t('analytics.customers'), value: (r) => formatNumber(r.value) }]} />
      </div>
    </SimpleGrid>
  );
}
