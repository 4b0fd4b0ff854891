import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, fieldError, formError } from '../../../../api/client.ts';
import { PageHeader } from '../../../../components/common/page-header.tsx';
import { QueryState } from '../../../../components/common/query-state.tsx';
import { useEmailCampaign, useSaveEmailCampaign, type CampaignLocale } from '../../../../hooks/api/email-campaigns.ts';
import { CAMPAIGN_FIELDS, CAMPAIGN_LOCALES, draftOf, emptyCampaign, isWritten, toCampaign, type CampaignDraft, type ContentPart } from '../campaign-draft.ts';
import { EmailPreview } from '../components/email-preview.tsx';
import { AudienceSection } from './components/audience-section.tsx';
import { ContentSection } from './components/content-section.tsx';
import { GiftSection } from './components/gift-section.tsx';
import { SendingSection } from './components/sending-section.tsx';

/** A new campaign (`/emails/campaigns/new`), or a scheduled one to change (`/emails/campaigns/:id/edit`). */
export default function CampaignFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const campaign = useEmailCampaign(id);
  const title = id ? t('campaigns.editTitle') : t('campaigns.newTitle');
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/emails/campaigns" size="sm">
          {t('campaigns.title')}
        </Anchor>
        {id && campaign.data && (
          <Anchor component={Link} to={`/emails/campaigns/${id}`} size="sm">
            <bdi>{campaign.data.name}</bdi>
          </Anchor>
        )}
        <span aria-current="page">{title}</span>
      </Breadcrumbs>
      <PageHeader title={title} description={t('campaigns.formDescription')} />
      {id ? (
        <QueryState isPending={campaign.isPending} error={campaign.error}>
          {() => <CampaignForm key={id} initial={draftOf(campaign.data!)} />}
        </QueryState>
      ) : (
        <CampaignForm initial={emptyCampaign()} />
      )}
    </>
  );
}

/** The sections of the form beside the email's preview; saved, the campaign's page opens. */
function CampaignForm({ initial }: { initial: CampaignDraft }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveEmailCampaign();
  const [draft, setDraft] = useState(initial);
  const [locale, setLocale] = useState<CampaignLocale>(firstWritten(initial));
  const editing = draft.id !== undefined;
  // The API's error about a field goes once that field changes.
  const changed = (param: string) => {
    if (save.error instanceof ApiError && save.error.param === param) save.reset();
  };
  const change =
    <K extends keyof CampaignDraft>(key: K) =>
    (value: CampaignDraft[K]) => {
      changed(GIFT_PARAMS[key as string] ?? (key as string));
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const changeContent = (l: CampaignLocale, part: ContentPart, value: string) => {
    changed(`content.${l}.${part}`);
    setDraft((d) => ({ ...d, content: { ...d.content, [l]: { ...d.content[l], [part]: value } } }));
  };
  const error = (param: string) => fieldError(save.error, param);
  const above = formError(save.error, CAMPAIGN_FIELDS);
  const back = editing ? `/emails/campaigns/${draft.id}` : '/emails/campaigns';
  let submitLabel = t('campaigns.sendNow');
  if (editing) submitLabel = t('campaigns.save');
  else if (draft.when === 'later') submitLabel = t('campaigns.schedule');
  return (
    <form
      aria-label={editing ? t('campaigns.editTitle') : t('campaigns.newTitle')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { id: draft.id, campaign: toCampaign(draft) },
          {
            onSuccess: (saved) => void navigate(`/emails/campaigns/${saved.id}`),
            // An error about another language's words opens its tab, where the error is.
            onError: (failure) => {
              const refused = CAMPAIGN_LOCALES.find((l) => failure instanceof ApiError && failure.param?.startsWith(`content.${l}`));
              if (refused) setLocale(refused);
            },
          },
        );
      }}
    >
      <Stack gap="lg">
        {above && (
          <Alert color="red" variant="light" role="alert">
            {above}
          </Alert>
        )}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <AudienceSection draft={draft} change={change} error={error} editing={editing} />
              <ContentSection content={draft.content} locale={locale} onLocale={setLocale} onChange={changeContent} error={error} />
              <SendingSection draft={draft} change={change} error={error} />
              <GiftSection draft={draft} change={change} error={error} editing={editing} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <div style={{ position: 'sticky', top: 'calc(var(--app-shell-header-offset, 0px) + var(--mantine-spacing-md))' }}>
              <EmailPreview locale={locale} content={draft.content[locale]} survey={draft.kind === 'survey'} />
            </div>
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={back}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The draft's gift fields, by the params the API names them with. */
const GIFT_PARAMS: Record<string, string> = { points: 'gift.points', reward_id: 'gift.reward_id', reason: 'gift.reason' };

/** The language the form opens on: the first one written, else English. */
const firstWritten = (draft: CampaignDraft): CampaignLocale => CAMPAIGN_LOCALES.find((l) => isWritten(draft.content[l])) ?? 'en';
