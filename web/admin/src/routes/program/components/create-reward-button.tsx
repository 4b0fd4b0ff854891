import { Button, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { useCreateReward, useProgram, type NewReward } from '../../../hooks/api/program.ts';
import { numberOrEmpty, unlessEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';

type RewardType = 'amount_off' | 'percent_off' | 'free_shipping';
const TYPES: RewardType[] = ['amount_off', 'percent_off', 'free_shipping'];
const FIELDS = ['name', 'type', 'points_cost', 'amount', 'percent', 'code_validity_days'] as const;

interface Draft {
  name: string;
  type: RewardType;
  points_cost: number | '';
  amount: number | '';
  percent: number | '';
  code_validity_days: number | '';
}
const EMPTY: Draft = { name: '', type: 'amount_off', points_cost: 500, amount: '', percent: 10, code_validity_days: '' };

function toReward(d: Draft): NewReward {
  return {
    name: d.name.trim(),
    type: d.type,
    points_cost: unlessEmpty(d.points_cost),
    ...(d.type === 'amount_off' ? { amount: unlessEmpty(d.amount) } : {}),
    ...(d.type === 'percent_off' ? { percent: unlessEmpty(d.percent) } : {}),
    code_validity_days: unlessEmpty(d.code_validity_days),
  };
}

/** A reward with a fixed cost in points: money off, a percentage off, or free shipping. Other kinds are made with the API. */
export function CreateRewardButton() {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateReward(), toReward, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('reward.open')}</Button>
      <FormDialog {...dialog} title={t('reward.title')} submitLabel={t('reward.submit')}>
        <TextInput label={t('reward.name')} description={t('reward.nameHint')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        <NativeSelect label={t('reward.type')} value={draft.type} onChange={(e) => change('type')(e.currentTarget.value as RewardType)} data={TYPES.map((type) => ({ value: type, label: t(`program.rewardTypes.${type}`) }))} error={error('type')} />
        {draft.type === 'amount_off' && <MoneyInput label={t('reward.amount')} required currency={currency} value={draft.amount} onChange={change('amount')} error={error('amount')} />}
        {draft.type === 'percent_off' && <NumberInput label={t('reward.percent')} required min={1} max={100} allowDecimal={false} suffix=" %" value={draft.percent} onChange={(v) => change('percent')(numberOrEmpty(v))} error={error('percent')} />}
        <NumberInput label={t('reward.cost')} required min={1} allowDecimal={false} value={draft.points_cost} onChange={(v) => change('points_cost')(numberOrEmpty(v))} error={error('points_cost')} />
        <NumberInput label={t('reward.validity')} description={t('reward.validityHint')} min={1} max={3650} allowDecimal={false} value={draft.code_validity_days} onChange={(v) => change('code_validity_days')(numberOrEmpty(v))} error={error('code_validity_days')} />
      </FormDialog>
    </>
  );
}
