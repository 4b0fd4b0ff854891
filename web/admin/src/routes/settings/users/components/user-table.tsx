import { Button, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable, type Column } from '../../../../components/common/data-table.tsx';
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
  const columns: Column<User>[] = [
    {
      header: t('users.user'),
      cell: (user) => (
        <>
          <Text size="sm" fw={500}>
            <bdi>{user.name || user.email}</bdi>
            {user.id === session?.user.id ? ` (${t('users.you')})` : ''}
          </Text>
          {user.name && (
            <Text size="xs" c="dimmed">
              {user.email}
            </Text>
          )}
        </>
      ),
    },
    {
      header: t('users.role'),
      cell: (user) =>
        mayEdit(user) ? (
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
        ),
    },
    { header: t('users.since'), td: { style: { whiteSpace: 'nowrap' } }, cell: (user) => formatDate(user.created_at) },
    {
      header: t('common.actions'),
      hideHeader: true,
      td: { ta: 'end' },
      cell: (user) =>
        mayEdit(user) && (
          <Button size="xs" variant="light" color="red" onClick={() => confirmRemove(user)} aria-label={t('users.removeLabel', { email: user.email })}>
            {t('users.remove')}
          </Button>
        ),
    },
  ];
  const error = changeRole.error ?? remove.error;
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <QueryState isPending={users.isPending} error={users.error}>
        {() => {
          const list = users.data!.data;
          if (list.length === 0) return <EmptyState title={t('users.empty')}>{t('users.emptyBody')}</EmptyState>;
          return <DataTable rows={list} rowKey={(user) => user.id} columns={columns} minWidth={600} />;
        }}
      </QueryState>
    </>
  );
}
