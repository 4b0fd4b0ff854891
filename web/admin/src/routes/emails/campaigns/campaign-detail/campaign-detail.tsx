import { Anchor, Box, Breadcrumbs, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../../components/common/page-header.tsx';
import { ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { useCancelEmailCampaign, useEmailCampaign, type CampaignLocale, type EmailCampaign } from '../../../../hooks/api/email-campaigns.ts';
import { useSession } from '../../../../hooks/api/session.ts';
import { roleMay } from '../../../../lib/roles.ts';
import { MessagesSection } from '../../components/messages-section.tsx';
import { CAMPAIGN_LOCALES, type LocaleContent } from '../campaign-draft.ts';
import { EmailPreview } from '../components/email-preview.tsx';
import { CampaignActions } from './components/campaign-actions.tsx';
import { CampaignGiftSection } from './components/campaign-gift-section.tsx';
import { CampaignReportSection } from './components/campaign-report-section.tsx';
import { CampaignSummarySection } from './components/campaign-summary-section.tsx';

/** One campaign (`/emails/campaigns/:id`): where it stands, what its emails did, its gift, the email itself, and each message with its status. */
export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useEmailCampaign(id);
  const cancel = useCancelEmailCampaign();
  const mayChange = roleMay(useSession().data?.program.role, 'setup');
  const c = campaign.data;
  const name = c?.name ?? t('campaigns.campaign');
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/emails/campaigns" size="sm">
          {t('campaigns.title')}
        </Anchor>
        <bdi aria-current="page">{name}</bdi>
      </Breadcrumbs>
      <PageHeader title={name} actions={c && mayChange && <CampaignActions campaign={c} cancel={cancel} />} />
      <QueryState isPending={campaign.isPending} error={campaign.error}>
        {() => (
          <Stack gap="lg">
            {cancel.error && <ErrorAlert error={cancel.error} title={t('campaigns.notCancelled')} />}
            <CampaignSummarySection campaign={c!} />
            <CampaignReportSection campaign={c!} />
            {c!.gift && <CampaignGiftSection campaign={{ ...c!, gift: c!.gift }} />}
            <CampaignEmail campaign={c!} />
            <MessagesSection campaignId={c!.id} version={`${c!.status} ${JSON.stringify(c!.report)}`} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** The email as it reads, in each language it was written in. */
function CampaignEmail({ campaign }: { campaign: EmailCampaign }) {
  const { t } = useTranslation();
  const written = CAMPAIGN_LOCALES.filter((l) => campaign.content[l]);
  const [locale, setLocale] = useState<CampaignLocale>(written[0] ?? 'en');
  const picker = written.length > 1 && (
    <NativeSelect aria-label={t('emails.language')} size="xs" value={locale} onChange={(e) => setLocale(e.currentTarget.value as CampaignLocale)} data={written.map((l) => ({ value: l, label: t(`emails.locales.${l}`) }))} />
  );
  // The email is at most 600 pixels wide: a wider frame is only margin.
  return (
    <Box maw={760}>
      <EmailPreview locale={locale} content={{ subject: '', preheader: '', heading: '', body: '', button: '', ...(campaign.content[locale] as Partial<LocaleContent>) }} picker={picker} survey={campaign.kind === 'survey'} />
    </Box>
  );
}
