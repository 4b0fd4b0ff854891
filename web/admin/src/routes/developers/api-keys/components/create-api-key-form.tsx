import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../../api/client.ts';
import { CopyField } from '../../../../components/common/copy-field.tsx';
import { useCreateApiKey } from '../../../../hooks/api/api-keys.ts';

/** A new key with a label; its secret is shown here once and never again. */
export function CreateApiKeyForm() {
  const { t } = useTranslation();
  const create = useCreateApiKey();
  const [label, setLabel] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return;
    create.mutate({ label: label.trim() }, { onSuccess: () => setLabel('') });
  };
  const general = formError(create.error, ['label']);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-key-title">
      <Title order={2} size="h3" id="new-key-title" mb="sm">
        {t('apiKeys.create')}
      </Title>
      <Stack>
        {create.data?.secret && (
          <Alert color="green" variant="light" title={t('apiKeys.created', { label: create.data.label })}>
            <Stack gap="xs">
              {t('apiKeys.secretOnce')}
              <CopyField label={t('apiKeys.secret')} value={create.data.secret} />
            </Stack>
          </Alert>
        )}
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('apiKeys.label')}
              description={t('apiKeys.labelHint')}
              required
              maxLength={100}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={fieldError(create.error, 'label')}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" loading={create.isPending} disabled={!label.trim()}>
              {t('apiKeys.createSubmit')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
