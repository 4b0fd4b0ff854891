import { Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCampaignAudience } from '../../../../../hooks/api/email-campaigns.ts';
import { formatNumber, isolate } from '../../../../../lib/format.ts';

/**
 * Who the campaign would reach if it went now: of the audience, those with an address, consent to
 * marketing email and an address that has not bounced; and how many fall out for each reason.
 */
export function AudienceCount({ segmentId }: { segmentId: string | null }) {
  const { t } = useTranslation();
  const audience = useCampaignAudience(segmentId);
  const a = audience.data;
  const stale = audience.isFetching;
  let headline: string;
  if (audience.error) headline = isolate(audience.error.message);
  else if (!a) headline = t('campaigns.counting');
  else headline = t('campaigns.willReceive', { count: a.recipients, formatted: formatNumber(a.recipients) });
  const rows: [string, number][] = a
    ? [
        [t('campaigns.inAudience'), a.customers],
        [t('campaigns.withoutConsent'), a.without_consent],
        [t('campaigns.withoutEmail'), a.without_email],
        [t('campaigns.suppressed'), a.suppressed],
      ]
    : [];
  return (
    <Paper withBorder bg="gray.0" p="sm" role="status" aria-live="polite" aria-busy={stale}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={a && !audience.error ? 600 : 400}>{headline}</Text>
        {stale && <Loader size="xs" aria-hidden />}
      </Group>
      {a && !audience.error && (
        <Stack gap={2} component="dl" mt={6} mb={0}>
          {rows.map(([label, value]) => (
            <Group key={label} justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" component="dt">
                {label}
              </Text>
              <Text size="sm" component="dd" m={0}>
                {formatNumber(value)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {a && !audience.error && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('campaigns.countHint')}
        </Text>
      )}
    </Paper>
  );
}
