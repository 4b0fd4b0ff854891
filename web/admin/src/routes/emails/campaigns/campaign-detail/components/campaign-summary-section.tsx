import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import type { EmailCampaign } from '../../../../../hooks/api/email-campaigns.ts';
import { formatDateTime, formatNumber } from '../../../../../lib/format.ts';
import { Fact } from '../../../../customers/customer-detail/components/fact.tsx';
import { CAMPAIGN_LOCALES } from '../../campaign-draft.ts';
import { useCampaignWords } from '../../campaign-words.ts';
import { CampaignStatusBadge } from '../../components/campaign-status-badge.tsx';

/** Where the campaign stands: its status, audience and times, how many it went to, its button and its languages. */
export function CampaignSummarySection({ campaign: c }: { campaign: EmailCampaign }) {
  const { t } = useTranslation();
  const words = useCampaignWords();
  const languages = CAMPAIGN_LOCALES.filter((l) => c.content[l]).map((l) => t(`emails.locales.${l}`));
  let when = { label: t('campaigns.scheduledAt'), at: c.scheduled_at };
  if (c.cancelled_at) when = { label: t('campaigns.cancelledAt'), at: c.cancelled_at };
  else if (c.started_at) when = { label: t('campaigns.startedAt'), at: c.started_at };
  return (
    <Section id="campaign-summary-title" title={t('campaigns.summaryTitle')}>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t('program.status')} value={<CampaignStatusBadge status={c.status} />} />
          <Fact label={t('campaigns.audience')} value={<bdi>{words.audience(c)}</bdi>} />
          <Fact label={when.label} value={formatDateTime(when.at)} />
          <Fact label={t('campaigns.recipients')} value={c.recipients === null ? t('campaigns.recipientsLater') : formatNumber(c.recipients)} />
          <Fact
            label={t('campaigns.buttonUrl')}
            value={
              c.button_url ? (
                <Text component="span" dir="ltr" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {c.button_url}
                </Text>
              ) : (
                t('campaigns.storeUrl')
              )
            }
          />
          <Fact label={t('campaigns.languages')} value={languages.join(t('campaigns.listSeparator'))} />
        </SimpleGrid>
      </Paper>
    </Section>
  );
}
