import { Alert, Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, formError } from '../../../../api/client.ts';
import { CopyField } from '../../../../components/common/copy-field.tsx';
import { useSession } from '../../../../hooks/api/session.ts';
import { useInviteUser } from '../../../../hooks/api/users.ts';
import { assignableRoles, type Role } from '../../../../lib/roles.ts';

const FIELDS = ['email', 'role', 'name'] as const;

/** Invites someone by email with a role; the invitation link is shown once, to send them. */
export function InviteUserForm() {
  const { t } = useTranslation();
  const role = useSession().data?.program.role;
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [newRole, setNewRole] = useState<Role>('viewer');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return;
    invite.mutate(
      { email: email.trim(), role: newRole, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: () => {
          setEmail('');
          setName('');
        },
      },
    );
  };
  const link = invite.data?.invite_url ? new URL(invite.data.invite_url, window.location.origin).href : undefined;
  const general = formError(invite.error, FIELDS);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-title">
      <Title order={2} size="h3" id="invite-title" mb="sm">
        {t('users.invite')}
      </Title>
      <Stack>
        {invite.data && (
          <Alert color="green" variant="light" title={t('users.invited', { email: invite.data.email })}>
            {link ? (
              <Stack gap="xs">
                {t('users.linkOnce')}
                <CopyField label={t('users.inviteLink')} value={link} />
              </Stack>
            ) : (
              t('users.addedExisting')
            )}
          </Alert>
        )}
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="xs">
            <TextInput label={t('users.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldError(invite.error, 'email')} style={{ flex: '2 1 14rem' }} />
            <TextInput label={t('users.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(invite.error, 'name')} style={{ flex: '1 1 10rem' }} />
            <NativeSelect
              label={t('users.role')}
              value={newRole}
              onChange={(e) => setNewRole(e.currentTarget.value as Role)}
              data={assignableRoles(role).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              error={fieldError(invite.error, 'role')}
              style={{ flex: '1 1 9rem' }}
            />
            <Button type="submit" loading={invite.isPending} disabled={!email.trim()} mt={{ base: 0, sm: 25 }}>
              {t('users.inviteSubmit')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
