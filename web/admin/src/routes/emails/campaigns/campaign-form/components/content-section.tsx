import { Alert, Paper, Stack, Tabs, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import type { CampaignLocale } from '../../../../../hooks/api/email-campaigns.ts';
import { CAMPAIGN_LOCALES, CONTENT_PARTS, isRtl, isWritten, type ContentPart, type LocaleContent } from '../../campaign-draft.ts';
import { LiquidExample } from '../../components/liquid-example.tsx';

const LIQUID_EXAMPLE = '{{ customer.first_name }}, {{ points.balance }}, {{ gift.points }}';
const LABELS: Record<ContentPart, string> = { subject: 'emails.subject', preheader: 'emails.preheader', heading: 'emails.heading', body: 'emails.body', button: 'emails.button' };
const NEEDED: ContentPart[] = ['subject', 'heading', 'body'];

interface ContentSectionProps {
  content: Record<CampaignLocale, LocaleContent>;
  /** The language shown, in the tabs and in the preview. */
  locale: CampaignLocale;
  onLocale: (locale: CampaignLocale) => void;
  onChange: (locale: CampaignLocale, part: ContentPart, value: string) => void;
  /** The API's error about a param, such as `content.ar.subject`. */
  error: (param: string) => string | undefined;
}

/**
 * The email in each language, a tab each: a language is sent once something of it is written. A
 * tab the API refused is marked, and the error is beside the part it names.
 */
export function ContentSection({ content, locale, onLocale, onChange, error }: ContentSectionProps) {
  const { t } = useTranslation();
  const refused = (l: CampaignLocale) => Boolean(error(`content.${l}`) || CONTENT_PARTS.some((part) => error(`content.${l}.${part}`)));
  return (
    <Section id="campaign-content-title" title={t('campaigns.content')}>
      <Paper withBorder p="md">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('campaigns.contentHint')}
          </Text>
          {error('content') && (
            <Alert color="red" variant="light" role="alert">
              {error('content')}
            </Alert>
          )}
          <Tabs value={locale} onChange={(value) => value && onLocale(value as CampaignLocale)} keepMounted={false}>
            <Tabs.List aria-label={t('campaigns.languages')}>
              {CAMPAIGN_LOCALES.map((l) => (
                <Tabs.Tab key={l} value={l} c={refused(l) ? 'red.8' : undefined} fw={isWritten(content[l]) ? 600 : undefined}>
                  <span lang={l}>{t(`emails.locales.${l}`)}</span>
                  {refused(l) ? <Marker text={t('campaigns.tabRefused')} sign="!" /> : isWritten(content[l]) && <Marker text={t('campaigns.tabWritten')} sign="✓" />}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {CAMPAIGN_LOCALES.map((l) => (
              <Tabs.Panel key={l} value={l} pt="md">
                <LocaleFields locale={l} content={content[l]} onChange={(part, value) => onChange(l, part, value)} error={error} />
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      </Paper>
    </Section>
  );
}

/** A sign after a tab's name (✓ written, ! refused), read out as words. */
function Marker({ text, sign }: { text: string; sign: string }) {
  return (
    <>
      <span aria-hidden style={{ marginInlineStart: 6 }}>
        {sign}
      </span>
      <VisuallyHidden>{`, ${text}`}</VisuallyHidden>
    </>
  );
}

/** The five parts of one language's email, written in its direction. */
function LocaleFields({ locale, content, onChange, error }: { locale: CampaignLocale; content: LocaleContent; onChange: (part: ContentPart, value: string) => void; error: (param: string) => string | undefined }) {
  const { t } = useTranslation();
  const dir = isRtl(locale) ? 'rtl' : 'ltr';
  const field = (part: ContentPart) => ({
    label: t(LABELS[part]),
    withAsterisk: NEEDED.includes(part),
    lang: locale,
    dir,
    value: content[part],
    error: error(`content.${locale}.${part}`),
  });
  return (
    <Stack>
      {error(`content.${locale}`) && (
        <Alert color="red" variant="light" role="alert">
          {error(`content.${locale}`)}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        {t('campaigns.liquidHint')} <LiquidExample text={LIQUID_EXAMPLE} />
      </Text>
      <TextInput {...field('subject')} maxLength={500} onChange={(e) => onChange('subject', e.currentTarget.value)} />
      <TextInput {...field('preheader')} maxLength={500} description={t('campaigns.preheaderHint')} onChange={(e) => onChange('preheader', e.currentTarget.value)} />
      <TextInput {...field('heading')} maxLength={500} onChange={(e) => onChange('heading', e.currentTarget.value)} />
      {/* Liquid reads best in a monospace font; Arabic and Persian letters are not made for one. */}
      <Textarea {...field('body')} autosize minRows={5} maxRows={14} styles={isRtl(locale) ? undefined : { input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }} onChange={(e) => onChange('body', e.currentTarget.value)} />
      <TextInput {...field('button')} maxLength={200} description={t('campaigns.buttonHint')} onChange={(e) => onChange('button', e.currentTarget.value)} />
    </Stack>
  );
}
