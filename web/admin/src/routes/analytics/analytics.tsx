import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { PERIODS, type Period } from '../../lib/period.ts';
import { LifecycleSection } from './components/lifecycle-section.tsx';
import { RetentionSection } from './components/retention-section.tsx';
import { CohortSection } from './components/cohort-section.tsx';
import { RfmSection } from './components/rfm-section.tsx';
import { ClvSection } from './components/clv-section.tsx';
import { ProjectionSection } from './components/projection-section.tsx';
import { BacktestSection } from './components/backtest-section.tsx';
import { AcquisitionSection } from './components/acquisition/acquisition-section.tsx';

/** How customers come back (retention, cohorts), where they stand (RFM, lifecycle), what they will be worth (CLV), what keeping more of them would bring, and what winning them cost. */
export default function AnalyticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period: Period = PERIODS.find((p) => p === asked && p !== '30d') ?? '12m';
  return (
    <>
      <PageHeader
        title={t('analytics.title')}
        description={t('analytics.description')}
        actions={
          <SegmentedControl
            aria-label={t('period.label')}
            value={period}
            onChange={(value) => setParams({ period: value }, { replace: true })}
            data={PERIODS.filter((p) => p !== '30d').map((p) => ({ value: p, label: t(`period.${p}`) }))}
          />
        }
      />
      <Stack gap="lg">
        <RetentionSection period={period} />
        <CohortSection period={period} />
        <RfmSection period={period} />
        <LifecycleSection period={period} />
        <ClvSection />
        <ProjectionSection />
        <AcquisitionSection period={period} />
        <BacktestSection period={period} />
      </Stack>
    </>
  );
}
