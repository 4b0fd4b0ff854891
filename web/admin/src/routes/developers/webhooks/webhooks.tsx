import { Anchor, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { EmptyState, QueryState } from '../../../components/common/query-state.tsx';
import { useSession } from '../../../hooks/api/session.ts';
import { useWebhookEndpoints } from '../../../hooks/api/webhooks.ts';
import { roleMay } from '../../../lib/roles.ts';
import { DevelopersNav } from '../components/developers-nav.tsx';
import { AddEndpointButton } from './components/add-endpoint-button.tsx';
import { DeliveriesSection } from './components/deliveries-section.tsx';
import { EndpointTable } from './components/endpoint-table.tsx';
import { SecretDialog, type ShownSecret } from './components/secret-dialog.tsx';

/** Where the program's events are sent: the endpoints, their signing secrets, and what each was sent (`?endpoint=` chooses which). */
export default function WebhooksPage() {
  const { t } = useTranslation();
  const mayManage = roleMay(useSession().data?.program.role, 'manage');
  const endpoints = useWebhookEndpoints();
  const [params, setParams] = useSearchParams();
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const list = endpoints.data?.data ?? [];
  const selected = list.find((e) => e.id === params.get('endpoint')) ?? list[0];
  const select = (id: string) => setParams({ endpoint: id }, { replace: true });
  return (
    <>
      <PageHeader
        title={t('developers.title')}
        description={t('webhooks.description')}
        actions={
          mayManage && (
            <AddEndpointButton
              onCreated={(endpoint) => {
                setSecret({ endpoint, rotated: false });
                select(endpoint.id);
              }}
            />
          )
        }
      />
      <DevelopersNav />
      <Stack gap="xl">
        <Paper withBorder>
          <QueryState isPending={endpoints.isPending} error={endpoints.error}>
            {() =>
              list.length === 0 ? (
                <EmptyState title={t('webhooks.empty')} action={<Anchor href="/docs#tag/webhooks">{t('webhooks.reference')}</Anchor>}>
                  {t('webhooks.emptyBody')}
                </EmptyState>
              ) : (
                <EndpointTable endpoints={list} selectedId={selected?.id} mayManage={mayManage} onSelect={select} onRotated={(endpoint) => setSecret({ endpoint, rotated: true })} />
              )
            }
          </QueryState>
        </Paper>
        {selected && <DeliveriesSection key={selected.id} endpoint={selected} mayManage={mayManage} />}
      </Stack>
      <SecretDialog shown={secret} onClose={() => setSecret(null)} />
    </>
  );
}
