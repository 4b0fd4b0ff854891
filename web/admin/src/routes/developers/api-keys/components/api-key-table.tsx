import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  return (
    <>
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <QueryState isPending={keys.isPending} error={keys.error}>
        {() => {
          const list = keys.data!.data;
          if (list.length === 0) return <EmptyState title={t('apiKeys.empty')}>{t('apiKeys.emptyBody')}</EmptyState>;
          return (
            <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('apiKeys.label')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.hint')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.createdAt')}</Table.Th>
                    <Table.Th scope="col">{t('apiKeys.status')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((key) => (
                    <Table.Tr key={key.id}>
                      <Table.Td fw={500}>
                        <bdi>{key.label}</bdi>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace" dir="ltr" style={{ textAlign: 'start' }}>
                          {key.hint}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(key.created_at)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={key.revoked_at ? 'gray' : 'green'}>
                          {key.revoked_at ? t('apiKeys.revoked') : t('apiKeys.active')}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="end">
                        {mayRevoke && !key.revoked_at && (
                          <Button size="xs" variant="light" color="red" onClick={() => confirmRevoke(key)} aria-label={t('apiKeys.revokeLabel', { label: key.label })}>
                            {t('apiKeys.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          );
        }}
      </QueryState>
    </>
  );
}
