import { Group, NativeSelect, NumberInput, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import { useRewards } from '../../../../../hooks/api/program.ts';
import { numberOrEmpty } from '../../../../../hooks/use-form-dialog.ts';
import type { CampaignDraft } from '../../campaign-draft.ts';
import { LiquidExample } from '../../components/liquid-example.tsx';

interface GiftSectionProps {
  draft: CampaignDraft;
  change: <K extends keyof CampaignDraft>(key: K) => (value: CampaignDraft[K]) => void;
  error: (param: string) => string | undefined;
  /** A campaign's gift is fixed once it exists (it moves with the campaign's time). */
  editing: boolean;
}

const GIFT_EXAMPLE = '{{ gift.points }}, {{ gift.reward_name }}, {{ gift.reason }}';

/** An optional group gift to the same audience at the same time: points or one of the active rewards, with the reason the ledger keeps. */
export function GiftSection({ draft, change, error, editing }: GiftSectionProps) {
  const { t } = useTranslation();
  const rewards = (useRewards().data?.data ?? []).filter((r) => r.status === 'active' || r.id === draft.reward_id);
  return (
    <Section id="campaign-gift-title" title={t('campaigns.giftTitle')}>
      <Paper withBorder p="md">
        <Stack>
          <Text size="sm" c="dimmed">
            {editing ? (
              t('campaigns.giftFixed')
            ) : (
              <>
                {t('campaigns.giftHint')} <LiquidExample text={GIFT_EXAMPLE} />
              </>
            )}
          </Text>
          <Radio.Group label={t('campaigns.giftKind')} value={draft.gift} onChange={(value) => change('gift')(value as CampaignDraft['gift'])}>
            <Group gap="lg" mt={4}>
              <Radio value="none" label={t('campaigns.noGift')} disabled={editing} />
              <Radio value="points" label={t('gifts.kindPoints')} disabled={editing} />
              <Radio value="reward" label={t('gifts.kindReward')} disabled={editing} />
            </Group>
          </Radio.Group>
          {draft.gift === 'points' && (
            <NumberInput label={t('gifts.points')} required disabled={editing} min={1} allowDecimal={false} thousandSeparator value={draft.points} onChange={(v) => change('points')(numberOrEmpty(v))} error={error('gift.points')} />
          )}
          {draft.gift === 'reward' && (
            <NativeSelect
              label={t('gifts.reward')}
              description={rewards.length === 0 ? t('gifts.noRewards') : t('gifts.rewardHint')}
              required
              disabled={editing}
              value={draft.reward_id}
              onChange={(e) => change('reward_id')(e.currentTarget.value)}
              data={[{ value: '', label: t('gifts.chooseReward') }, ...rewards.map((r) => ({ value: r.id, label: r.name }))]}
              error={error('gift.reward_id')}
            />
          )}
          {draft.gift !== 'none' && (
            <TextInput label={t('gifts.reason')} description={t('campaigns.giftReasonHint')} disabled={editing} maxLength={500} value={draft.reason} onChange={(e) => change('reason')(e.currentTarget.value)} error={error('gift.reason')} />
          )}
        </Stack>
      </Paper>
    </Section>
  );
}
