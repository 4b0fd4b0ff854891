import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { Section } from '../../../components/common/section.tsx';
import type { NpsReport } from '../../../hooks/api/surveys.ts';
import { formatNumber, formatPercent } from '../../../lib/format.ts';
import { RFM_SEGMENTS } from '../../../lib/rfm.ts';
import { formatInterval, formatNps } from '../nps-format.ts';

type Segment = NpsReport['by_segment'][number];
const isRfm = (key: string): key is (typeof RFM_SEGMENTS)[number] => (RFM_SEGMENTS as readonly string[]).includes(key);

/** The NPS of the customers of each RFM segment and each saved segment (as they are today) who answered. */
export function NpsBySegmentSection({ segments }: { segments: Segment[] }) {
  const { t } = useTranslation();
  const share = (n: number, of: number) => formatPercent(n / of, 0);
  const columns: Column<Segment>[] = [
    {
      header: t('surveys.segmentColumn'),
      td: { miw: 160 },
      cell: (s) => (
        <>
          <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{isRfm(s.segment) ? t(`analytics.segments.${s.segment}`) : s.name}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {isRfm(s.segment) ? t('surveys.rfmSegment') : t('surveys.savedSegment')}
          </Text>
        </>
      ),
    },
    { header: t('surveys.answers'), align: 'end', cell: (s) => formatNumber(s.responses) },
    { header: t('surveys.promotersShort'), align: 'end', visibleFrom: 'sm', cell: (s) => share(s.promoters, s.responses) },
    { header: t('surveys.detractorsShort'), align: 'end', visibleFrom: 'sm', cell: (s) => share(s.detractors, s.responses) },
    { header: t('surveys.nps'), align: 'end', td: { fw: 600 }, cell: (s) => formatNps(s.nps) },
    { header: t('surveys.intervalHeader'), visibleFrom: 'xs', td: { c: 'dimmed', fz: 'sm' }, cell: (s) => formatInterval(t, s, true) },
  ];
  return (
    <Section id="nps-segment-title" title={t('surveys.bySegment')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('surveys.bySegmentDescription')}
      </Text>
      <Paper withBorder>
        {segments.length === 0 ? (
          <Text c="dimmed" p="md">
            {t('surveys.noSegments')}
          </Text>
        ) : (
          <DataTable rows={segments} rowKey={(s) => s.segment} columns={columns} minWidth={320} aria-labelledby="nps-segment-title" />
        )}
      </Paper>
    </Section>
  );
}
