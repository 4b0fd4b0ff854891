import { Badge, Box, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { ErrorAlert } from '../../../components/common/query-state.tsx';
import { useRemoveProfileQuestion, type ProfileQuestion } from '../../../hooks/api/profile-questions.ts';
import { formatNumber } from '../../../lib/format.ts';
import { inLanguage } from '../question-words.ts';

interface QuestionTableProps {
  questions: ProfileQuestion[];
  mayChange: boolean;
  onEdit: (question: ProfileQuestion) => void;
}

/** The questions in the order shoppers see them: each in the dashboard's language, its key, type, and how many answered. */
export function QuestionTable({ questions, mayChange, onEdit }: QuestionTableProps) {
  const { t, i18n } = useTranslation();
  const remove = useRemoveProfileQuestion();
  const text = (q: ProfileQuestion) => inLanguage(q.text, i18n.language);
  const onRemove = (q: ProfileQuestion) => {
    if (window.confirm(t(q.answers > 0 ? 'profileQuestions.confirmArchive' : 'profileQuestions.confirmDelete', { question: text(q), count: q.answers, formatted: formatNumber(q.answers) }))) remove.mutate(q.id);
  };
  const actions = (q: ProfileQuestion, justify: 'flex-start' | 'flex-end') =>
    q.archived_at ? null : (
      <Group gap="xs" justify={justify} wrap="nowrap">
        <Button size="xs" variant="default" onClick={() => onEdit(q)} aria-label={t('profileQuestions.editNamed', { question: text(q) })}>
          {t('profileQuestions.edit')}
        </Button>
        <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === q.id} onClick={() => onRemove(q)} aria-label={t(q.answers > 0 ? 'profileQuestions.archiveNamed' : 'profileQuestions.deleteNamed', { question: text(q) })}>
          {t(q.answers > 0 ? 'profileQuestions.archive' : 'profileQuestions.delete')}
        </Button>
      </Group>
    );
  const columns: Column<ProfileQuestion>[] = [
    {
      header: t('profileQuestions.question'),
      td: { miw: 220 },
      cell: (q) => (
        <Stack gap={4}>
          <Text fw={500}>
            <bdi>{text(q)}</bdi>
          </Text>
          <Group gap={6}>
            <Code dir="ltr">{q.key}</Code>
            {q.required && (
              <Badge size="sm" variant="light">
                {t('profileQuestions.requiredBadge')}
              </Badge>
            )}
            {q.archived_at && (
              <Badge size="sm" variant="light" color="gray">
                {t('profileQuestions.archived')}
              </Badge>
            )}
          </Group>
          {q.options.length > 0 && (
            <Text size="sm" c="dimmed">
              {q.options.map((o) => inLanguage(o.label, i18n.language)).join(' · ')}
            </Text>
          )}
          {mayChange && <Box hiddenFrom="sm">{actions(q, 'flex-start')}</Box>}
        </Stack>
      ),
    },
    { header: t('profileQuestions.type'), visibleFrom: 'sm', cell: (q) => t(`profileQuestions.types.${q.type}`) },
    { header: t('profileQuestions.answers'), align: 'end', cell: (q) => formatNumber(q.answers) },
    ...(mayChange ? [{ header: t('common.actions'), hideHeader: true, visibleFrom: 'sm' as const, td: { ta: 'end' as const }, cell: (q: ProfileQuestion) => actions(q, 'flex-end') }] : []),
  ];
  return (
    <>
      {remove.error && <ErrorAlert error={remove.error} title={t('profileQuestions.notRemoved')} />}
      <DataTable rows={questions} rowKey={(q) => q.id} columns={columns} minWidth={320} />
    </>
  );
}
