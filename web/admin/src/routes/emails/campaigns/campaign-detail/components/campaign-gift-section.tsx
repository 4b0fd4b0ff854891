import { Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import type { EmailCampaign } from '../../../../../hooks/api/email-campaigns.ts';
import { useGift } from '../../../../../hooks/api/gifts.ts';
import { Fact } from '../../../../customers/customer-detail/components/fact.tsx';
import { GiftProgress } from '../../../../segments/components/gift-progress.tsx';
import { useCampaignWords } from '../../campaign-words.ts';

/** The campaign's gift to the same audience: what, why, and how far the sweep has got in giving it. */
export function CampaignGiftSection({ campaign }: { campaign: EmailCampaign & { gift: NonNullable<EmailCampaign['gift']> } }) {
  const { t } = useTranslation();
  const words = useCampaignWords();
  const gift = useGift(campaign.gift.id);
  return (
    <Section id="campaign-gift-title" title={t('campaigns.giftTitle')}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t('gifts.gift')} value={<bdi>{words.gift(campaign)}</bdi>} />
          <Fact label={t('gifts.reason')} value={<bdi>{campaign.gift.reason}</bdi>} />
          <Fact label={t('program.status')} value={gift.data ? <GiftProgress gift={gift.data} /> : '—'} />
        </SimpleGrid>
      </Paper>
    </Section>
  );
}
