import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { useSession } from '../../../hooks/api/session.ts';
import { roleMay } from '../../../lib/roles.ts';
import { ApiKeyTable } from './components/api-key-table.tsx';
import { CreateApiKeyForm } from './components/create-api-key-form.tsx';
import { DevelopersNav } from '../components/developers-nav.tsx';

/** The secret keys a store's backend uses to call the API. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const mayManage = roleMay(useSession().data?.program.role, 'manage');
  return (
    <>
      <PageHeader title={t('developers.title')} description={t('apiKeys.description')} />
      <DevelopersNav />
      <Stack gap="lg">
        {mayManage && <CreateApiKeyForm />}
        <Paper withBorder>
          <ApiKeyTable mayRevoke={mayManage} />
        </Paper>
      </Stack>
    </>
  );
}
