import { Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '../../../../hooks/api/webhooks.ts';
import { formatDateTime } from '../../../../lib/format.ts';

type Reason = NonNullable<WebhookEndpoint['disabled_reason']>;
const REASONS: Record<Reason, string> = { gone: 'webhooks.reasons.gone', failing: 'webhooks.reasons.failing', by_merchant: 'webhooks.reasons.by_merchant' };

/** Enabled or disabled, why in words, and whether a rotated-out secret still signs. */
export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t } = useTranslation();
  const enabled = endpoint.status === 'enabled';
  const stopped = endpoint.disabled_reason && endpoint.disabled_reason !== 'by_merchant';
  return (
    <Stack gap={4} align="flex-start">
      <Badge variant="light" color={enabled ? 'green' : stopped ? 'red' : 'gray'}>
        {enabled ? t('webhooks.statuses.enabled') : t('webhooks.statuses.disabled')}
      </Badge>
      {!enabled && endpoint.disabled_reason && (
        <Text size="xs" c={stopped ? 'red.8' : 'dimmed'}>
          {t(REASONS[endpoint.disabled_reason])}
        </Text>
      )}
      {endpoint.previous_secret_expires_at && (
        <Text size="xs" c="dimmed">
          {t('webhooks.previousSignsShort', { when: formatDateTime(endpoint.previous_secret_expires_at) })}
        </Text>
      )}
    </Stack>
  );
}
