import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTiers } from '../../../../hooks/api/program.ts';
import type { ConditionOf } from '../../../../hooks/api/segments.ts';
import { RFM_SEGMENTS } from '../../../../lib/rfm.ts';
import { LOCALES, STAGES } from '../../condition-types.ts';

interface EditorProps<T extends ConditionOf<'tier' | 'rfm_segment' | 'lifecycle_stage' | 'locale'>> {
  condition: T;
  onChange: (condition: T) => void;
}

/** One or more of a fixed list; `values` are what the API takes, in the order offered. */
function Choices<V extends string>({ label, data, value, onChange }: { label: string; data: { value: V; label: string }[]; value: V[]; onChange: (value: V[]) => void }) {
  const { t } = useTranslation();
  const known = new Set<string>(data.map((d) => d.value));
  return (
    <MultiSelect
      label={label}
      required
      placeholder={value.length === 0 ? t('segments.pick') : undefined}
      data={data}
      value={value}
      // The options are exactly the values the list holds.
      onChange={(next) => onChange(next.filter((v): v is V => known.has(v)))}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** The program's active tiers, and customers in none. */
export function TierEditor({ condition, onChange }: EditorProps<ConditionOf<'tier'>>) {
  const { t } = useTranslation();
  const tiers = useTiers().data?.data.filter((x) => x.status === 'active') ?? [];
  // A tier archived since the segment was saved stays chosen, under its id.
  const gone = condition.tier_ids.filter((id) => id !== 'none' && !tiers.some((x) => x.id === id)).map((id) => ({ value: id, label: id }));
  const data = [...tiers.map((x) => ({ value: x.id, label: x.name })), ...gone, { value: 'none', label: t('customers.noTier') }];
  return <Choices label={t('segments.fields.tiers')} data={data} value={condition.tier_ids} onChange={(tier_ids) => onChange({ ...condition, tier_ids })} />;
}

export function RfmEditor({ condition, onChange }: EditorProps<ConditionOf<'rfm_segment'>>) {
  const { t } = useTranslation();
  const data = RFM_SEGMENTS.map((s) => ({ value: s, label: t(`analytics.segments.${s}`) }));
  return <Choices label={t('segments.fields.rfm')} data={data} value={condition.in} onChange={(value) => onChange({ ...condition, in: value })} />;
}

export function StageEditor({ condition, onChange }: EditorProps<ConditionOf<'lifecycle_stage'>>) {
  const { t } = useTranslation();
  const data = STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }));
  return <Choices label={t('segments.fields.stages')} data={data} value={condition.in} onChange={(value) => onChange({ ...condition, in: value })} />;
}

/** Each language under its own name. */
export function LocaleEditor({ condition, onChange }: EditorProps<ConditionOf<'locale'>>) {
  const { t } = useTranslation();
  const data = LOCALES.map((l) => ({ value: l, label: t(`emails.locales.${l}`) }));
  return <Choices label={t('segments.fields.locales')} data={data} value={condition.in} onChange={(value) => onChange({ ...condition, in: value })} />;
}
