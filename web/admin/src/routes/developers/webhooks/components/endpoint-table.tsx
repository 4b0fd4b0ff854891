import { Alert, Anchor, Stack, Text, type TableTdProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { ErrorAlert } from '../../../../components/common/query-state.tsx';
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useTestWebhookEndpoint, useUpdateWebhookEndpoint, type EndpointWithSecret, type WebhookEndpoint } from '../../../../hooks/api/webhooks.ts';
import { isolate } from '../../../../lib/format.ts';
import { EndpointActions, type EndpointActionHandlers } from './endpoint-actions.tsx';
import { EndpointStatus } from './endpoint-status.tsx';
import { EventNames } from './event-names.tsx';

interface EndpointTableProps {
  endpoints: WebhookEndpoint[];
  /** The endpoint whose deliveries show below the table. */
  selectedId: string | undefined;
  mayManage: boolean;
  onSelect: (id: string) => void;
  onRotated: (endpoint: EndpointWithSecret) => void;
}

/** The program's endpoints; choosing one shows its deliveries, and its test event lands there. */
export function EndpointTable({ endpoints, selectedId, mayManage, onSelect, onRotated }: EndpointTableProps) {
  const { t } = useTranslation();
  const test = useTestWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const update = useUpdateWebhookEndpoint();
  const remove = useDeleteWebhookEndpoint();
  const [tested, setTested] = useState<string | null>(null);
  const other = rotate.isPending ? rotate.variables : remove.isPending ? remove.variables : update.isPending ? update.variables?.id : undefined;
  const handlers: EndpointActionHandlers = {
    onTest: (e) =>
      test.mutate(e.id, {
        onSuccess: () => {
          setTested(e.url);
          onSelect(e.id);
        },
      }),
    onRotate: (e) => {
      if (window.confirm(t('webhooks.confirmRotate', { url: e.url }))) rotate.mutate(e.id, { onSuccess: onRotated });
    },
    onToggle: (e) => update.mutate({ id: e.id, change: { status: e.status === 'enabled' ? 'disabled' : 'enabled' } }),
    onDelete: (e) => {
      if (window.confirm(t('webhooks.confirmDelete', { url: e.url }))) remove.mutate(e.id);
    },
    busy: test.isPending && test.variables ? { id: test.variables, action: 'test' } : other ? { id: other, action: 'other' } : null,
  };
  // The chosen row: a light gray (the link's blue keeps its contrast on it), marked at its start edge.
  const selected = (e: WebhookEndpoint): TableTdProps => (e.id === selectedId ? { bg: 'gray.0' } : {});
  const first = (e: WebhookEndpoint): TableTdProps => (e.id === selectedId ? { bg: 'gray.0', style: { borderInlineStart: '3px solid var(--mantine-primary-color-filled)' } } : {});
  const columns: Column<WebhookEndpoint>[] = [
    {
      header: t('webhooks.endpoint'),
      td: (e) => ({ ...first(e), miw: 220 }),
      cell: (e) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`?endpoint=${e.id}`} replace size="sm" fw={e.id === selectedId ? 700 : 500} dir="ltr" ta="start" aria-current={e.id === selectedId ? 'true' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {e.url}
          </Anchor>
          {e.description && (
            <Text size="xs" c="dimmed">
              <bdi>{e.description}</bdi>
            </Text>
          )}
        </Stack>
      ),
    },
    { header: t('webhooks.events'), td: selected, cell: (e) => <EventNames events={e.events} /> },
    { header: t('program.status'), td: selected, cell: (e) => <EndpointStatus endpoint={e} /> },
    ...(mayManage ? [{ header: t('common.actions'), hideHeader: true, td: (e: WebhookEndpoint) => ({ ...selected(e), ta: 'end' as const }), cell: (e: WebhookEndpoint) => <EndpointActions endpoint={e} handlers={handlers} /> }] : []),
  ];
  const error = test.error ?? rotate.error ?? update.error ?? remove.error;
  return (
    <>
      {error && <ErrorAlert error={error} />}
      {tested && (
        <Alert color="blue" variant="light" role="status" m="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setTested(null)}>
          {t('webhooks.testSent', { url: isolate(tested) })}
        </Alert>
      )}
      <DataTable rows={endpoints} rowKey={(e) => e.id} columns={columns} minWidth={760} />
    </>
  );
}
