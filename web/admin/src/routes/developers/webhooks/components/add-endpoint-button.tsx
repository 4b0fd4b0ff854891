import { Button, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../../components/common/form-dialog.tsx';
import { useCreateWebhookEndpoint, type EndpointWithSecret, type NewWebhookEndpoint } from '../../../../hooks/api/webhooks.ts';
import { useFormDialog } from '../../../../hooks/use-form-dialog.ts';
import { EventPicker } from './event-picker.tsx';

const FIELDS = ['url', 'events', 'description'] as const;
const EMPTY = { url: '', events: [] as string[], description: '' };

const toEndpoint = (d: typeof EMPTY): NewWebhookEndpoint => ({ url: d.url.trim(), events: d.events, ...(d.description.trim() ? { description: d.description.trim() } : {}) });

/** A new endpoint: where to send, and which events; the API's answer holds its signing secret, handed to `onCreated`. */
export function AddEndpointButton({ onCreated }: { onCreated: (created: EndpointWithSecret) => void }) {
  const { t } = useTranslation();
  const { open, draft, change, error, dialog } = useFormDialog(EMPTY, useCreateWebhookEndpoint(onCreated), toEndpoint, FIELDS);
  return (
    <>
      <Button onClick={open}>{t('webhooks.add')}</Button>
      <FormDialog {...dialog} title={t('webhooks.add')} submitLabel={t('webhooks.addSubmit')}>
        <TextInput
          label={t('webhooks.url')}
          description={t('webhooks.urlHint')}
          placeholder="https://example.com/webhooks/regulars"
          required
          dir="ltr"
          type="url"
          value={draft.url}
          onChange={(e) => change('url')(e.currentTarget.value)}
          error={error('url')}
          data-autofocus
        />
        <EventPicker value={draft.events} onChange={change('events')} error={error('events')} />
        <TextInput label={t('webhooks.endpointDescription')} description={t('webhooks.endpointDescriptionHint')} maxLength={500} value={draft.description} onChange={(e) => change('description')(e.currentTarget.value)} error={error('description')} />
      </FormDialog>
    </>
  );
}
