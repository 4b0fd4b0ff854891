import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { useRetentionReport } from '../../../hooks/api/analytics.ts';
import { formatMonth, formatNumber, formatPercent } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';

const OFFSETS = 12;
// Light enough at its darkest for dark text to keep a 4.5:1 contrast (WCAG AA).
const shade = (share: number) => `rgba(34, 139, 230, ${(Math.min(1, share * 2) * 0.55).toFixed(3)})`;

/** Each month's new customers and the share of them who ordered again 1, 2, … months later: a heatmap in a table. */
export function CohortSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const report = useRetentionReport(periodRange(period));
  return (
    <Section id="cohorts-title" title={t('analytics.cohorts')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('analytics.cohortsDescription')}
      </Text>
      <Paper withBorder>
        <QueryState isPending={report.isPending} error={report.error}>
          {() => {
            const cohorts = report.data!.cohorts.filter((c) => c.customers > 0);
            if (cohorts.length === 0) return <EmptyState title={t('analytics.cohortsEmpty')}>{t('analytics.retentionEmptyBody')}</EmptyState>;
            const offsets = Array.from({ length: OFFSETS }, (_, i) => i + 1);
            return (
              <Table.ScrollContainer minWidth={760} type="native" tabIndex={0}>
                <Table withColumnBorders fz="xs" verticalSpacing={4} horizontalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('analytics.cohort')}</Table.Th>
                      <Table.Th scope="col" ta="end">
                        {t('analytics.customers')}
                      </Table.Th>
                      {offsets.map((o) => (
                        <Table.Th key={o} scope="col" ta="center">
                          {t('analytics.monthOffset', { offset: formatNumber(o) })}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {cohorts.map((c) => (
                      <Table.Tr key={c.cohort}>
                        <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                          {formatMonth(c.cohort)}
                        </Table.Th>
                        <Table.Td ta="end">{formatNumber(c.customers)}</Table.Td>
                        {offsets.map((o) => {
                          const month = c.months.find((m) => m.offset === o);
                          return (
                            <Table.Td key={o} ta="center" style={month ? { background: shade(month.share_returning) } : undefined}>
                              {month ? formatPercent(month.share_returning, 0) : ''}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
