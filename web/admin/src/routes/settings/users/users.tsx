import { Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/common/page-header.tsx';
import { useSession } from '../../../hooks/api/session.ts';
import { roleMay } from '../../../lib/roles.ts';
import { SettingsNav } from '../components/settings-nav.tsx';
import { InviteUserForm } from './components/invite-user-form.tsx';
import { UserTable } from './components/user-table.tsx';

/** Who may use this program, with which role; owners and admins invite, change and remove. */
export default function UsersPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  const mayManage = roleMay(session?.program.role, 'manage');
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('users.description')} />
      <SettingsNav />
      <Stack gap="lg">
        {mayManage && <InviteUserForm />}
        <Paper withBorder>
          <UserTable />
        </Paper>
      </Stack>
    </>
  );
}
