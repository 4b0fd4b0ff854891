import { Button, NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorAlert, QueryState } from '../../../../components/common/query-state.tsx';
import { useSession } from '../../../../hooks/api/session.ts';
import { useChangeRole, useRemoveUser, useUsers, type User } from '../../../../hooks/api/users.ts';
import { formatDate } from '../../../../lib/format.ts';
import { assignableRoles, type Role } from '../../../../lib/roles.ts';

/** The program's users; a role is changed in place, and only what the signed-in role may give is offered. */
export function UserTable() {
  const { t } = useTranslation();
  const session = useSession().data;
  const users = useUsers();
  const changeRole = useChangeRole();
  const remove = useRemoveUser();
  const mine = session?.program.role;
  const offered = assignableRoles(mine);
  const mayEdit = (user: User) => user.id !== session?.user.id && offered.length > 0 && (user.role !== 'owner' || mine === 'owner');
  const confirmRemove = (user: User) => {
    if (window.confirm(t('users.confirmRemove', { email: user.email }))) remove.mutate(user.id);
  };
  const error = changeRole.error ?? remove.error;
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <QueryState isPending={users.isPending} error={users.error}>
        {() => {
          const list = users.data!.data;
          if (list.length === 0) return <EmptyState title={t('users.empty')}>{t('users.emptyBody')}</EmptyState>;
          return (
            <Table.ScrollContainer minWidth={600} type="native" tabIndex={0}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.user')}</Table.Th>
                    <Table.Th scope="col">{t('users.role')}</Table.Th>
                    <Table.Th scope="col">{t('users.since')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          <bdi>{user.name || user.email}</bdi>
                          {user.id === session?.user.id ? ` (${t('users.you')})` : ''}
                        </Text>
                        {user.name && (
                          <Text size="xs" c="dimmed">
                            {user.email}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {mayEdit(user) ? (
                          <NativeSelect
                            size="xs"
                            aria-label={t('users.roleOf', { email: user.email })}
                            value={user.role}
                            onChange={(e) => changeRole.mutate({ id: user.id, role: e.currentTarget.value as Role })}
                            data={(offered.includes(user.role) ? offered : [user.role, ...offered]).map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                            w={140}
                          />
                        ) : (
                          t(`roles.${user.role}`)
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(user.created_at)}</Table.Td>
                      <Table.Td ta="end">
                        {mayEdit(user) && (
                          <Button size="xs" variant="light" color="red" onClick={() => confirmRemove(user)} aria-label={t('users.removeLabel', { email: user.email })}>
                            {t('users.remove')}
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
