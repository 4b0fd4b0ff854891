import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayRange } from '../../../hooks/api/surveys.ts';
import { formatMonth } from '../../../lib/format.ts';
import { formatNps } from '../nps-format.ts';

/** Every month of the range, `YYYY-MM`, the first and the last included. */
function monthsOf(range: DayRange): string[] {
  const months: string[] = [];
  const last = new Date(Date.parse(`${range.to}T00:00:00Z`) - 86_400_000);
  for (const at = new Date(`${range.from.slice(0, 7)}-01T00:00:00Z`); at <= last; at.setUTCMonth(at.getUTCMonth() + 1)) months.push(at.toISOString().slice(0, 7));
  return months;
}

/**
 * The NPS of each month of the range as a line from −100 to 100 around zero, months without answers
 * bridged (so that the spacing is time's); the table beside it says the same to everyone.
 */
export default function NpsChart({ months, range }: { months: { month: string; nps: number | null }[]; range: DayRange }) {
  const { t } = useTranslation();
  const rtl = useDirection().dir === 'rtl';
  const nps = new Map(months.map((m) => [m.month, m.nps]));
  const rows = monthsOf(range).map((month) => ({ label: formatMonth(month), nps: nps.get(month) ?? null }));
  return (
    <div aria-hidden="true">
      <LineChart
        h={260}
        data={rows}
        dataKey="label"
        series={[{ name: 'nps', label: t('surveys.nps'), color: 'blue.7' }]}
        valueFormatter={(v) => formatNps(v)}
        xAxisProps={{ reversed: rtl }}
        yAxisProps={{ domain: [-100, 100], ticks: [-100, -50, 0, 50, 100], orientation: rtl ? 'right' : 'left' }}
        referenceLines={[{ y: 0, color: 'gray.6' }]}
        connectNulls
        curveType="monotone"
        tickLine="y"
        lineChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}
