import { NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSwitchProgram, type Session } from '../../hooks/api/session.ts';

/** The program every page shows; a choice only when the user has several. */
export function ProgramSwitcher({ session }: { session: Session }) {
  const { t } = useTranslation();
  const switchProgram = useSwitchProgram();
  if (session.programs.length < 2) {
    return (
      <Text size="sm" fw={500} truncate>
        {session.program.name}
      </Text>
    );
  }
  return (
    <NativeSelect
      size="xs"
      aria-label={t('shell.program')}
      value={session.program.id}
      onChange={(event) => switchProgram(event.currentTarget.value)}
      data={session.programs.map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}
