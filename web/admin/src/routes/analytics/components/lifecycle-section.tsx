import { Paper, Progress, Stack, Text, Title, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/common/query-state.tsx';
import { useRetentionReport, type LifecycleStage } from '../../../hooks/api/analytics.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { periodRange, type Period } from '../../../lib/period.ts';
import { MovementTable } from './movement-table.tsx';

const STAGES: LifecycleStage[] = ['new', 'one_time', 'repeat', 'loyal', 'at_risk', 'lapsed'];
const COLORS: Record<LifecycleStage, string> = { new: 'cyan.8', one_time: 'blue.8', repeat: 'indigo.8', loyal: 'green.8', at_risk: 'orange.8', lapsed: 'red.8' };

/** Where customers stand at the end of the period: new, one-time, repeat, loyal, at risk, lapsed. */
export function LifecycleSection({ period }: { period: Period }) {
  const { t } = useTranslation();
  const report = useRetentionReport(periodRange(period));
  return (
    <section aria-labelledby="lifecycle-title">
      <Title order={2} size="h3" id="lifecycle-title" mb="sm">
        {t('analytics.lifecycle')}
      </Title>
      <Paper withBorder p="md">
        <QueryState isPending={report.isPending} error={report.error}>
          {() => {
            const { at_to: stages, at_from: before, movement } = report.data!.lifecycle;
            const total = STAGES.reduce((sum, s) => sum + stages[s], 0) || 1;
            return (
              <Stack gap="sm">
                {STAGES.map((stage) => (
                  <div key={stage}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={500}>
                        {t(`stages.${stage}`)}
                      </Text>
                      <Text size="sm">
                        {t('analytics.stageCount', { customers: formatNumber(stages[stage]), share: formatPercent(stages[stage] / total), before: formatNumber(before[stage]) })}
                      </Text>
                    </Group>
                    <Progress.Root mt={4}>
                      <Progress.Section value={(100 * stages[stage]) / total} color={COLORS[stage]} aria-label={t(`stages.${stage}`)} />
                    </Progress.Root>
                  </div>
                ))}
                <MovementTable moves={movement} nameOf={(stage) => t(`stages.${stage}`)} />
              </Stack>
            );
          }}
        </QueryState>
      </Paper>
    </section>
  );
}
