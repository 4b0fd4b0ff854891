import { NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../../components/common/money-input.tsx';
import { useProgram } from '../../../../hooks/api/program.ts';
import type { ConditionOf } from '../../../../hooks/api/segments.ts';
import { numberOrEmpty } from '../../../../hooks/use-form-dialog.ts';

type Ranged = ConditionOf<'orders' | 'spend' | 'points_balance'>;
type Bound = 'at_least' | 'at_most' | 'within_days';

/** The condition with a bound set, or left out while its field is empty (the API's "no bound", "ever"). */
export function withBound<C extends object>(condition: C, key: string, value: number | ''): C {
  const next: Record<string, unknown> = { ...(condition as Record<string, unknown>) };
  if (value === '') delete next[key];
  else next[key] = value;
  return next as C;
}

/** How many days back a condition looks; empty is ever. */
export function WithinDaysInput({ value, onChange }: { value: number | undefined; onChange: (days: number | '') => void }) {
  const { t } = useTranslation();
  return <NumberInput label={t('segments.fields.withinDays')} placeholder={t('segments.fields.ever')} min={1} max={3650} allowDecimal={false} allowNegative={false} value={value ?? ''} onChange={(v) => onChange(numberOrEmpty(v))} />;
}

/**
 * Orders, money spent or points: at least and/or at most, and for orders and spend a period.
 * Money is typed in the program's currency and kept in its minor units, as the API takes it.
 */
export function RangeEditor({ condition, onChange }: { condition: Ranged; onChange: (condition: Ranged) => void }) {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const set = (key: Bound) => (value: number | '') => onChange(withBound(condition, key, value));
  const bound = (key: 'at_least' | 'at_most') => {
    const label = t(key === 'at_least' ? 'segments.fields.atLeast' : 'segments.fields.atMost');
    if (condition.type === 'spend') return <MoneyInput label={label} currency={currency} value={condition[key] ?? ''} onChange={set(key)} />;
    return <NumberInput label={label} min={0} allowDecimal={false} allowNegative={false} value={condition[key] ?? ''} onChange={(v) => set(key)(numberOrEmpty(v))} />;
  };
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      {bound('at_least')}
      {bound('at_most')}
      {condition.type !== 'points_balance' && <WithinDaysInput value={condition.within_days} onChange={set('within_days')} />}
    </SimpleGrid>
  );
}
