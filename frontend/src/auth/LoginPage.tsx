import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Logo } from '../components/Logo';
import { usePageTitle } from '../components/usePageTitle';
import { useAuth } from './authContext';
import { homePath } from './roles';
import { signInErrorMessage } from './signInError';

export default function LoginPage() {
  usePageTitle('Aanmelden');
  const { state, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() === '' ? 'Vul uw e-mailadres in' : null),
      password: (v) => (v === '' ? 'Vul uw wachtwoord in' : null),
    },
  });

  const from = (location.state as { from?: string } | null)?.from;
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

  return (
    <Box component="main" bg="gray.0" mih="100vh">
      <Center mih="100vh" p="md">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={4} align="center">
              <Logo size={44} />
              <Title order={1} size="h2">
                Aanmelden bij Koers
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                Planning, registratie en monitoring voor het samenwerkingsverband
              </Text>
            </Stack>
            {expired && !error && (
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
                  autoFocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  visibilityToggleButtonProps={{ 'aria-label': 'Wachtwoord tonen of verbergen' }}
                  label="Wachtwoord"
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={busy} fullWidth mt="xs">
                  Aanmelden
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
