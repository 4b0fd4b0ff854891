import { Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import type { Experiment } from '../../../../../hooks/api/experiments.ts';
import { formatDateTime, formatNumber, formatPercent, isolate } from '../../../../../lib/format.ts';
import { Fact } from '../../../../customers/customer-detail/components/fact.tsx';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge.tsx';
import { LeaderVerdict } from '../../components/leader-verdict.tsx';
import { useExperimentWords } from '../../experiment-words.ts';

/** Where the experiment stands: status, audience, goal, members and split, when it started and stopped, and which variant leads. */
export function ExperimentSummarySection({ experiment: e }: { experiment: Experiment }) {
  const { t } = useTranslation();
  const words = useExperimentWords();
  return (
    <Section id="experiment-summary-title" title={t('experiments.summaryTitle')}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="dl" m={0}>
          <Fact label={t('program.status')} value={<ExperimentStatusBadge status={e.status} />} />
          <Fact label={t('experiments.audience')} value={<bdi>{words.audience(e)}</bdi>} />
          <Fact label={t('experiments.metric')} value={words.metric(e)} />
          <Fact label={t('experiments.members')} value={formatNumber(e.members)} />
          <Fact label={t('experiments.split')} value={e.split.map((share) => isolate(formatPercent(share / 100, 0))).join(' · ')} />
          <Fact label={t('experiments.started')} value={formatDateTime(e.started_at)} />
          <Fact label={e.stopped_at ? t('experiments.stoppedAt') : t('experiments.days')} value={e.stopped_at ? formatDateTime(e.stopped_at) : t('experiments.daysCount', { count: e.days, formatted: formatNumber(e.days) })} />
          <Fact label={t('experiments.leading')} value={<LeaderVerdict experiment={e} />} />
        </SimpleGrid>
      </Paper>
    </Section>
  );
}
