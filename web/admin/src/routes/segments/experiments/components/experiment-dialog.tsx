import { NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../../components/common/form-dialog.tsx';
import { useStartExperiment, type ExperimentMetric } from '../../../../hooks/api/experiments.ts';
import { useSegments } from '../../../../hooks/api/segments.ts';
import { numberOrEmpty, useFormDialog } from '../../../../hooks/use-form-dialog.ts';
import { formatNumber, isolate } from '../../../../lib/format.ts';
import { EMPTY_EXPERIMENT, FIELDS, isAboutSplit, isAboveTheForm, METRICS, shareError, splitError, toExperiment, variantError, variantOfError, type VariantRow } from '../experiment-draft.ts';
import { METRIC_HINTS, METRIC_LABELS } from '../experiment-words.ts';
import { VariantList } from './variant-list.tsx';

/** The dialog's state, for the page that opens it. */
export function useExperimentForm() {
  const start = useStartExperiment();
  const form = useFormDialog(EMPTY_EXPERIMENT, start, toExperiment, FIELDS);
  return {
    ...form,
    failure: start.error,
    // The error about a variant goes once that variant changes, the one about the split once a
    // share does; and with one added or taken out, an error naming a place in the list may be
    // about another one now.
    changeRows: (rows: VariantRow[], even: boolean) => {
      const at = variantOfError(start.error);
      const sharesChanged = rows.some((r, i) => r.share !== form.draft.rows[i]?.share);
      if (rows.length !== form.draft.rows.length || (at !== undefined && rows[at] !== form.draft.rows[at]) || (isAboutSplit(start.error) && sharesChanged)) start.reset();
      form.change('rows')(rows);
      form.change('even')(even);
    },
  };
}
export type ExperimentForm = ReturnType<typeof useExperimentForm>;

/**
 * A new experiment: its name, its audience (a segment, fixed when it starts, or everyone), two to
 * five variants with their shares, the goal metric in plain words, and how many days it counts.
 * An error about a variant shows in its row, one about the split beside the shares' sum.
 */
export function ExperimentDialog({ form }: { form: ExperimentForm }) {
  const { t } = useTranslation();
  const { draft, change, changeRows, error, dialog, failure } = form;
  const segments = useSegments().data?.data ?? [];
  const audiences = [{ value: '', label: t('experiments.everyone') }, ...segments.map((s) => ({ value: s.id, label: t('experiments.segmentOption', { name: isolate(s.name), count: s.count, formatted: formatNumber(s.count) }) }))];
  return (
    <FormDialog {...dialog} error={isAboveTheForm(failure) ? dialog.error : undefined} title={t('experiments.newTitle')} submitLabel={t('experiments.start')} size="lg">
      <TextInput label={t('experiments.name')} description={t('experiments.nameHint')} required maxLength={200} value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
      <NativeSelect label={t('experiments.audience')} description={t('experiments.audienceHint')} value={draft.segment_id} onChange={(e) => change('segment_id')(e.currentTarget.value)} data={audiences} error={error('segment_id')} />
      <VariantList rows={draft.rows} even={draft.even} onChange={changeRows} errorAt={(i) => variantError(failure, i)} shareErrorAt={(i) => shareError(failure, i)} splitError={splitError(failure)} />
      <Radio.Group label={t('experiments.metric')} description={t('experiments.metricHint')} value={draft.metric} onChange={(value) => change('metric')(value as ExperimentMetric)} error={error('metric')}>
        <Stack gap="sm" mt="xs">
          {METRICS.map((metric) => (
            <Radio key={metric} value={metric} label={t(METRIC_LABELS[metric])} description={t(METRIC_HINTS[metric])} />
          ))}
        </Stack>
      </Radio.Group>
      <NumberInput label={t('experiments.days')} description={t('experiments.daysHint')} required min={1} max={365} allowDecimal={false} allowNegative={false} value={draft.days} onChange={(v) => change('days')(numberOrEmpty(v))} error={error('days')} styles={{ wrapper: { maxWidth: 200 } }} />
      <Text size="xs" c="dimmed">
        {t('experiments.whileRunning')}
      </Text>
    </FormDialog>
  );
}
