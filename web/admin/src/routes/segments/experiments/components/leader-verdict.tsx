import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Experiment } from '../../../../hooks/api/experiments.ts';
import { isolate } from '../../../../lib/format.ts';
import { isFinal, leaderOf } from '../experiment-figures.ts';

/** Which variant leads on the metric, and whether its lift's interval leaves 0 out: a clear winner (so far, while the window runs), or not clear yet. */
export function LeaderVerdict({ experiment: e, size = 'sm' }: { experiment: Experiment; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const leader = leaderOf(e);
  const final = isFinal(e);
  if (!leader)
    return (
      <Text size={size} c="dimmed">
        {t(final ? 'experiments.noLeader' : 'experiments.noLeaderYet')}
      </Text>
    );
  const verdict = leader.clear ? (final ? 'experiments.clear' : 'experiments.clearSoFar') : final ? 'experiments.notClear' : 'experiments.notClearYet';
  return (
    <Group gap={6} wrap="wrap" align="center">
      <Text size={size} fw={600}>
        {t('experiments.leads', { name: isolate(e.variants[leader.index]!.name) })}
      </Text>
      <Badge variant={leader.clear ? 'filled' : 'light'} color={leader.clear ? 'green.8' : 'gray'} size={size}>
        {t(verdict)}
      </Badge>
    </Group>
  );
}
