import { Anchor, Badge, Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../components/common/data-table.tsx';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../components/common/query-state.tsx';
import { useConnections, useSetConnectionActive, type Connection } from '../../../hooks/api/setup-checklist.ts';
import { useSession } from '../../../hooks/api/session.ts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { roleMay } from '../../../lib/roles.ts';
import { DevelopersNav } from '../components/developers-nav.tsx';
import { ConnectStoreButton } from './connect-store-button.tsx';

/** The stores sending orders and customers: their webhook address, health, and pausing one. */
export default function ConnectionsPage() {
  const { t } = useTranslation();
  const connections = useConnections();
  const setActive = useSetConnectionActive();
  const mayManage = roleMay(useSession().data?.program.role, 'manage');
  const columns: Column<Connection>[] = [
    {
      header: t('connections.store'),
      cell: (c) => (
        <Stack gap={0}>
          <Text fw={500} size="sm" dir="ltr" ta="start">
            {c.shop_domain ?? c.site_url ?? c.id}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`connections.platforms.${c.platform}`)}
          </Text>
        </Stack>
      ),
    },
    {
      header: t('connections.webhook'),
      cell: (c) => (
        <Text size="xs" ff="monospace" dir="ltr" ta="start" style={{ overflowWrap: 'anywhere' }}>
          {c.webhook_url}
        </Text>
      ),
    },
    {
      header: t('connections.health'),
      cell: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.health.last_delivery_at ? t('connections.lastDelivery', { when: formatDateTime(c.health.last_delivery_at) }) : t('connections.noDelivery')}</Text>
          {c.health.failed_deliveries > 0 && (
            <Text size="xs" c="red.8">
              {t('connections.failed', { count: c.health.failed_deliveries, formatted: formatNumber(c.health.failed_deliveries) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      header: t('program.status'),
      cell: (c) => (
        <Badge variant="light" color={c.status === 'active' ? 'green' : 'gray'}>
          {t(`connections.statuses.${c.status}`)}
        </Badge>
      ),
    },
    ...(mayManage
      ? [
          {
            header: t('common.actions'),
            hideHeader: true,
            td: { ta: 'end' as const },
            cell: (c: Connection) => (
              <Button size="xs" variant="light" color={c.status === 'active' ? 'red' : 'green'} loading={setActive.isPending && setActive.variables?.id === c.id} onClick={() => setActive.mutate({ id: c.id, active: c.status !== 'active' })}>
                {c.status === 'active' ? t('connections.disable') : t('connections.enable')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('developers.title')} description={t('connections.description')} actions={mayManage && <ConnectStoreButton />} />
      <DevelopersNav />
      {setActive.error && <ErrorAlert error={setActive.error} />}
      <Paper withBorder>
        <QueryState isPending={connections.isPending} error={connections.error}>
          {() =>
            connections.data!.data.length === 0 ? (
              <EmptyState title={t('connections.empty')} action={<Anchor href="/docs#tag/connections">{t('connections.howTo')}</Anchor>}>
                {t('connections.emptyBody')}
              </EmptyState>
            ) : (
              <DataTable rows={connections.data!.data} rowKey={(c) => c.id} columns={columns} minWidth={720} />
            )
          }
        </QueryState>
      </Paper>
    </>
  );
}
