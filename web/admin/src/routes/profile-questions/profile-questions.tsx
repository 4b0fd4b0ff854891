import { Alert, Anchor, Button, Paper, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/common/page-header.tsx';
import { EmptyState, QueryState } from '../../components/common/query-state.tsx';
import { useEarningRules } from '../../hooks/api/program.ts';
import { useProfileQuestions } from '../../hooks/api/profile-questions.ts';
import { useSession } from '../../hooks/api/session.ts';
import { formatNumber } from '../../lib/format.ts';
import { roleMay } from '../../lib/roles.ts';
import { QuestionDialog, useQuestionForm } from './components/question-dialog.tsx';
import { QuestionTable } from './components/question-table.tsx';
import { draftOf } from './question-draft.ts';

/** What the program asks shoppers about themselves: the questions, what completing them earns, and (switched on) the archived ones. */
export default function ProfileQuestionsPage() {
  const { t } = useTranslation();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const [archived, setArchived] = useState(false);
  const questions = useProfileQuestions(archived);
  const form = useQuestionForm();
  const rule = useEarningRules().data?.data.find((r) => r.active && r.type === 'action' && r.event_type === 'profile_completed');
  const list = questions.data?.data ?? [];
  return (
    <>
      <PageHeader title={t('profileQuestions.title')} description={t('profileQuestions.description')} actions={mayChange && <Button onClick={form.open}>{t('profileQuestions.new')}</Button>} />
      <Stack gap="lg">
        <Alert color="blue" variant="light" title={t('profileQuestions.rewardTitle')}>
          {rule ? t('profileQuestions.reward', { count: rule.points ?? 0, formatted: formatNumber(rule.points ?? 0) }) : t('profileQuestions.noReward')}{' '}
          <Anchor component={Link} to="/program" c="inherit" fw={600} underline="always">
            {t('profileQuestions.rules')}
          </Anchor>
        </Alert>
        <Switch label={t('profileQuestions.showArchived')} checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
        <Paper withBorder>
          <QueryState isPending={questions.isPending} error={questions.error}>
            {() =>
              list.length === 0 ? (
                <EmptyState title={t('profileQuestions.empty')} action={<Anchor href="/docs#tag/profile-questions">{t('profileQuestions.reference')}</Anchor>}>
                  {t('profileQuestions.emptyBody')}
                </EmptyState>
              ) : (
                <QuestionTable questions={list} mayChange={mayChange} onEdit={(q) => form.edit(draftOf(q))} />
              )
            }
          </QueryState>
        </Paper>
      </Stack>
      {mayChange && <QuestionDialog form={form} />}
    </>
  );
}
