import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut, type Session } from '../../hooks/api/session.ts';

/** Who is signed in, with which role, and the way out. */
export function UserMenu({ session }: { session: Session }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const name = session.user.name || session.user.email;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c="dimmed" truncate maw={200} title={session.user.email}>
        {name} · {t(`roles.${session.program.role}`)}
      </Text>
      <Button variant="default" size="xs" loading={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/login') })}>
        {t('shell.signOut')}
      </Button>
    </Group>
  );
}
