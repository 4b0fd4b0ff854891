import { Group, NativeSelect, NumberInput, Radio, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { useCreateGift, type Gift } from '../../../hooks/api/gifts.ts';
import { useRewards } from '../../../hooks/api/program.ts';
import type { Segment } from '../../../hooks/api/segments.ts';
import { numberOrEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { formatNumber, isolate } from '../../../lib/format.ts';
import { EMPTY_GIFT, GIFT_FIELDS, giftFor, toGift } from '../gift-draft.ts';

/** The dialog's state, for the page that opens it on a segment; `onGiven` gets the gift made. */
export function useGiftForm(onGiven: (gift: Gift) => void) {
  const form = useFormDialog(EMPTY_GIFT, useCreateGift(onGiven), toGift, GIFT_FIELDS);
  return { ...form, give: (segment: Segment) => form.edit(giftFor(segment)) };
}
export type GiftForm = ReturnType<typeof useGiftForm>;

/** Points or one of the active rewards, free, to everyone in the segment when it is given: now, or at a time (cancellable until then). */
export function GiftDialog({ form }: { form: GiftForm }) {
  const { t } = useTranslation();
  const { draft, change, error, dialog } = form;
  const rewards = (useRewards().data?.data ?? []).filter((r) => r.status === 'active');
  const name = isolate(draft.segment?.name ?? '');
  const count = draft.segment?.count ?? 0;
  return (
    <FormDialog {...dialog} title={t('gifts.giveTitle', { name })} submitLabel={t(draft.when === 'now' ? 'gifts.giveNow' : 'gifts.schedule')}>
      <Text size="sm">{t('gifts.toSegment', { count, formatted: formatNumber(count), name })}</Text>
      <Radio.Group label={t('gifts.what')} value={draft.kind} onChange={(value) => change('kind')(value === 'reward' ? 'reward' : 'points')}>
        <Group gap="lg" mt={4}>
          <Radio value="points" label={t('gifts.kindPoints')} />
          <Radio value="reward" label={t('gifts.kindReward')} />
        </Group>
      </Radio.Group>
      {draft.kind === 'points' ? (
        <NumberInput label={t('gifts.points')} required min={1} allowDecimal={false} thousandSeparator value={draft.points} onChange={(v) => change('points')(numberOrEmpty(v))} error={error('points')} data-autofocus />
      ) : (
        <NativeSelect
          label={t('gifts.reward')}
          description={rewards.length === 0 ? t('gifts.noRewards') : t('gifts.rewardHint')}
          required
          value={draft.reward_id}
          onChange={(e) => change('reward_id')(e.currentTarget.value)}
          data={[{ value: '', label: t('gifts.chooseReward') }, ...rewards.map((r) => ({ value: r.id, label: r.name }))]}
          error={error('reward_id')}
        />
      )}
      <TextInput label={t('gifts.reason')} description={t('gifts.reasonHint')} required maxLength={500} value={draft.reason} onChange={(e) => change('reason')(e.currentTarget.value)} error={error('reason')} />
      <Radio.Group label={t('gifts.when')} value={draft.when} onChange={(value) => change('when')(value === 'later' ? 'later' : 'now')}>
        <Group gap="lg" mt={4}>
          <Radio value="now" label={t('gifts.now')} />
          <Radio value="later" label={t('gifts.later')} />
        </Group>
      </Radio.Group>
      {draft.when === 'later' && <TextInput type="datetime-local" label={t('gifts.at')} required value={draft.scheduled_at} onChange={(e) => change('scheduled_at')(e.currentTarget.value)} error={error('scheduled_at')} />}
      <Text size="xs" c="dimmed">
        {t('gifts.sweepHint')}
      </Text>
    </FormDialog>
  );
}
