import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The lines of a file that could not be applied, and why (the first 20; `count` says how many in all). */
export function BadRows({ errors, count = errors.length }: { errors: readonly { line: number; message: string }[]; count?: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <>
      <Text size="sm" fw={600} mt="sm">
        {t('imports.errors', { count })}
      </Text>
      <List size="sm">
        {errors.slice(0, 20).map((e) => (
          <List.Item key={e.line}>{t('imports.errorLine', { line: e.line, message: e.message })}</List.Item>
        ))}
      </List>
    </>
  );
}
