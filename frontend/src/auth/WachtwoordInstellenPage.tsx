import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconAlertCircle, IconClockX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { account } from '../api/account';
import { ApiError } from '../api/problem';
import { PasswordStrength } from '../components/PasswordStrength';
import { ErrorState, LoadingState } from '../components/states';
import { accountErrorMessage, fieldErrors, herhaling, isLinkVerlopen, nieuwWachtwoord } from '../lib/account';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './authContext';
import type { LoginState } from './LoginPage';

const VERLOPEN_TITEL = 'Deze link is verlopen of al gebruikt';

/** The page behind the link in an invitation or a reset mail: choose a password, then sign in with it. */
export default function WachtwoordInstellenPage() {
  const { token = '' } = useParams();
  const link = useQuery({
    queryKey: ['wachtwoord-instellen', token],
    queryFn: () => account.link(token),
    // The link's state is read once: after the password is chosen it is used up.
    staleTime: Infinity,
    gcTime: 0,
  });
  const [verlopen, setVerlopen] = useState<string | null>(null);

  if (link.isPending) {
    return (
      <AuthFrame title="Wachtwoord kiezen">
        <LoadingState label="De link wordt gecontroleerd…" />
      </AuthFrame>
    );
  }
  if (verlopen !== null || (link.isError && isLinkVerlopen(link.error))) {
    const detail = verlopen ?? (link.error instanceof ApiError ? link.error.problem?.detail : undefined) ?? undefined;
    return <Verlopen detail={detail} />;
  }
  if (link.isError) {
    return (
      <AuthFrame title="Wachtwoord kiezen">
        <ErrorState
          title="De link kon niet worden gecontroleerd"
          error={link.error}
          onRetry={() => void link.refetch()}
        />
      </AuthFrame>
    );
  }
  return <Kiezen token={token} email={link.data} onVerlopen={setVerlopen} />;
}

function Verlopen({ detail }: { detail?: string }) {
  return (
    <AuthFrame title={VERLOPEN_TITEL}>
      <Alert color="orange" icon={<IconClockX aria-hidden />} role="alert">
        <Text size="sm">
          {detail ||
            'Een link om een wachtwoord te kiezen werkt één keer, en maar een beperkte tijd. Vraag een nieuwe link aan.'}
        </Text>
      </Alert>
      <Text size="sm">
        Een uitnodiging is 7 dagen geldig, een link voor een nieuw wachtwoord een uur. Werkt uw account nog niet? Vraag
        dan de beheerder van uw samenwerkingsverband om een nieuwe uitnodiging.
      </Text>
      <Stack gap="sm">
        <Button component={Link} to="/wachtwoord-vergeten" fullWidth>
          Nieuwe link aanvragen
        </Button>
        <Anchor component={Link} to="/aanmelden" size="sm" ta="center">
          Naar aanmelden
        </Anchor>
      </Stack>
    </AuthFrame>
  );
}

function Kiezen({ token, email, onVerlopen }: { token: string; email: string; onVerlopen: (detail: string) => void }) {
  const { state, signOut } = useAuth();
  const navigate = useNavigate();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { wachtwoord: '', herhaal: '' },
    validate: {
      wachtwoord: nieuwWachtwoord,
      herhaal: (value, values) => herhaling(value, values.wachtwoord),
    },
    validateInputOnBlur: true,
  });

  const save = useMutation({
    mutationFn: (wachtwoord: string) => account.wachtwoordInstellen(token, wachtwoord),
    onSuccess: async () => {
      // Every session of this account has ended; whoever else is signed in here stays.
      if (state.status === 'signedIn' && state.me.email?.toLowerCase() === email.toLowerCase()) signOut();
      notifications.show({ color: 'green', message: 'Uw wachtwoord is ingesteld.' });
      const next: LoginState = {
        email,
        notice: 'Uw wachtwoord is ingesteld. Meld u aan met uw e-mailadres en het nieuwe wachtwoord.',
      };
      await navigate('/aanmelden', { replace: true, state: next });
    },
    onError: (error) => {
      if (isLinkVerlopen(error)) {
        onVerlopen(error instanceof ApiError ? (error.problem?.detail ?? '') : '');
        return;
      }
      const fields = fieldErrors(error, ['wachtwoord']);
      if (fields.wachtwoord) {
        form.setErrors(fields);
        form.getInputNode('wachtwoord')?.focus();
        return;
      }
      setGeneral(accountErrorMessage(error));
    },
  });

  const values = form.getValues();
  return (
    <AuthFrame title="Wachtwoord kiezen" subtitle="Kies een wachtwoord voor uw account bij Koers.">
      {general && (
        <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="Opslaan lukte niet">
          {general}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit(
          ({ wachtwoord }) => {
            setGeneral(null);
            save.mutate(wachtwoord);
          },
          (errors) => {
            const first = Object.keys(errors)[0];
            if (first) form.getInputNode(first)?.focus();
          },
        )}
      >
        <Stack gap="md">
          {/* The account's address, read-only: it tells whose password this is, and password managers use it. */}
          <TextInput label="E-mailadres" type="email" autoComplete="username" value={email} readOnly />
          <div>
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': 'Wachtwoord tonen of verbergen' }}
              label="Nieuw wachtwoord"
              description="Minstens 12 tekens en moeilijk te raden, bijvoorbeeld een paar ongewone woorden achter elkaar."
              autoComplete="new-password"
              required
              autoFocus
              {...form.getInputProps('wachtwoord')}
            />
            <PasswordStrength password={values.wachtwoord} userInputs={[email]} />
          </div>
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': 'Herhaling tonen of verbergen' }}
            label="Herhaal het wachtwoord"
            autoComplete="new-password"
            required
            {...form.getInputProps('herhaal')}
          />
          <Button type="submit" loading={save.isPending} fullWidth>
            Wachtwoord instellen
          </Button>
          <Anchor component={Link} to="/aanmelden" size="sm" ta="center">
            Ik weet mijn wachtwoord al: naar aanmelden
          </Anchor>
        </Stack>
      </form>
    </AuthFrame>
  );
}
