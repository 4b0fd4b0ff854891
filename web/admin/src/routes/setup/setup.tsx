import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PageLoader } from '../../components/common/page-loader.tsx';
import { ErrorAlert } from '../../components/common/query-state.tsx';
import { useSetupLink } from '../../hooks/api/session.ts';
import { SetupForm } from './components/setup-form.tsx';

/** /admin/setup?token=…: creating the first owner, accepting an invitation, or choosing a new password. */
export default function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useSetupLink(token);
  const purpose = link.data?.purpose;
  const title = purpose ? t(`setup.${purpose}.title`) : t('setup.title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  if (!token) return <Navigate to="/login" replace />;
  if (link.isPending) return <PageLoader />;
  if (link.error || !link.data) {
    const gone = link.error instanceof ApiError && link.error.status === 404;
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('setup.title')}
        </Title>
        {gone ? (
          <Alert color="orange" variant="light" role="alert" title={t('setup.expired.title')}>
            {t('setup.expired.body')}
          </Alert>
        ) : (
          <ErrorAlert error={link.error} />
        )}
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{t(`setup.${link.data.purpose}.intro`)}</Text>
      <SetupForm token={token} link={link.data} />
    </Stack>
  );
}
