import { Anchor, Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../../../components/common/data-table.tsx';
import type { Experiment } from '../../../../../hooks/api/experiments.ts';
import { formatDate, formatNumber, isolate } from '../../../../../lib/format.ts';
import { useExperimentWords } from '../../experiment-words.ts';
import { ExperimentStatusBadge } from '../../components/experiment-status-badge.tsx';
import { LeaderVerdict } from '../../components/leader-verdict.tsx';

/** Each experiment: its name and audience, status, metric, members and start, and which variant leads (on a phone, lines under its name). */
export function ExperimentTable({ experiments }: { experiments: Experiment[] }) {
  const { t } = useTranslation();
  const words = useExperimentWords();
  const columns: Column<Experiment>[] = [
    {
      header: t('experiments.experiment'),
      td: { miw: 180 },
      cell: (e) => (
        <Stack gap={2} align="flex-start">
          <Anchor component={Link} to={`/segments/experiments/${e.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            <bdi>{e.name}</bdi>
          </Anchor>
          <Text size="sm">{t('experiments.audienceOf', { name: isolate(words.audience(e)) })}</Text>
          {/* On a phone the metric, the members, the start and the leader are under the name, not in columns of their own. */}
          <Stack hiddenFrom="md" gap={2} mt={2}>
            <Text size="xs" c="dimmed">
              {t('experiments.summaryLine', { metric: words.metric(e), count: e.members, formatted: formatNumber(e.members), started: isolate(formatDate(e.started_at)) })}
            </Text>
            <Box>
              <LeaderVerdict experiment={e} />
            </Box>
          </Stack>
        </Stack>
      ),
    },
    { header: t('program.status'), cell: (e) => <ExperimentStatusBadge status={e.status} /> },
    { header: t('experiments.metric'), visibleFrom: 'md', cell: (e) => words.metric(e) },
    { header: t('experiments.members'), align: 'end', visibleFrom: 'md', cell: (e) => formatNumber(e.members) },
    { header: t('experiments.started'), visibleFrom: 'md', td: { style: { whiteSpace: 'nowrap' } }, cell: (e) => formatDate(e.started_at) },
    { header: t('experiments.leading'), visibleFrom: 'md', td: { miw: 200 }, cell: (e) => <LeaderVerdict experiment={e} /> },
  ];
  return <DataTable rows={experiments} rowKey={(e) => e.id} columns={columns} minWidth={320} />;
}
