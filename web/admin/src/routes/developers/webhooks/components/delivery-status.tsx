import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus } from '../../../../hooks/api/webhooks.ts';

export const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed'];
const COLORS: Record<DeliveryStatus, string> = { pending: 'blue', succeeded: 'green', failed: 'red' };
export const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: 'webhooks.deliveryStatuses.pending', succeeded: 'webhooks.deliveryStatuses.succeeded', failed: 'webhooks.deliveryStatuses.failed' };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(STATUS_LABELS[status])}
    </Badge>
  );
}

/** What an attempt got back: its HTTP status, or that nothing answered. */
export function AnswerBadge({ status }: { status: number | null }) {
  const { t } = useTranslation();
  if (status === null) return <Badge variant="light" color="red">{t('webhooks.noAnswer')}</Badge>;
  return (
    <Badge variant="light" color={status < 300 ? 'green' : 'red'} dir="ltr">
      HTTP {status}
    </Badge>
  );
}
