import { Anchor, Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../../../components/common/data-table.tsx';
import type { EmailCampaign } from '../../../../../hooks/api/email-campaigns.ts';
import { useProgram } from '../../../../../hooks/api/program.ts';
import { formatDateTime, formatMoney, formatNumber, isolate } from '../../../../../lib/format.ts';
import { useCampaignWords } from '../../campaign-words.ts';
import { CampaignStatusBadge } from '../../components/campaign-status-badge.tsx';

/** What went: delivered, or kept in the outbox without an SMTP server (as the flows count it). */
export const sentOf = (c: EmailCampaign) => c.report.sent + c.report.outbox;

/** Each campaign: its name, audience and gift; its status and time; then its figures (on a phone, a line under its name). */
export function CampaignTable({ campaigns }: { campaigns: EmailCampaign[] }) {
  const { t } = useTranslation();
  const words = useCampaignWords();
  const currency = useProgram().data?.currency ?? 'USD';
  const figure = (n: number | null) => (n === null ? '—' : formatNumber(n));
  const columns: Column<EmailCampaign>[] = [
    {
      header: t('campaigns.campaign'),
      td: { miw: 180 },
      cell: (c) => {
        const gift = words.gift(c);
        return (
          <Stack gap={2} align="flex-start">
            <Anchor component={Link} to={`/emails/campaigns/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              <bdi>{c.name}</bdi>
            </Anchor>
            <Text size="sm">
              <bdi>{words.audience(c)}</bdi>
            </Text>
            {gift && (
              <Text size="xs" c="dimmed">
                {t('campaigns.giftSummary', { what: gift })}
              </Text>
            )}
            {/* On a phone the time and the figures are under the name, not in columns of their own. */}
            <Box hiddenFrom="md">
              <Text size="xs" c="dimmed">
                {formatDateTime(c.scheduled_at)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('campaigns.figuresLine', { sent: formatNumber(sentOf(c)), clicks: formatNumber(c.report.clicks), orders: formatNumber(c.report.orders), revenue: isolate(formatMoney(c.report.revenue, currency)) })}
              </Text>
            </Box>
          </Stack>
        );
      },
    },
    { header: t('program.status'), cell: (c) => <CampaignStatusBadge status={c.status} /> },
    { header: t('campaigns.scheduledAt'), visibleFrom: 'md', td: { style: { whiteSpace: 'nowrap' } }, cell: (c) => formatDateTime(c.scheduled_at) },
    { header: t('campaigns.recipients'), align: 'end', visibleFrom: 'md', cell: (c) => figure(c.recipients) },
    { header: t('campaigns.sent'), align: 'end', visibleFrom: 'md', cell: (c) => figure(sentOf(c)) },
    { header: t('campaigns.notSent'), align: 'end', visibleFrom: 'md', cell: (c) => figure(c.report.suppressed) },
    { header: t('campaigns.clicks'), align: 'end', visibleFrom: 'md', cell: (c) => figure(c.report.clicks) },
    {
      header: t('campaigns.orders'),
      align: 'end',
      visibleFrom: 'md',
      cell: (c) => (
        <Stack gap={0} align="flex-end">
          <Text size="sm">{formatNumber(c.report.orders)}</Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatMoney(c.report.revenue, currency)}
          </Text>
        </Stack>
      ),
    },
  ];
  return <DataTable rows={campaigns} rowKey={(c) => c.id} columns={columns} minWidth={320} />;
}
