import { Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Experiment } from '../../../../../hooks/api/experiments.ts';
import { formatNumber, formatPercent, isolate } from '../../../../../lib/format.ts';
import { verdictOf, type Verdict } from '../../experiment-figures.ts';
import { useExperimentWords } from '../../experiment-words.ts';
import { IntervalBar } from './interval-bar.tsx';

const VERDICTS: Record<Verdict, string> = { better: 'experiments.verdicts.better', worse: 'experiments.verdicts.worse', unclear: 'experiments.verdicts.unclear' };
const COLORS: Record<Verdict, string> = { better: 'green.8', worse: 'red.8', unclear: 'dimmed' };

interface VariantCardProps {
  experiment: Experiment;
  index: number;
  /** The lifts' common scale, 0 within it. */
  scale: { low: number; high: number };
}

/** One variant: its offer and members, its figure with the 95% interval, and (after the first) its lift against the first with that interval. */
export function VariantCard({ experiment: e, index, scale }: VariantCardProps) {
  const { t } = useTranslation();
  const words = useExperimentWords();
  const titleId = useId();
  const v = e.variants[index]!;
  const verdict = v.lift && verdictOf(v.lift);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            <bdi>{v.name}</bdi>
          </Title>
          {index === 0 && (
            <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
              {t('experiments.baseline')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t(v.reward_id ? 'experiments.rewardOffer' : 'experiments.ruleOffer', { name: isolate(words.offer(v)) })}
        </Text>
        <Text size="sm">{t('experiments.membersShare', { count: v.members, formatted: formatNumber(v.members), share: isolate(formatPercent((e.split[index] ?? 0) / 100, 0)) })}</Text>
        <div>
          <Text size="xs" c="dimmed">
            {words.metric(e)}
          </Text>
          <Text fz={28} fw={700} lh={1.2}>
            {words.value(e, v.value)}
          </Text>
          <Text size="xs" c="dimmed">
            {words.valueInterval(e, v.ci95)}
          </Text>
        </div>
        <Divider />
        {v.lift && verdict ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('experiments.lift')}
            </Text>
            <Text fw={700} size="lg" c={COLORS[verdict]}>
              {words.difference(e, v.lift.difference)}
            </Text>
            <Text size="xs" c="dimmed">
              {words.differenceInterval(e, v.lift.ci95)}
            </Text>
            <IntervalBar interval={v.lift.ci95} point={v.lift.difference} scale={scale} color={COLORS[verdict]} />
            <Text size="sm" fw={600} c={COLORS[verdict]}>
              {t(VERDICTS[verdict])}
            </Text>
          </div>
        ) : (
          <Text size="sm" c="dimmed">
            {t('experiments.baselineHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
