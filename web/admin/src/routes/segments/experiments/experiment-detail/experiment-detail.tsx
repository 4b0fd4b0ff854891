import { Anchor, Breadcrumbs, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../../components/common/page-header.tsx';
import { ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { useExperiment, useStopExperiment } from '../../../../hooks/api/experiments.ts';
import { useSession } from '../../../../hooks/api/session.ts';
import { roleMay } from '../../../../lib/roles.ts';
import { ExperimentSummarySection } from './components/experiment-summary-section.tsx';
import { VariantsSection } from './components/variants-section.tsx';
import { WindowNote } from './components/window-note.tsx';

/** One experiment (`/segments/experiments/:id`): where it stands, each variant's figure with its interval and its lift against the first; Stop while it runs. */
export default function ExperimentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const experiment = useExperiment(id);
  const stop = useStopExperiment();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const e = experiment.data;
  const name = e?.name ?? t('experiments.experiment');
  const onStop = () => {
    if (e && window.confirm(t('experiments.confirmStop', { name: e.name }))) stop.mutate(e.id);
  };
  const stopButton = e?.status === 'running' && mayChange && (
    <Button variant="light" color="red" loading={stop.isPending} onClick={onStop}>
      {t('experiments.stop')}
    </Button>
  );
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/segments/experiments" size="sm">
          {t('experiments.title')}
        </Anchor>
        <bdi aria-current="page">{name}</bdi>
      </Breadcrumbs>
      <PageHeader title={name} actions={stopButton} />
      <QueryState isPending={experiment.isPending} error={experiment.error}>
        {() => (
          <Stack gap="lg">
            {stop.error && <ErrorAlert error={stop.error} title={t('experiments.notStopped')} />}
            <WindowNote experiment={e!} />
            <ExperimentSummarySection experiment={e!} />
            <VariantsSection experiment={e!} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
