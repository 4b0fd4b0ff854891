import { Button, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import type { Program } from '../../../hooks/api/program.ts';
import { useCreateTier, type NewTier } from '../../../hooks/api/tiers.ts';
import { numberOrEmpty, unlessEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { PerksInput, perkList } from './perks-input.tsx';
import { RewardSelect } from './reward-select.tsx';

const FIELDS = ['name', 'threshold', 'retain_threshold', 'earn_multiplier', 'entry_reward_id', 'perks'] as const;

interface Draft {
  name: string;
  threshold: number | '';
  retain_threshold: number | '';
  earn_multiplier: number | '';
  entry_reward_id: string;
  perks: string;
}
const EMPTY: Draft = { name: '', threshold: '', retain_threshold: '', earn_multiplier: 1, entry_reward_id: '', perks: '' };

const toTier = (d: Draft) =>
  ({
    name: d.name.trim(),
    threshold: unlessEmpty(d.threshold),
    retain_threshold: d.retain_threshold === '' ? null : d.retain_threshold,
    earn_multiplier: unlessEmpty(d.earn_multiplier),
    entry_reward_id: d.entry_reward_id || null,
    perks: perkList(d.perks),
  }) as NewTier;

/** A VIP tier: what it takes to reach (in the program's tier metric), to keep, and what it gives. */
export function CreateTierButton({ program }: { program: Program }) {
  const { t } = useTranslation();
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateTier(), toTier, FIELDS);
  const metric = t(`tiers.metrics.${program.tier_metric}`);
  const amount = (field: 'threshold' | 'retain_threshold', label: string, required: boolean, description?: string) =>
    program.tier_metric === 'amount_spent' ? (
      <MoneyInput label={label} description={description} required={required} currency={program.currency} value={draft[field]} onChange={change(field)} error={error(field)} />
    ) : (
      <NumberInput label={label} description={description} required={required} min={0} allowDecimal={false} value={draft[field]} onChange={(v) => change(field)(numberOrEmpty(v))} error={error(field)} />
    );
  return (
    <>
      <Button onClick={open}>{t('engagementForm.tier.open')}</Button>
      <FormDialog {...dialog} title={t('engagementForm.tier.open')} submitLabel={t('engagementForm.tier.submit')}>
        <TextInput label={t('program.name')} description={t('engagementForm.tier.nameHint')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        {amount('threshold', t('tiers.threshold', { metric }), true)}
        {amount('retain_threshold', t('engagementForm.tier.retain'), false, t('engagementForm.tier.retainHint'))}
        <NumberInput label={t('tiers.multiplier')} description={t('engagementForm.multiplierHint')} min={1} max={100} decimalScale={2} value={draft.earn_multiplier} onChange={(v) => change('earn_multiplier')(numberOrEmpty(v))} error={error('earn_multiplier')} />
        <RewardSelect optional label={t('engagementForm.tier.entryReward')} value={draft.entry_reward_id} onChange={change('entry_reward_id')} error={error('entry_reward_id')} />
        <PerksInput value={draft.perks} onChange={change('perks')} error={error('perks')} />
      </FormDialog>
    </>
  );
}
