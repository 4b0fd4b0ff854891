// A campaign in words, as the list and the detail say it: to whom, and what its gift is.
import { useTranslation } from 'react-i18next';
import type { EmailCampaign } from '../../../hooks/api/email-campaigns.ts';
import { useRewards } from '../../../hooks/api/program.ts';
import { useSegments } from '../../../hooks/api/segments.ts';
import { formatNumber } from '../../../lib/format.ts';

export function useCampaignWords() {
  const { t } = useTranslation();
  const segments = useSegments().data?.data ?? [];
  const rewards = useRewards().data?.data ?? [];
  return {
    /** The segment's name, "Everyone", or a segment since deleted. */
    audience: (c: Pick<EmailCampaign, 'segment_id'>) => (c.segment_id === null ? t('campaigns.everyone') : (segments.find((s) => s.id === c.segment_id)?.name ?? t('campaigns.deletedSegment'))),
    /** "50 points" or the reward's name; null without a gift. */
    gift: (c: Pick<EmailCampaign, 'gift'>) => {
      const g = c.gift;
      if (!g) return null;
      return g.points !== null ? t('common.points', { count: g.points, formatted: formatNumber(g.points) }) : (rewards.find((r) => r.id === g.reward_id)?.name ?? t('gifts.aReward'));
    },
  };
}
