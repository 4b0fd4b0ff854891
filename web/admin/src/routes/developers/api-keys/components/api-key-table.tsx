import { Badge, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
import { EmptyState, ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { useApiKeys, useRevokeApiKey, type ApiKey } from '../../../../hooks/api/api-keys.ts';
import { formatDateTime } from '../../../../lib/format.ts';

export function ApiKeyTable({ mayRevoke }: { mayRevoke: boolean }) {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const confirmRevoke = (key: ApiKey) => {
    if (window.confirm(t('apiKeys.confirmRevoke', { label: key.label }))) revoke.mutate(key.id);
  };
  const columns: Column<ApiKey>[] = [
    { header: t('apiKeys.label'), td: { fw: 500 }, cell: (key) => <bdi>{key.label}</bdi> },
    {
      header: t('apiKeys.hint'),
      cell: (key) => (
        <Text size="sm" ff="monospace" dir="ltr" style={{ textAlign: 'start' }}>
          {key.hint}
        </Text>
      ),
    },
    { header: t('apiKeys.createdAt'), td: { style: { whiteSpace: 'nowrap' } }, cell: (key) => formatDateTime(key.created_at) },
    {
      header: t('apiKeys.status'),
      cell: (key) => (
        <Badge variant="light" color={key.revoked_at ? 'gray' : 'green'}>
          {key.revoked_at ? t('apiKeys.revoked') : t('apiKeys.active')}
        </Badge>
      ),
    },
    {
      header: t('common.actions'),
      hideHeader: true,
      td: { ta: 'end' },
      cell: (key) =>
        mayRevoke &&
        !key.revoked_at && (
          <Button size="xs" variant="light" color="red" onClick={() => confirmRevoke(key)} aria-label={t('apiKeys.revokeLabel', { label: key.label })}>
            {t('apiKeys.revoke')}
          </Button>
        ),
    },
  ];
  return (
    <>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <QueryState isPending={keys.isPending} error={keys.error}>
        {() => {
          const list = keys.data!.data;
          if (list.length === 0) return <EmptyState title={t('apiKeys.empty')}>{t('apiKeys.emptyBody')}</EmptyState>;
          return <DataTable rows={list} rowKey={(key) => key.id} columns={columns} />;
        }}
      </QueryState>
    </>
  );
}
