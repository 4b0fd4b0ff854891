import { Button, Checkbox, NativeSelect, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { useCreateChallenge, type NewChallenge } from '../../../hooks/api/catalog.ts';
import { numberOrEmpty, unlessEmpty, useFormDialog } from '../../../hooks/use-form-dialog.ts';
import { RewardSelect } from './reward-select.tsx';

const FIELDS = ['name', 'goal', 'target', 'event_type', 'window_days', 'reward_id', 'points', 'repeatable'] as const;
type Goal = NewChallenge['goal'];
const GOALS: Goal[] = ['orders', 'event', 'collections'];
const EVENTS = ['review', 'social_share', 'social_follow', 'newsletter_signup', 'profile_completed'] as const;

interface Draft {
  name: string;
  goal: Goal;
  target: number | '';
  event_type: string;
  window_days: number | '';
  reward_id: string;
  points: number | '';
  repeatable: boolean;
}
const EMPTY: Draft = { name: '', goal: 'orders', target: 3, event_type: 'review', window_days: 30, reward_id: '', points: '', repeatable: false };

function toChallenge(d: Draft): NewChallenge {
  return {
    name: d.name.trim(),
    goal: d.goal,
    target: unlessEmpty(d.target),
    ...(d.goal === 'event' ? { event_type: d.event_type } : {}),
    window_days: d.window_days === '' ? null : d.window_days,
    reward_id: d.reward_id || null,
    points: unlessEmpty(d.points),
    repeatable: d.repeatable,
  } as NewChallenge;
}

/** A goal to reach within a window (three orders in a month, two reviews), rewarded with points or a reward. */
export function CreateChallengeButton() {
  const { t } = useTranslation();
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateChallenge(), toChallenge, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('engagementForm.challenge.open')}</Button>
      <FormDialog {...dialog} title={t('engagementForm.challenge.open')} submitLabel={t('engagementForm.challenge.submit')}>
        <TextInput label={t('program.name')} description={t('engagementForm.challenge.nameHint')} required value={draft.name} onChange={(e) => change('name')(e.currentTarget.value)} error={error('name')} data-autofocus />
        <NativeSelect label={t('engagement.goal')} value={draft.goal} onChange={(e) => change('goal')(e.currentTarget.value as Goal)} data={GOALS.map((goal) => ({ value: goal, label: t(`engagementForm.challenge.goals.${goal}`) }))} error={error('goal')} />
        {draft.goal === 'event' && (
          <NativeSelect label={t('rule.event')} value={draft.event_type} onChange={(e) => change('event_type')(e.currentTarget.value)} data={EVENTS.map((event) => ({ value: event, label: t(`rule.events.${event}`) }))} error={error('event_type')} />
        )}
        <NumberInput label={t('engagementForm.challenge.target')} required min={1} max={1000} allowDecimal={false} value={draft.target} onChange={(v) => change('target')(numberOrEmpty(v))} error={error('target')} />
        <NumberInput label={t('engagementForm.challenge.window')} description={t('engagementForm.challenge.windowHint')} min={1} max={3650} allowDecimal={false} value={draft.window_days} onChange={(v) => change('window_days')(numberOrEmpty(v))} error={error('window_days')} />
        <NumberInput label={t('engagementForm.challenge.points')} description={t('engagementForm.challenge.pointsHint')} min={0} allowDecimal={false} value={draft.points} onChange={(v) => change('points')(numberOrEmpty(v))} error={error('points')} />
        <RewardSelect optional label={t('engagementForm.challenge.reward')} value={draft.reward_id} onChange={change('reward_id')} error={error('reward_id')} />
        <Checkbox label={t('engagementForm.challenge.repeatable')} checked={draft.repeatable} onChange={(e) => change('repeatable')(e.currentTarget.checked)} error={error('repeatable')} />
      </FormDialog>
    </>
  );
}
