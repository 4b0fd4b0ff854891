import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../../components/common/section.tsx';
import { StatCard } from '../../../../../components/common/stat-card.tsx';
import type { EmailCampaign } from '../../../../../hooks/api/email-campaigns.ts';
import { useProgram } from '../../../../../hooks/api/program.ts';
import { formatMoney, formatNumber } from '../../../../../lib/format.ts';

/** What its emails did: sent (or kept in the outbox), still waiting, not sent, and what followed: clicks, unsubscribes, orders and their revenue. */
export function CampaignReportSection({ campaign }: { campaign: EmailCampaign }) {
  const { t } = useTranslation();
  const currency = useProgram().data?.currency ?? 'USD';
  const r = campaign.report;
  const n = formatNumber;
  return (
    <Section id="campaign-report-title" title={t('campaigns.reportTitle')}>
      <Text size="sm" c="dimmed" mb="sm" mt={-8}>
        {t('campaigns.reportHint')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="md">
        <StatCard label={t('campaigns.sent')} value={n(r.sent + r.outbox)} hint={r.outbox > 0 ? t('campaigns.inOutbox', { formatted: n(r.outbox) }) : undefined} />
        <StatCard label={t('campaigns.waiting')} value={n(r.queued + r.deferred)} hint={t('campaigns.waitingHint')} />
        <StatCard label={t('campaigns.notSent')} value={n(r.suppressed + r.failed + r.cancelled)} hint={t('campaigns.notSentHint', { suppressed: n(r.suppressed), failed: n(r.failed), cancelled: n(r.cancelled) })} />
        <StatCard label={t('campaigns.clicks')} value={n(r.clicks)} />
        <StatCard label={t('campaigns.unsubscribes')} value={n(r.unsubscribes)} />
        <StatCard label={t('campaigns.orders')} value={n(r.orders)} hint={t('campaigns.ordersHint')} />
        <StatCard label={t('campaigns.revenue')} value={formatMoney(r.revenue, currency)} />
      </SimpleGrid>
    </Section>
  );
}
