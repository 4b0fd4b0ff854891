import { Alert, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignPreview, type CampaignLocale, type CampaignPreviewInput } from '../../../../hooks/api/email-campaigns.ts';
import { isolate } from '../../../../lib/format.ts';
import { isRenderable, isWritten, type LocaleContent } from '../campaign-draft.ts';

const renderableInput = (input: string) => {
  const { locale, content, kind } = JSON.parse(input) as Required<Pick<CampaignPreviewInput, 'locale'>> & Pick<CampaignPreviewInput, 'content' | 'kind'>;
  return content ? isRenderable(content[locale] as LocaleContent, kind === 'survey') : kind === 'survey';
};

/**
 * One language of the campaign as a shopper reads it, with sample data, rendered again a moment
 * after each change: its subject, then the email in a sandboxed frame. Nothing is sent.
 */
export function EmailPreview({ locale, content, picker, survey = false }: { locale: CampaignLocale; content: LocaleContent; /** Beside the title: a choice of language. */ picker?: ReactNode; /** A survey campaign: the scores, and the survey template's words where none are written. */ survey?: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const input = JSON.stringify({ locale, ...(survey ? { kind: 'survey' } : {}), ...(isWritten(content) || !survey ? { content: { [locale]: content } } : {}) });
  const [asked] = useDebouncedValue(input, 500);
  const ready = isRenderable(content, survey);
  // What is asked lags behind what is typed: it, too, must have what a render needs.
  const askedReady = useMemo(() => renderableInput(asked), [asked]);
  const preview = useCampaignPreview(asked, ready && askedReady);
  const stale = preview.isFetching || asked !== input;
  const email = preview.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {t('campaigns.previewTitle')}
          </Title>
          <Group gap="xs">
            {ready && stale && <Loader size="xs" aria-hidden />}
            {picker}
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('campaigns.previewHint', { language: isolate(t(`emails.locales.${locale}`)) })}
        </Text>
        {!ready && <Text c="dimmed">{t('campaigns.previewWaits')}</Text>}
        {ready && preview.error && (
          <Alert color="red" variant="light" role="alert" title={t('campaigns.previewFailed')}>
            {isolate(preview.error.message)}
          </Alert>
        )}
        {ready && !preview.error && email && (
          <>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              <strong>{t('emails.subject')}:</strong>{' '}
              <bdi lang={locale}>{email.subject}</bdi>
            </Text>
            <iframe title={t('emails.previewFrame')} sandbox="" srcDoc={email.html} style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
