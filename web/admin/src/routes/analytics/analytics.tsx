import { SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { PERIODS, type Period } from '../../lib/period.ts';
import { LifecycleSection } from './components/lifecycle-section.tsx';
import { RetentionSection } from './components/retention-section.tsx';

/** How customers come back: month-to-month retention and where customers stand in their lifecycle. */
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
        <LifecycleSection period={period} />
      </Stack>
    </>
  );
}
