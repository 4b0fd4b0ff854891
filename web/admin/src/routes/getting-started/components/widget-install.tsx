import { Button, Code, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../api/client.ts';
import { CopyField } from '../../../components/common/copy-field.tsx';
import type { Program } from '../../../hooks/api/program.ts';
import { useCreateWidgetSecret, useTestCustomerToken } from '../../../hooks/api/setup-checklist.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { roleMay } from '../../../lib/roles.ts';

/** The tag a store's theme puts on its pages (docs/storefront.md), for this program on this server. */
const snippet = (publishableKey: string, token?: string) =>
  `<script type="module" src="${window.location.origin}/widget.js"></script>\n<regulars-widget publishable-key="${publishableKey}"${token ? ` customer-token="${token}"` : ''}></regulars-widget>`;

/** Install the widget: its snippet, the widget secret the store signs shoppers with, a test shopper's token. */
export function WidgetInstall({ program }: { program: Program }) {
  const { t } = useTranslation();
  const mayManage = roleMay(useSession().data?.program.role, 'manage');
  const secret = useCreateWidgetSecret();
  return (
    <Stack gap="sm">
      <Text>{t('checklist.widget.body')}</Text>
      {/* Focusable: on a phone the snippet scrolls sideways, and a keyboard must reach it. */}
      <Code block dir="ltr" tabIndex={0} aria-label={t('checklist.widget.snippet')}>
        {snippet(program.publishable_key)}
      </Code>
      {secret.data ? (
        <CopyField label={t('checklist.widget.secret')} description={t('checklist.widget.secretOnce')} value={secret.data.secret} />
      ) : (
        !program.has_widget_secret &&
        mayManage && (
          <Group>
            <Button variant="light" onClick={() => secret.mutate()} loading={secret.isPending}>
              {t('checklist.widget.createSecret')}
            </Button>
          </Group>
        )
      )}
      {program.has_widget_secret && mayManage && <TestCustomerToken publishableKey={program.publishable_key} />}
    </Stack>
  );
}

function TestCustomerToken({ publishableKey }: { publishableKey: string }) {
  const { t } = useTranslation();
  const mint = useTestCustomerToken();
  const [externalId, setExternalId] = useState('test-customer');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mint.mutate({ external_id: externalId.trim() });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('checklist.widget.testTitle')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('checklist.widget.testBody')}
        </Text>
        <Group align="flex-end">
          <TextInput label={t('checklist.widget.testCustomer')} value={externalId} onChange={(e) => setExternalId(e.currentTarget.value)} error={fieldError(mint.error, 'external_id')} dir="ltr" />
          <Button type="submit" variant="light" loading={mint.isPending}>
            {t('checklist.widget.testMint')}
          </Button>
        </Group>
        {mint.data && <CopyField label={t('checklist.widget.testSnippet')} value={snippet(publishableKey, mint.data.token)} />}
      </Stack>
    </form>
  );
}
