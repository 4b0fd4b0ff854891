import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { EmptyState, QueryState } from '../../components/common/query-state.tsx';
import { useAnyAnswer, useNpsReport, type DayRange } from '../../hooks/api/surveys.ts';
import { NoAnswersYet } from './components/no-answers-yet.tsx';
import { NpsByMonthSection } from './components/nps-by-month-section.tsx';
import { NpsBySegmentSection } from './components/nps-by-segment-section.tsx';
import { NpsSummary } from './components/nps-summary.tsx';
import { SurveyAnswersSection } from './components/survey-answers-section.tsx';
import { SurveyFilters } from './components/survey-filters.tsx';
import { apiRange, shownDates } from './survey-range.ts';

/** How likely customers are to recommend the store (NPS) over a range, by month and by segment, and what they said. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const shown = shownDates(params);
  const segmentId = params.get('segment') || null;
  const change = (next: { from?: string; to?: string; segment?: string }) => {
    const merged = { ...shown, segment: segmentId ?? '', ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)), { replace: true });
  };
  const range = apiRange(shown);
  return (
    <>
      <PageHeader title={t('surveys.title')} description={t('surveys.description')} />
      <Stack gap="lg">
        <SurveyFilters shown={shown} segmentId={segmentId} onChange={change} />
        {range && <Report range={range} segmentId={segmentId} />}
      </Stack>
    </>
  );
}

function Report({ range, segmentId }: { range: DayRange; segmentId: string | null }) {
  const { t } = useTranslation();
  const report = useNpsReport(range, segmentId);
  const anyAnswer = useAnyAnswer();
  return (
    <QueryState isPending={report.isPending || anyAnswer.isPending} error={report.error ?? anyAnswer.error}>
      {() => {
        const r = report.data!;
        if (!anyAnswer.data) return <NoAnswersYet />;
        return (
          <>
            {r.responses === 0 ? (
              <Paper withBorder>
                <EmptyState title={segmentId ? t('surveys.noSegmentAnswers') : t('surveys.noRangeAnswers')}>{t('surveys.noRangeAnswersBody')}</EmptyState>
              </Paper>
            ) : (
              <>
                <NpsSummary report={r} />
                <NpsByMonthSection months={r.by_month} range={range} />
                <NpsBySegmentSection segments={r.by_segment} />
              </>
            )}
            <SurveyAnswersSection key={`${range.from}/${range.to}`} range={range} />
          </>
        );
      }}
    </QueryState>
  );
}
