import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './authContext';
import { homePath } from './roles';
import { signInErrorMessage } from './signInError';

/**
 * What another page hands the sign-in page: where to return after signing in, or (after choosing
 * a password) the account's address and a word of success.
 */
export interface LoginState {
  from?: string;
  email?: string;
  notice?: string;
}

export default function LoginPage() {
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const handed = (location.state as LoginState | null) ?? {};
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: handed.email ?? '', password: '' },
    validate: {
      email: (v) => (v.trim() === '' ? 'Vul uw e-mailadres in' : null),
      password: (v) => (v === '' ? 'Vul uw wachtwoord in' : null),
    },
  });

  const from = handed.from;
  if (state.status === 'signedIn') {
    return <Navigate to={from ?? homePath(state.me)} replace />;
  }

  const submit = form.onSubmit(async ({ email, password }) => {
    setError(null);
    setBusy(true);
    try {
      const me = await signIn(email.trim(), password);
      await navigate(from ?? homePath(me), { replace: true });
    } catch (e) {
      setError(signInErrorMessage(e));
      setBusy(false);
      // Keep the e-mail address; the password is typed again.
      form.setFieldValue('password', '');
      form.getInputNode('password')?.focus();
    }
  });

  const expired = state.status === 'signedOut' && state.reason === 'expired';
  const email = form.getValues().email.trim();

  return (
    <AuthFrame
      title="Aanmelden bij Koers"
      pageTitle="Aanmelden"
      subtitle="Planning, registratie en monitoring voor het samenwerkingsverband"
    >
      {handed.notice && !error && (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
          {handed.notice}
        </Alert>
      )}
      {expired && !error && !handed.notice && (
        <Alert color="koers" icon={<IconInfoCircle aria-hidden />} role="status">
          Uw sessie is verlopen. Meld u opnieuw aan.
        </Alert>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="Aanmelden lukt niet">
          {error}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="E-mailadres"
            type="email"
            autoComplete="username"
            required
            // With the address handed over, the password is what is left to type.
            autoFocus={!handed.email}
            {...form.getInputProps('email')}
          />
          <Stack gap={6}>
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': 'Wachtwoord tonen of verbergen' }}
              label="Wachtwoord"
              autoComplete="current-password"
              required
              autoFocus={!!handed.email}
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end">
              <Anchor component={Link} to="/wachtwoord-vergeten" state={email ? { email } : null} size="sm">
                Wachtwoord vergeten?
              </Anchor>
            </Group>
          </Stack>
          <Button type="submit" loading={busy} fullWidth>
            Aanmelden
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
