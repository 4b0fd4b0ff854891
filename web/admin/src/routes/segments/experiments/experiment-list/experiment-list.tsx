import { Anchor, Button, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { PageHeader } from '../../../../components/common/page-header.tsx';
import { EmptyState, QueryState } from '../../../../components/common/query-state.tsx';
import { useExperiments } from '../../../../hooks/api/experiments.ts';
import { useSession } from '../../../../hooks/api/session.ts';
import { roleMay } from '../../../../lib/roles.ts';
import { SegmentsNav } from '../../components/segments-nav.tsx';
import { ExperimentDialog, useExperimentForm } from '../components/experiment-dialog.tsx';
import { ExperimentTable } from './components/experiment-table.tsx';

/** Offer experiments (`/segments/experiments`), newest first: which are running, on whom, and which variant leads. */
export default function ExperimentListPage() {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const cursor = useCursor();
  const experiments = useExperiments(cursor.cursor);
  const form = useExperimentForm();
  return (
    <>
      <PageHeader title={t('segments.title')} description={t('experiments.description')} actions={mayChange && <Button onClick={form.open}>{t('experiments.new')}</Button>} />
      <SegmentsNav />
      <Paper withBorder>
        <QueryState isPending={experiments.isPending} error={experiments.error}>
          {() => {
            const list = experiments.data!;
            if (list.data.length === 0)
              return (
                <EmptyState title={t('experiments.empty')} action={<Anchor href="/docs#tag/segments">{t('experiments.reference')}</Anchor>}>
                  {t('experiments.emptyBody')}
                </EmptyState>
              );
            return (
              <>
                <ExperimentTable experiments={list.data} />
                <CursorPager cursor={cursor} hasMore={list.has_more} lastId={list.data.at(-1)?.id} />
              </>
            );
          }}
        </QueryState>
      </Paper>
      {mayChange && <ExperimentDialog form={form} />}
    </>
  );
}
