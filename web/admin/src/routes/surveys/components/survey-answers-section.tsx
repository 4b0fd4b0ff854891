import { Anchor, Badge, Box, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CursorPager, useCursor } from '../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { ExportButton } from '../../../components/common/export-button.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { Section } from '../../../components/common/section.tsx';
import { surveyExportUrl, useSurveyResponses, type DayRange, type SurveyResponse } from '../../../hooks/api/surveys.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';

// Dark enough for white text; the category is also written beside the score.
const COLOUR = { promoter: 'teal.9', passive: 'gray.7', detractor: 'red.8' } as const;
const CATEGORY = { promoter: 'surveys.categories.promoter', passive: 'surveys.categories.passive', detractor: 'surveys.categories.detractor' } as const;
const SOURCE = { email: 'surveys.sources.email', widget: 'surveys.sources.widget' } as const;

/** Every customer's answers in the range, newest first: the score by its category, the comment, where it was asked, who; and the CSV. */
export function SurveyAnswersSection({ range }: { range: DayRange }) {
  const { t } = useTranslation();
  const cursor = useCursor();
  const answers = useSurveyResponses(range, cursor.cursor);
  const source = (a: SurveyResponse) => (
    <>
      {t(SOURCE[a.source])}
      {a.campaign_id && (
        <>
          {' · '}
          <Anchor component={Link} to={`/emails/campaigns/${a.campaign_id}`} size="sm">
            {t('surveys.campaign')}
          </Anchor>
        </>
      )}
    </>
  );
  const customer = (a: SurveyResponse) => (
    <Anchor component={Link} to={`/customers/${a.customer_id}`} size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
      {a.email ?? a.customer_id}
    </Anchor>
  );
  const columns: Column<SurveyResponse>[] = [
    {
      header: t('surveys.score'),
      cell: (a) => (
        <Group gap={6} wrap="nowrap">
          <Badge color={COLOUR[a.category]} size="lg" radius="sm" w={42} px={0} style={{ flexShrink: 0 }}>
            {formatNumber(a.score)}
          </Badge>
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t(CATEGORY[a.category])}
          </Text>
        </Group>
      ),
    },
    {
      header: t('surveys.comment'),
      td: { miw: 180 },
      cell: (a) => (
        <>
          {a.comment ? (
            <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
              <bdi>{a.comment}</bdi>
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('surveys.noComment')}
            </Text>
          )}
          {/* On a phone who, where and when are under the comment, not in columns of their own. */}
          <Box hiddenFrom="sm" mt={4}>
            {customer(a)}
            <Text size="xs" c="dimmed">
              {t(CATEGORY[a.category])} · {source(a)} · {formatDateTime(a.answered_at)}
            </Text>
          </Box>
        </>
      ),
    },
    { header: t('surveys.customer'), visibleFrom: 'sm', td: { miw: 150 }, cell: customer },
    { header: t('surveys.source'), visibleFrom: 'sm', td: { fz: 'sm' }, cell: source },
    { header: t('surveys.answeredAt'), visibleFrom: 'sm', td: { fz: 'sm', style: { whiteSpace: 'nowrap' } }, cell: (a) => formatDateTime(a.answered_at) },
  ];
  return (
    <Section id="survey-answers-title" title={t('surveys.latest')} actions={<ExportButton url={surveyExportUrl(range)} filename="survey-responses.csv" label={t('surveys.export')} />}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('surveys.latestDescription')}
      </Text>
      <Paper withBorder>
        <QueryState isPending={answers.isPending} error={answers.error}>
          {() => {
            const list = answers.data!;
            if (list.data.length === 0) return <EmptyState title={t('surveys.noRangeAnswers')}>{t('surveys.noRangeAnswersBody')}</EmptyState>;
            return (
              <>
                <DataTable rows={list.data} rowKey={(a) => a.id} columns={columns} minWidth={320} aria-labelledby="survey-answers-title" striped />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Section>
  );
}
