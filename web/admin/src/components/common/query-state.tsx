import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { PageLoader } from './page-loader.tsx';

/** An error the API answered, in words, with its code for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = error instanceof ApiError && error.status === 403 ? t('errors.forbidden') : error instanceof Error ? error.message : t('errors.unknown');
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {message}
      {error instanceof ApiError && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('errors.code', { code: error.code })}
        </Text>
      )}
    </Alert>
  );
}

/** Loading, then error, then the content. */
export function QueryState({ isPending, error, children }: { isPending: boolean; error: unknown; children: () => ReactNode }) {
  if (error) return <ErrorAlert error={error} />;
  if (isPending) return <PageLoader />;
  return <>{children()}</>;
}

/** What is missing, and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text c="dimmed" maw={480}>
        {children}
      </Text>
      {action}
    </Stack>
  );
}
