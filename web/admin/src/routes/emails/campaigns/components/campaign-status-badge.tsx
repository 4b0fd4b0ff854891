import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../../../hooks/api/email-campaigns.ts';

const COLORS: Record<CampaignStatus, string> = { scheduled: 'blue', sending: 'orange', sent: 'green', cancelled: 'gray' };
const LABELS: Record<CampaignStatus, string> = { scheduled: 'campaigns.statuses.scheduled', sending: 'campaigns.statuses.sending', sent: 'campaigns.statuses.sent', cancelled: 'campaigns.statuses.cancelled' };

/** Scheduled, sending (some of its emails wait for quiet hours or the cap), sent, or cancelled. */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(LABELS[status])}
    </Badge>
  );
}
