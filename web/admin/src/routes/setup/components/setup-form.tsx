import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldError, formError } from '../../../api/client.ts';
import { useCompleteSetupLink, type SetupLink } from '../../../hooks/api/session.ts';

const MIN_PASSWORD = 10;
const FIELDS = ['email', 'password', 'name'] as const;

/** The fields the link's purpose asks for; on success the user is signed in and sent home. */
export function SetupForm({ token, link }: { token: string; link: SetupLink }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const complete = useCompleteSetupLink(token);
  const [email, setEmail] = useState(link.email ?? '');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);

  const askEmail = link.purpose === 'setup';
  const askName = link.purpose !== 'reset';
  const tooShort = password.length < MIN_PASSWORD ? t('setup.passwordTooShort', { count: MIN_PASSWORD }) : undefined;
  const mismatch = confirm !== password ? t('setup.passwordMismatch') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (tooShort || mismatch || (askEmail && !email.trim())) return;
    complete.mutate(
      { ...(askEmail ? { email: email.trim() } : {}), ...(askName && name.trim() ? { name: name.trim() } : {}), password },
      // The first owner starts at the Setup checklist; everyone else at Home.
      { onSuccess: () => void navigate(link.purpose === 'setup' ? '/getting-started' : '/', { replace: true }) },
    );
  };
  const error = complete.error;
  const general = formError(error, FIELDS);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {general && (
          <Alert color="red" variant="light" role="alert">
            {general}
          </Alert>
        )}
        {askEmail ? (
          <TextInput
            label={t('setup.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(error, 'email') ?? (checked && !email.trim() ? t('setup.emailRequired') : undefined)}
          />
        ) : (
          link.email && <TextInput label={t('setup.email')} value={link.email} readOnly autoComplete="username" />
        )}
        {askName && <TextInput label={t('setup.name')} autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError(error, 'name')} />}
        <PasswordInput
          label={t('setup.password')}
          description={t('setup.passwordHint', { count: MIN_PASSWORD })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(error, 'password') ?? (checked ? tooShort : undefined)}
        />
        <PasswordInput
          label={t('setup.confirm')}
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={checked ? mismatch : undefined}
        />
        <Button type="submit" loading={complete.isPending}>
          {t(`setup.${link.purpose}.submit`)}
        </Button>
      </Stack>
    </form>
  );
}
