import { MultiSelect, NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConditionOf } from '../../../../hooks/api/segments.ts';
import { numberOrEmpty } from '../../../../hooks/use-form-dialog.ts';
import { withBound } from './range-editor.tsx';

const DECILES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Deciles of predicted CLV: 1 is the top 10% of customers by value predicted for the next year. */
export function ClvEditor({ condition, onChange }: { condition: ConditionOf<'predicted_clv'>; onChange: (condition: ConditionOf<'predicted_clv'>) => void }) {
  const { t } = useTranslation();
  const data = DECILES.map((d) => ({ value: String(d), label: t('segments.fields.decile', { from: (d - 1) * 10, to: d * 10 }) }));
  return (
    <MultiSelect
      label={t('segments.fields.deciles')}
      description={t('segments.fields.decilesHint')}
      required
      placeholder={condition.deciles.length === 0 ? t('segments.pick') : undefined}
      data={data}
      value={condition.deciles.map(String)}
      onChange={(next) => onChange({ ...condition, deciles: next.map(Number).sort((a, b) => a - b) })}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** P(alive) between two percentages, kept as the API's 0 to 1. */
export function PAliveEditor({ condition, onChange }: { condition: ConditionOf<'p_alive'>; onChange: (condition: ConditionOf<'p_alive'>) => void }) {
  const { t } = useTranslation();
  const bound = (key: 'at_least' | 'at_most') => (
    <NumberInput
      label={t(key === 'at_least' ? 'segments.fields.atLeast' : 'segments.fields.atMost')}
      suffix="%"
      min={0}
      max={100}
      allowNegative={false}
      decimalScale={0}
      value={condition[key] === undefined ? '' : Math.round(condition[key] * 100)}
      onChange={(v) => {
        const n = numberOrEmpty(v);
        onChange(withBound(condition, key, n === '' ? '' : n / 100));
      }}
    />
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      {bound('at_least')}
      {bound('at_most')}
    </SimpleGrid>
  );
}
