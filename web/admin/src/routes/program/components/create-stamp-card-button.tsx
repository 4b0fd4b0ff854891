import { Button, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { useCreateStampCard, type NewStampCard } from '../../../hooks/api/catalog.ts';
import { useProgram } from '../../../hooks/api/program.ts';
import { numberOrEmpty, unlessEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { RewardSelect } from './reward-select.tsx';

const FIELDS = ['name', 'stamps_required', 'per', 'reward_id', 'min_subtotal'] as const;
type Per = NewStampCard['per'];

interface Draft {
  name: string;
  stamps_required: number | '';
  per: Per;
  reward_id: string;
  min_subtotal: number | '';
}
const EMPTY: Draft = { name: '', stamps_required: 10, per: 'order', reward_id: '', min_subtotal: '' };

const toCard = (d: Draft) => ({ name: d.name.trim(), stamps_required: unlessEmpty(d.stamps_required), per: d.per, reward_id: d.reward_id, min_subtotal: unlessEmpty(d.min_subtotal) }) as NewStampCard;

/** A punch card: a stamp per order or item, a reward when it is full. Product and collection limits are set with the API. */
export function CreateStampCardButton() {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateStampCard(), toCard, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('engagementForm.stampCard.open')}</Button>
      <FormDialog {...dialog} title={t('engagementForm.stampCard.open')} submitLabel={t('engagementForm.stampCard.submit')}>
        <TextInput label={t('program.name')} description={t('engagementForm.stampCard.nameHint')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        <NumberInput label={t('engagementForm.stampCard.stamps')} required min={1} max={1000} allowDecimal={false} value={draft.stamps_required} onChange={(v) => change('stamps_required')(numberOrEmpty(v))} error={error('stamps_required')} />
        <NativeSelect label={t('engagementForm.stampCard.per')} value={draft.per} onChange={(e) => change('per')(e.currentTarget.value as Per)} data={(['order', 'item'] as const).map((per) => ({ value: per, label: t(`engagementForm.stampCard.perOptions.${per}`) }))} error={error('per')} />
        <RewardSelect label={t('engagementForm.stampCard.reward')} value={draft.reward_id} onChange={change('reward_id')} error={error('reward_id')} />
        <MoneyInput label={t('engagementForm.minSubtotal')} description={t('engagementForm.minSubtotalHint')} currency={currency} value={draft.min_subtotal} onChange={change('min_subtotal')} error={error('min_subtotal')} />
      </FormDialog>
    </>
  );
}
