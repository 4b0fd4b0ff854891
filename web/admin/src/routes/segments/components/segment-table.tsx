import { Anchor, Box, Stack, Text, type TableTdProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { ErrorAlert } from '../../../components/common/query-state.tsx';
import { useProgram, useTiers } from '../../../hooks/api/program.ts';
import { useProfileQuestions } from '../../../hooks/api/profile-questions.ts';
import { useDeleteSegment, type Segment } from '../../../hooks/api/segments.ts';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import { inLanguage } from '../../profile-questions/question-words.ts';
import { describeSegment } from '../describe-conditions.ts';
import { questionOf } from './editors/profile-answer-editor.tsx';
import { SegmentActions } from './segment-actions.tsx';

interface SegmentTableProps {
  segments: Segment[];
  /** The segment whose customers show below the table. */
  selectedId: string | undefined;
  mayChange: boolean;
  onEdit: (segment: Segment) => void;
  onGift: (segment: Segment) => void;
}

/** The program's segments, each with its conditions in words and its count now; choosing one lists its customers. */
export function SegmentTable({ segments, selectedId, mayChange, onEdit, onGift }: SegmentTableProps) {
  const { t, i18n } = useTranslation();
  const tiers = useTiers().data?.data ?? [];
  const questions = useProfileQuestions(true).data?.data ?? [];
  const currency = useProgram().data?.currency ?? 'USD';
  const remove = useDeleteSegment();
  const question = (c: Parameters<typeof questionOf>[1]) => {
    const q = questionOf(questions, c);
    return q && { text: inLanguage(q.text, i18n.language), label: (value: string) => inLanguage(q.options.find((o) => o.value === value)?.label ?? { en: value }, i18n.language) };
  };
  const context = { t, currency, tierName: (id: string) => tiers.find((x) => x.id === id)?.name, question };
  const onDelete = (s: Segment) => {
    if (window.confirm(t('segments.confirmDelete', { name: s.name }))) remove.mutate(s.id);
  };
  const actions = (s: Segment, justify: 'flex-start' | 'flex-end') => <SegmentActions segment={s} onEdit={onEdit} onDelete={onDelete} onGift={onGift} deleting={remove.isPending && remove.variables === s.id} justify={justify} />;
  const chosen = (s: Segment) => s.id === selectedId;
  // The chosen row: a light gray, marked at its start edge, as the webhook endpoints are.
  const selected = (s: Segment): TableTdProps => (chosen(s) ? { bg: 'gray.0' } : {});
  const columns: Column<Segment>[] = [
    {
      header: t('segments.segment'),
      td: (s) => ({ ...selected(s), miw: 200, ...(chosen(s) ? { style: { borderInlineStart: '3px solid var(--mantine-primary-color-filled)' } } : {}) }),
      cell: (s) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`?segment=${s.id}`} replace fw={chosen(s) ? 700 : 500} aria-current={chosen(s) ? 'true' : undefined}>
            <bdi>{s.name}</bdi>
          </Anchor>
          <Text size="sm" c="dimmed">
            {describeSegment(s, context)}
          </Text>
          {/* On a phone the buttons are under the conditions, not in a column of their own. */}
          {mayChange && (
            <Box hiddenFrom="sm" mt={4}>
              {actions(s, 'flex-start')}
            </Box>
          )}
        </Stack>
      ),
    },
    { header: t('segments.customers'), align: 'end', td: selected, cell: (s) => formatNumber(s.count) },
    { header: t('segments.updated'), visibleFrom: 'sm', td: selected, cell: (s) => formatDate(s.updated_at) },
    ...(mayChange ? [{ header: t('common.actions'), hideHeader: true, visibleFrom: 'sm' as const, td: (s: Segment) => ({ ...selected(s), ta: 'end' as const }), cell: (s: Segment) => actions(s, 'flex-end') }] : []),
  ];
  return (
    <>
      {remove.error && <ErrorAlert error={remove.error} title={t('segments.notDeleted')} />}
      <DataTable rows={segments} rowKey={(s) => s.id} columns={columns} minWidth={320} />
    </>
  );
}
