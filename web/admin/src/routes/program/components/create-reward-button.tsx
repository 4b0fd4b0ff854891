import { Alert, Button, Group, Modal, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../api/client.ts';
import { MoneyInput } from '../../../components/common/money-input.tsx';
import { useCreateReward, useProgram, type NewReward } from '../../../hooks/api/program.ts';

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
  const set = <T,>(value: T | '') => (value === '' ? undefined : value);
  return {
    name: d.name.trim(),
    type: d.type,
    points_cost: set(d.points_cost),
    ...(d.type === 'amount_off' ? { amount: set(d.amount) } : {}),
    ...(d.type === 'percent_off' ? { percent: set(d.percent) } : {}),
    code_validity_days: set(d.code_validity_days),
  };
}

/** A reward with a fixed cost in points: money off, a percentage off, or free shipping. Other kinds are made with the API. */
export function CreateRewardButton() {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure();
  const create = useCreateReward();
  const currency = useProgram().data?.currency ?? 'USD';
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const change = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const number = (value: string | number) => (typeof value === 'number' ? value : '');
  const done = () => {
    close();
    setDraft(EMPTY);
    create.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(toReward(draft), { onSuccess: done });
  };
  const error = (field: string) => fieldError(create.error, field);
  const general = formError(create.error, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('reward.open')}</Button>
      <Modal opened={opened} onClose={done} title={t('reward.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {general && (
              <Alert color="red" variant="light" role="alert">
                {general}
              </Alert>
            )}
            <TextInput label={t('reward.name')} description={t('reward.nameHint')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
            <NativeSelect label={t('reward.type')} value={draft.type} onChange={(e) => change('type')(e.currentTarget.value as RewardType)} data={TYPES.map((type) => ({ value: type, label: t(`program.rewardTypes.${type}`) }))} error={error('type')} />
            {draft.type === 'amount_off' && <MoneyInput label={t('reward.amount')} required currency={currency} value={draft.amount} onChange={change('amount')} error={error('amount')} />}
            {draft.type === 'percent_off' && <NumberInput label={t('reward.percent')} required min={1} max={100} allowDecimal={false} suffix=" %" value={draft.percent} onChange={(v) => change('percent')(number(v))} error={error('percent')} />}
            <NumberInput label={t('reward.cost')} required min={1} allowDecimal={false} value={draft.points_cost} onChange={(v) => change('points_cost')(number(v))} error={error('points_cost')} />
            <NumberInput label={t('reward.validity')} description={t('reward.validityHint')} min={1} max={3650} allowDecimal={false} value={draft.code_validity_days} onChange={(v) => change('code_validity_days')(number(v))} error={error('code_validity_days')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={done}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('reward.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
