import { Badge, Button, Group, NativeSelect, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../api/client.ts';
import { FormDialog } from '../../../components/common/form-dialog.tsx';
import { isolate } from '../../../lib/format.ts';
import { usePreviewEmail, useResetEmailTemplate, useSaveEmailTemplate, useEmailTemplate, type EmailContent, type EmailLocale } from '../../../hooks/api/emails.ts';

const LOCALES: EmailLocale[] = ['en', 'ar', 'fa', 'zh-Hans', 'zh-Hant'];
const FIELDS = ['subject', 'preheader', 'heading', 'body', 'button'] as const;
const LIQUID_EXAMPLE = '{{ customer.first_name }}, {{ points.balance }}, {% for r in rewards %}{{ r.name }}{% endfor %}';
const EMPTY: EmailContent = { subject: '', preheader: '', heading: '', body: '', button: '' };

/** One step's template in one language: read it, change its Liquid, preview it with sample data, save it or go back to the default. */
export function TemplateDialog({ template, mayChange, onClose }: { template: string; mayChange: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [locale, setLocale] = useState<EmailLocale>('en');
  const saved = useEmailTemplate(template, locale, true);
  const save = useSaveEmailTemplate();
  const reset = useResetEmailTemplate();
  const preview = usePreviewEmail();
  const [draft, setDraft] = useState<EmailContent>(EMPTY);
  useEffect(() => {
    if (saved.data) setDraft({ subject: saved.data.subject, preheader: saved.data.preheader, heading: saved.data.heading, body: saved.data.body, button: saved.data.button });
  }, [saved.data]);
  const change = (field: keyof EmailContent) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const error = (field: string) => fieldError(save.error ?? preview.error, field);
  const rtl = locale === 'ar' || locale === 'fa';
  const after = (
    <>
      <Group mt="md" gap="sm">
        <Button
          variant="light"
          loading={preview.isPending}
          onClick={() => {
            save.reset();
            preview.mutate({ template, locale, content: draft });
          }}
        >
          {t('emails.preview')}
        </Button>
        {mayChange && saved.data?.customized && (
          <Button variant="subtle" color="red" loading={reset.isPending} onClick={() => reset.mutate({ template, locale }, { onSuccess: () => preview.reset() })}>
            {t('emails.reset')}
          </Button>
        )}
      </Group>
      {preview.data && (
        <>
          <Text size="sm" mt="sm">
            <strong>{t('emails.subject')}:</strong> <bdi>{preview.data.subject}</bdi>
          </Text>
          <iframe title={t('emails.previewFrame')} sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, marginTop: 8 }} />
        </>
      )}
    </>
  );
  return (
    <FormDialog
      opened
      onClose={onClose}
      title={t('emails.templateTitle', { template })}
      onSubmit={() => save.mutate({ template, locale, content: draft }, { onSuccess: onClose })}
      pending={save.isPending}
      error={formError(save.error, FIELDS)}
      submitLabel={t('emails.save')}
      size="lg"
      after={after}
    >
      <Group align="flex-end">
        <NativeSelect
          label={t('emails.language')}
          value={locale}
          onChange={(e) => {
            setLocale(e.currentTarget.value as EmailLocale);
            preview.reset();
            save.reset();
          }}
          data={LOCALES.map((l) => ({ value: l, label: t(`emails.locales.${l}`) }))}
          data-autofocus
        />
        {saved.data && <Badge variant="light">{saved.data.customized ? t('emails.customized') : t('emails.default')}</Badge>}
      </Group>
      <Text size="xs" c="dimmed">
        {t('emails.liquidHint', { example: isolate(LIQUID_EXAMPLE) })}
      </Text>
      <TextInput label={t('emails.subject')} required dir={rtl ? 'rtl' : 'ltr'} value={draft.subject} onChange={(e) => change('subject')(e.currentTarget.value)} error={error('subject')} readOnly={!mayChange} />
      <TextInput label={t('emails.preheader')} dir={rtl ? 'rtl' : 'ltr'} value={draft.preheader} onChange={(e) => change('preheader')(e.currentTarget.value)} error={error('preheader')} readOnly={!mayChange} />
      <TextInput label={t('emails.heading')} required dir={rtl ? 'rtl' : 'ltr'} value={draft.heading} onChange={(e) => change('heading')(e.currentTarget.value)} error={error('heading')} readOnly={!mayChange} />
      <Textarea label={t('emails.body')} required autosize minRows={5} maxRows={14} dir={rtl ? 'rtl' : 'ltr'} styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }} value={draft.body} onChange={(e) => change('body')(e.currentTarget.value)} error={error('body') ?? error('content')} readOnly={!mayChange} />
      <TextInput label={t('emails.button')} dir={rtl ? 'rtl' : 'ltr'} value={draft.button} onChange={(e) => change('button')(e.currentTarget.value)} error={error('button')} readOnly={!mayChange} />
    </FormDialog>
  );
}
