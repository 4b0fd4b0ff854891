import { Button, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { useCreateMembershipPlan, type NewMembershipPlan } from '../../../hooks/api/catalog.ts';
import { useProgram, useTiers } from '../../../hooks/api/program.ts';
import { numberOrEmpty, unlessEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { PerksInput, perkList } from './perks-input.tsx';
import { RewardSelect } from './reward-select.tsx';

const FIELDS = ['name', 'price', 'interval', 'term_days', 'earn_multiplier', 'periodic_reward_id', 'tier_id', 'perks', 'join_url'] as const;
type Interval = NewMembershipPlan['interval'];
const INTERVALS: Interval[] = ['month', 'year', 'fixed'];

interface Draft {
  name: string;
  price: number | '';
  interval: Interval;
  term_days: number | '';
  earn_multiplier: number | '';
  periodic_reward_id: string;
  tier_id: string;
  perks: string;
  join_url: string;
}
const EMPTY: Draft = { name: '', price: '', interval: 'month', term_days: 365, earn_multiplier: 1, periodic_reward_id: '', tier_id: '', perks: '', join_url: '' };

function toPlan(d: Draft): NewMembershipPlan {
  return {
    name: d.name.trim(),
    price: unlessEmpty(d.price),
    interval: d.interval,
    ...(d.interval === 'fixed' ? { term_days: unlessEmpty(d.term_days) } : {}),
    earn_multiplier: unlessEmpty(d.earn_multiplier),
    periodic_reward_id: d.periodic_reward_id || null,
    tier_id: d.tier_id || null,
    perks: perkList(d.perks),
    join_url: d.join_url.trim() || null,
  } as NewMembershipPlan;
}

/** A paid VIP club: a price per month, year or term, and what members get while it is active. */
export function CreatePlanButton() {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const tiers = (useTiers().data?.data ?? []).filter((tier) => tier.status === 'active');
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateMembershipPlan(), toPlan, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('engagementForm.plan.open')}</Button>
      <FormDialog {...dialog} title={t('engagementForm.plan.open')} submitLabel={t('engagementForm.plan.submit')}>
        <TextInput label={t('program.name')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        <MoneyInput label={t('engagement.price')} required currency={currency} value={draft.price} onChange={change('price')} error={error('price')} />
        <NativeSelect label={t('engagementForm.plan.interval')} value={draft.interval} onChange={(e) => change('interval')(e.currentTarget.value as Interval)} data={INTERVALS.map((interval) => ({ value: interval, label: t(`engagementForm.plan.intervals.${interval}`) }))} error={error('interval')} />
        {draft.interval === 'fixed' && <NumberInput label={t('engagementForm.plan.term')} required min={1} max={3650} allowDecimal={false} value={draft.term_days} onChange={(v) => change('term_days')(numberOrEmpty(v))} error={error('term_days')} />}
        <NumberInput label={t('tiers.multiplier')} description={t('engagementForm.multiplierHint')} min={1} max={100} decimalScale={2} value={draft.earn_multiplier} onChange={(v) => change('earn_multiplier')(numberOrEmpty(v))} error={error('earn_multiplier')} />
        <RewardSelect optional label={t('engagementForm.plan.periodicReward')} value={draft.periodic_reward_id} onChange={change('periodic_reward_id')} error={error('periodic_reward_id')} />
        <NativeSelect label={t('engagementForm.plan.tier')} value={draft.tier_id} onChange={(e) => change('tier_id')(e.currentTarget.value)} data={[{ value: '', label: t('engagementForm.plan.noTier') }, ...tiers.map((tier) => ({ value: tier.id, label: tier.name }))]} error={error('tier_id')} />
        <PerksInput value={draft.perks} onChange={change('perks')} error={error('perks')} />
        <TextInput label={t('engagementForm.plan.joinUrl')} description={t('engagementForm.plan.joinUrlHint')} type="url" value={draft.join_url} onChange={(e) => change('join_url')(e.currentTarget.value)} error={error('join_url')} />
      </FormDialog>
    </>
  );
}
