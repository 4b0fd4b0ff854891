import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * A page that failed to load or render. After a new release an open tab may ask for a page's old
 * chunk, which is gone: reloading fetches the new one.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Stack p="md" maw={640}>
      <Alert color="red" variant="light" role="alert" title={t('errors.page')}>
        {error instanceof Error ? error.message : t('errors.unknown')}
      </Alert>
      <Button variant="default" onClick={() => window.location.reload()} w="fit-content">
        {t('errors.reload')}
      </Button>
    </Stack>
  );
}
