import { Alert, Button, Code, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPager, useCursor } from '../../../../components/common/cursor-pager.tsx';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { Section } from '../../../../components/common/section.tsx';
import { useRetryWebhookDelivery, useWebhookDeliveries, type DeliveryStatus, type WebhookDelivery, type WebhookEndpoint } from '../../../../hooks/api/webhooks.ts';
import { formatDateTime, formatNumber } from '../../../../lib/format.ts';
import { DeliveryDrawer } from './delivery-drawer.tsx';
import { AnswerBadge, DELIVERY_STATUSES, DeliveryStatusBadge, STATUS_LABELS } from './delivery-status.tsx';
import { ReplayButton } from './replay-button.tsx';

/** What was sent to one endpoint, newest first: each delivery's outcome, its attempts in a drawer, a retry for a failed one. */
export function DeliveriesSection({ endpoint, mayManage }: { endpoint: WebhookEndpoint; mayManage: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const cursor = useCursor();
  const deliveries = useWebhookDeliveries(endpoint.id, { ...(status ? { status } : {}), ...(cursor.cursor ? { starting_after: cursor.cursor } : {}) });
  const retry = useRetryWebhookDelivery();
  const [openId, setOpenId] = useState<string | null>(null);
  const [replayed, setReplayed] = useState<number | null>(null);
  const when = (d: WebhookDelivery) => formatDateTime(d.created_at);
  const columns: Column<WebhookDelivery>[] = [
    { header: t('webhooks.event'), cell: (d) => <Code dir="ltr">{d.event_type}</Code> },
    { header: t('webhooks.createdAt'), td: { style: { whiteSpace: 'nowrap' } }, cell: when },
    {
      header: t('program.status'),
      cell: (d) => (
        <Stack gap={2} align="flex-start">
          <DeliveryStatusBadge status={d.status} />
          {d.next_attempt_at && (
            <Text size="xs" c="dimmed">
              {t('webhooks.nextAttempt', { when: formatDateTime(d.next_attempt_at) })}
            </Text>
          )}
        </Stack>
      ),
    },
    { header: t('webhooks.attemptCount'), align: 'end', cell: (d) => formatNumber(d.attempt_count) },
    { header: t('webhooks.lastAnswer'), cell: (d) => (d.attempt_count === 0 ? '—' : <AnswerBadge status={d.last_status} />) },
    {
      header: t('common.actions'),
      hideHeader: true,
      td: { ta: 'end' },
      cell: (d) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => setOpenId(d.id)} aria-label={t('webhooks.detailsOf', { event: d.event_type, when: when(d) })}>
            {t('webhooks.details')}
          </Button>
          {mayManage && d.status === 'failed' && (
            <Button size="xs" variant="light" loading={retry.isPending && retry.variables === d.id} onClick={() => retry.mutate(d.id)} aria-label={t('webhooks.retryOf', { event: d.event_type, when: when(d) })}>
              {t('webhooks.retry')}
            </Button>
          )}
        </Group>
      ),
    },
  ];
  const list = deliveries.data?.data ?? [];
  return (
    <Section
      id="webhook-deliveries-title"
      title={t('webhooks.deliveries')}
      actions={
        <Group gap="xs">
          <NativeSelect
            aria-label={t('webhooks.statusFilter')}
            value={status}
            onChange={(e) => {
              setStatus(e.currentTarget.value as DeliveryStatus | '');
              cursor.reset();
            }}
            data={[{ value: '', label: t('webhooks.allStatuses') }, ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }))]}
          />
          {mayManage && <ReplayButton endpointId={endpoint.id} onReplayed={setReplayed} />}
        </Group>
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t('webhooks.deliveriesTo')} <bdi dir="ltr">{endpoint.url}</bdi>
      </Text>
      {retry.error && <ErrorAlert error={retry.error} />}
      {replayed !== null && (
        <Alert color="blue" variant="light" role="status" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setReplayed(null)}>
          {t('webhooks.replayed', { count: replayed, formatted: formatNumber(replayed) })}
        </Alert>
      )}
      <Paper withBorder>
        <QueryState isPending={deliveries.isPending} error={deliveries.error}>
          {() =>
            list.length === 0 ? (
              <EmptyState title={status ? t('webhooks.noMatch') : t('webhooks.noDeliveries')}>{status ? t('webhooks.noMatchBody') : t('webhooks.noDeliveriesBody')}</EmptyState>
            ) : (
              <>
                <DataTable rows={list} rowKey={(d) => d.id} columns={columns} minWidth={720} />
                <CursorPager cursor={cursor} hasMore={deliveries.data!.has_more} lastId={list.at(-1)?.id} />
              </>
            )
          }
        </QueryState>
      </Paper>
      <DeliveryDrawer delivery={list.find((d) => d.id === openId) ?? null} onClose={() => setOpenId(null)} />
    </Section>
  );
}
