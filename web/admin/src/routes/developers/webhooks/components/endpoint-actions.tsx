import { Button, Group, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../../../hooks/api/webhooks.ts';

export interface EndpointActionHandlers {
  onTest: (endpoint: WebhookEndpoint) => void;
  onRotate: (endpoint: WebhookEndpoint) => void;
  onToggle: (endpoint: WebhookEndpoint) => void;
  onDelete: (endpoint: WebhookEndpoint) => void;
  /** The endpoint a request is running for, and which. */
  busy: { id: string; action: 'test' | 'other' } | null;
}

/** Send a test event at hand; the rarer changes (a new secret, pausing, deleting) in a menu. */
export function EndpointActions({ endpoint, handlers }: { endpoint: WebhookEndpoint; handlers: EndpointActionHandlers }) {
  const { t } = useTranslation();
  const busy = handlers.busy?.id === endpoint.id ? handlers.busy.action : null;
  const enabled = endpoint.status === 'enabled';
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="light" loading={busy === 'test'} disabled={!enabled} onClick={() => handlers.onTest(endpoint)} aria-label={t('webhooks.sendTestTo', { url: endpoint.url })}>
        {t('webhooks.sendTest')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="default" loading={busy === 'other'} aria-label={t('webhooks.moreFor', { url: endpoint.url })}>
            {t('webhooks.more')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => handlers.onRotate(endpoint)}>{t('webhooks.rotate')}</Menu.Item>
          <Menu.Item onClick={() => handlers.onToggle(endpoint)}>{enabled ? t('webhooks.disable') : t('webhooks.enable')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => handlers.onDelete(endpoint)}>
            {t('webhooks.delete')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
