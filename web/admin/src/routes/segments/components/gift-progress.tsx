import { Badge, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Gift, GiftStatus } from '../../../hooks/api/gifts.ts';
import { formatNumber } from '../../../lib/format.ts';

const COLORS: Record<GiftStatus, string> = { scheduled: 'blue', running: 'orange', done: 'green', cancelled: 'gray' };
const LABELS: Record<GiftStatus, string> = { scheduled: 'gifts.statuses.scheduled', running: 'gifts.statuses.running', done: 'gifts.statuses.done', cancelled: 'gifts.statuses.cancelled' };

/** Where a gift stands: its status, and once the sweep has fixed who receives it, how many have it (a bar and a sentence). */
export function GiftProgress({ gift }: { gift: Gift }) {
  const { t } = useTranslation();
  const { recipients, given, skipped } = gift;
  const started = recipients !== null && (gift.status === 'running' || gift.status === 'done');
  const share = recipients ? Math.round(((given + skipped) / recipients) * 100) : 100;
  return (
    <Stack gap={4} align="stretch" miw={120}>
      <Badge variant="light" color={COLORS[gift.status]} style={{ alignSelf: 'flex-start' }}>
        {t(LABELS[gift.status])}
      </Badge>
      {gift.status === 'scheduled' && Date.parse(gift.scheduled_at) <= Date.now() && (
        <Text size="xs" c="dimmed">
          {t('gifts.due')}
        </Text>
      )}
      {started && (
        <>
          <Progress value={share} color={gift.status === 'done' ? 'green.8' : undefined} aria-label={t('gifts.progressLabel')} />
          <Text size="xs">{t('gifts.given', { given: formatNumber(given), recipients: formatNumber(recipients) })}</Text>
          {skipped > 0 && (
            <Text size="xs" c="dimmed">
              {t('gifts.skipped', { count: skipped, formatted: formatNumber(skipped) })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
