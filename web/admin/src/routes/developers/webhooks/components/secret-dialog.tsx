import { Alert, Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../../components/common/copy-field.tsx';
import type { EndpointWithSecret } from '../../../../hooks/api/webhooks.ts';
import { formatDateTime } from '../../../../lib/format.ts';

/** A signing secret the API answered, once: after a creation, or a rotation (when the old one still signs for a day). */
export interface ShownSecret {
  endpoint: EndpointWithSecret;
  rotated: boolean;
}

/** The secret, to copy now: closed, it is gone from the page, and the API never shows it again. */
export function SecretDialog({ shown, onClose }: { shown: ShownSecret | null; onClose: () => void }) {
  const { t } = useTranslation();
  const until = shown?.endpoint.previous_secret_expires_at;
  return (
    <Modal opened={shown !== null} onClose={onClose} title={shown?.rotated ? t('webhooks.rotatedTitle') : t('webhooks.createdTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {shown && (
        <Stack>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <bdi dir="ltr">{shown.endpoint.url}</bdi>
          </Text>
          <Alert color="orange" variant="light" title={t('webhooks.secretOnceTitle')}>
            {t('webhooks.secretOnce')}
          </Alert>
          <CopyField label={t('webhooks.secret')} value={shown.endpoint.secret} />
          {shown.rotated && until && <Text size="sm">{t('webhooks.previousSigns', { when: formatDateTime(until) })}</Text>}
          <Text size="sm" c="dimmed">
            {t('webhooks.verifyHint')}{' '}
            <Anchor href="/docs#tag/webhooks" underline="always">
              {t('webhooks.reference')}
            </Anchor>
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('webhooks.secretSaved')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
