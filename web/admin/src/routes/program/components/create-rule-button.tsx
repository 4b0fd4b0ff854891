import { Button, Divider, Group, NativeSelect, NumberInput, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { useCreateEarningRule, useProgram, type NewEarningRule } from '../../../hooks/api/program.ts';
import { useSegments } from '../../../hooks/api/segments.ts';
import { numberOrEmpty, unlessEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { EarningPreview } from './earning-preview.tsx';

type RuleType = NewEarningRule['type'];
const TYPES: RuleType[] = ['points_per_unit', 'fixed_per_order', 'multiplier', 'action'];
const EVENTS = ['signup', 'birthday', 'profile_completed', 'survey_answered', 'social_follow', 'social_share', 'review', 'newsletter_signup'] as const;
const FIELDS = ['name', 'type', 'points', 'unit_amount', 'multiplier', 'min_spend', 'hold_days', 'event_type', 'segment_id'] as const;

interface Draft {
  name: string;
  type: RuleType;
  points: number | '';
  unit_amount: number | '';
  multiplier: number | '';
  min_spend: number | '';
  hold_days: number | '';
  event_type: string;
  /** '' is every customer. */
  segment_id: string;
}
const EMPTY: Draft = { name: '', type: 'points_per_unit', points: 1, unit_amount: '', multiplier: 2, min_spend: '', hold_days: '', event_type: 'signup', segment_id: '' };

/** The rule as the API takes it: only the fields its type has, and only those filled in. */
function toRule(d: Draft): NewEarningRule {
  const purchase = d.type !== 'action';
  return {
    name: d.name.trim(),
    type: d.type,
    ...(d.type === 'multiplier' ? { multiplier: unlessEmpty(d.multiplier) } : { points: unlessEmpty(d.points) }),
    ...(d.type === 'points_per_unit' ? { unit_amount: unlessEmpty(d.unit_amount) } : {}),
    ...(purchase ? { min_spend: unlessEmpty(d.min_spend) } : {}),
    ...(d.type === 'action' ? { event_type: d.event_type } : { hold_days: unlessEmpty(d.hold_days) }),
    ...(d.segment_id ? { segment_id: d.segment_id } : {}),
  };
}

/** A new earning rule, tried on an order before it is saved. */
export function CreateRuleButton() {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const segments = useSegments().data?.data ?? [];
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateEarningRule(), toRule, FIELDS);
  const preview = draft.type !== 'action' && (
    <>
      <Divider my="md" />
      <Title order={3} size="h5" mb={4}>
        {t('preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('preview.draftHint')}
      </Text>
      <EarningPreview draft={toRule({ ...draft, name: draft.name.trim() || t('rule.untitled') })} />
    </>
  );
  return (
    <>
      <Button onClick={open}>{t('rule.open')}</Button>
      <FormDialog {...dialog} title={t('rule.title')} submitLabel={t('rule.submit')} size="lg" after={preview}>
        <TextInput label={t('rule.name')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        <NativeSelect label={t('rule.type')} value={draft.type} onChange={(e) => change('type')(e.currentTarget.value as RuleType)} data={TYPES.map((type) => ({ value: type, label: t(`rule.types.${type}`) }))} error={error('type')} />
        {draft.type === 'multiplier' ? (
          <NumberInput label={t('rule.multiplier')} description={t('rule.multiplierHint')} min={1} max={100} decimalScale={2} value={draft.multiplier} onChange={(v) => change('multiplier')(numberOrEmpty(v))} error={error('multiplier')} />
        ) : (
          <NumberInput label={t('rule.points')} required min={1} allowDecimal={false} value={draft.points} onChange={(v) => change('points')(numberOrEmpty(v))} error={error('points')} />
        )}
        {draft.type === 'points_per_unit' && (
          <MoneyInput label={t('rule.unitAmount')} description={t('rule.unitAmountHint')} currency={currency} value={draft.unit_amount} onChange={change('unit_amount')} error={error('unit_amount')} />
        )}
        {draft.type === 'action' && (
          <NativeSelect label={t('rule.event')} value={draft.event_type} onChange={(e) => change('event_type')(e.currentTarget.value)} data={EVENTS.map((event) => ({ value: event, label: t(`rule.events.${event}`) }))} error={error('event_type')} />
        )}
        <NativeSelect
          label={t('rule.segment')}
          description={t('rule.segmentHint')}
          value={draft.segment_id}
          onChange={(e) => change('segment_id')(e.currentTarget.value)}
          data={[{ value: '', label: t('rule.everyone') }, ...segments.map((s) => ({ value: s.id, label: s.name }))]}
          error={error('segment_id')}
        />
        {draft.type !== 'action' && (
          <Group grow align="flex-start">
            <MoneyInput label={t('rule.minSpend')} currency={currency} value={draft.min_spend} onChange={change('min_spend')} error={error('min_spend')} />
            <NumberInput label={t('rule.holdDays')} description={t('rule.holdDaysHint')} min={0} max={365} allowDecimal={false} value={draft.hold_days} onChange={(v) => change('hold_days')(numberOrEmpty(v))} error={error('hold_days')} />
          </Group>
        )}
      </FormDialog>
    </>
  );
}
