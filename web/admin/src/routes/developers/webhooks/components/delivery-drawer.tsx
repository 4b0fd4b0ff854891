import { Code, Drawer, Group, Paper, Stack, Text, Title, useDirection } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryAttempt, WebhookDelivery } from '../../../../hooks/api/webhooks.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';
import { AnswerBadge, DeliveryStatusBadge } from './delivery-status.tsx';

/** One delivery: what was sent, and each attempt with its answer, how long it took, and why it failed. */
export function DeliveryDrawer({ delivery, onClose }: { delivery: WebhookDelivery | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  return (
    <Drawer opened={delivery !== null} onClose={onClose} position={dir === 'rtl' ? 'left' : 'right'} size="lg" title={t('webhooks.deliveryTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {delivery && (
        <Stack>
          <Group gap="xs">
            <Code dir="ltr">{delivery.event_type}</Code>
            <DeliveryStatusBadge status={delivery.status} />
          </Group>
          <Text size="sm">
            {t('webhooks.createdAt')}: {formatDateTime(delivery.created_at)}
            {delivery.next_attempt_at && ` · ${t('webhooks.nextAttempt', { when: formatDateTime(delivery.next_attempt_at) })}`}
          </Text>
          <Text size="sm">
            {t('webhooks.webhookId')}: <bdi dir="ltr">{delivery.event_id}</bdi>
          </Text>
          <Title order={3} size="h5">
            {t('webhooks.attempts', { count: delivery.attempts.length, formatted: formatNumber(delivery.attempts.length) })}
          </Title>
          {delivery.attempts.length === 0 && <Text c="dimmed">{t('webhooks.noAttempts')}</Text>}
          {delivery.attempts.map((attempt, i) => (
            <Attempt key={attempt.attempted_at} attempt={attempt} number={i + 1} />
          ))}
          <Title order={3} size="h5">
            {t('webhooks.payload')}
          </Title>
          <Code block dir="ltr" tabIndex={0} aria-label={t('webhooks.payload')} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {JSON.stringify(delivery.payload, null, 2)}
          </Code>
        </Stack>
      )}
    </Drawer>
  );
}

function Attempt({ attempt, number }: { attempt: DeliveryAttempt; number: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-label={t('webhooks.attemptNumber', { number: formatNumber(number) })}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={500}>
            {t('webhooks.attemptNumber', { number: formatNumber(number) })} · {formatDateTime(attempt.attempted_at)}
          </Text>
          <Group gap="xs">
            <AnswerBadge status={attempt.status} />
            <Text size="xs" c="dimmed">
              {t('webhooks.latency', { ms: formatNumber(attempt.latency_ms) })}
            </Text>
          </Group>
        </Group>
        {attempt.error && (
          <Text size="sm" c="red.8" dir="ltr" ta="start" style={{ overflowWrap: 'anywhere' }}>
            {attempt.error}
          </Text>
        )}
        {attempt.response && (
          <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {attempt.response}
          </Code>
        )}
      </Stack>
    </Paper>
  );
}
