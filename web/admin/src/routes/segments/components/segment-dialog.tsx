import { Group, Radio, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { useSaveSegment } from '../../../hooks/api/segments.ts';
import { useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { conditionError, conditionOfError, EMPTY_DRAFT, FIELDS, toSegment, type ConditionRow } from '../segment-draft.ts';
import { ConditionList } from './condition-list.tsx';
import { SegmentCount } from './segment-count.tsx';

/** The dialog's state, for the page that opens it (new, or on a segment to change). */
export function useSegmentForm() {
  const save = useSaveSegment();
  const form = useFormDialog(EMPTY_DRAFT, save, toSegment, FIELDS);
  return {
    ...form,
    failure: save.error,
    /** The conditions as last sent, which the failure is about. */
    sent: save.variables?.segment.conditions,
    // The error about a condition goes once that condition changes; and with one taken out, an
    // error naming a place in the list may be about another one now.
    changeRows: (rows: ConditionRow[]) => {
      const at = conditionOfError(save.error);
      if (rows.length < form.draft.rows.length || (at !== undefined && rows[at] !== form.draft.rows[at])) save.reset();
      form.change('rows')(rows);
    },
  };
}
export type SegmentForm = ReturnType<typeof useSegmentForm>;

/**
 * A segment being made or changed: its name, whether every condition or any one must hold, the
 * conditions, and how many customers they hold for now. An error about a condition shows beside it.
 */
export function SegmentDialog({ form }: { form: SegmentForm }) {
  const { t } = useTranslation();
  const { draft, change, changeRows, error, dialog, failure, sent } = form;
  const editing = draft.id !== undefined;
  // An error about a condition is beside it, not above the form as well.
  const aboveError = conditionOfError(failure) === undefined ? dialog.error : undefined;
  return (
    <FormDialog {...dialog} error={aboveError} title={t(editing ? 'segments.editTitle' : 'segments.newTitle')} submitLabel={t(editing ? 'segments.save' : 'segments.create')} size="lg">
      <TextInput label={t('segments.name')} description={t('segments.nameHint')} required maxLength={200} value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
      <Radio.Group label={t('segments.match')} value={draft.match} onChange={(value) => change('match')(value === 'any' ? 'any' : 'all')} error={error('match')}>
        <Group gap="lg" mt={4}>
          <Radio value="all" label={t('segments.matchAll')} />
          <Radio value="any" label={t('segments.matchAny')} />
        </Group>
      </Radio.Group>
      <ConditionList rows={draft.rows} onChange={changeRows} errorAt={(index) => conditionError(failure, index, sent?.[index], t('segments.incomplete'))} />
      <SegmentCount definition={{ match: draft.match, conditions: draft.rows.map((r) => r.condition) }} />
    </FormDialog>
  );
}
