import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { PERIODS, type Period } from '../../lib/period.ts';
import { LiftSection } from './components/lift-section.tsx';
import { PointsSection } from './components/points-section.tsx';
import { SummarySection } from './components/summary-section.tsx';
import { TopRewardsSection } from './components/top-rewards-section.tsx';

/** The program at a glance over a period: members, points, liability, and whether it works. */
export default function HomePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('period');
  const period: Period = PERIODS.find((p) => p === asked) ?? '12m';
  return (
    <>
      <PageHeader
        title={t('home.title')}
        description={t('home.description')}
        actions={
          <SegmentedControl
            aria-label={t('period.label')}
            value={period}
            onChange={(value) => setParams({ period: value }, { replace: true })}
            data={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
          />
        }
      />
      <Stack gap="lg">
        <SummarySection period={period} />
        <PointsSection period={period} />
        <LiftSection period={period} />
        <TopRewardsSection period={period} />
      </Stack>
    </>
  );
}
