import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { IconAlertCircle, IconArrowLeft, IconMailForward } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { account } from '../api/account';
import { accountErrorMessage, fieldErrors } from '../lib/account';
import * as v from '../lib/validation';
import { AuthFrame } from './AuthFrame';

function BackToLogin({ email }: { email?: string }) {
  return (
    <Anchor
      component={Link}
      to="/aanmelden"
      state={email ? { email } : null}
      size="sm"
      display="inline-flex"
      style={{ alignItems: 'center', gap: 4 }}
    >
      <IconArrowLeft size={14} aria-hidden />
      Terug naar aanmelden
    </Anchor>
  );
}

/** A link by mail to choose a new password: the same answer for every address, so nobody learns who has an account. */
export default function WachtwoordVergetenPage() {
  const location = useLocation();
  const handed = (location.state as { email?: string } | null)?.email ?? '';
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: handed },
    validate: { email: v.email },
    validateInputOnBlur: true,
  });
  const request = useMutation({
    mutationFn: (email: string) => account.wachtwoordVergeten(email),
    onError: (error) => {
      const fields = fieldErrors(error, ['email']);
      if (fields.email) {
        form.setErrors(fields);
        form.getInputNode('email')?.focus();
      }
    },
  });
  const answer = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (request.isSuccess) answer.current?.focus();
  }, [request.isSuccess]);

  const sentTo = request.variables;
  const fieldError = fieldErrors(request.error, ['email']).email !== undefined;

  return (
    <AuthFrame
      title="Wachtwoord vergeten"
      subtitle="Vul het e-mailadres van uw account in. U krijgt een mail met een link om een nieuw wachtwoord te kiezen."
    >
      {request.isSuccess ? (
        <Stack gap="md">
          <Alert
            color="green"
            icon={<IconMailForward aria-hidden />}
            title="Kijk in uw mail"
            role="status"
            ref={answer}
            tabIndex={-1}
            style={{ outline: 'none' }}
          >
            <Stack gap="xs">
              <Text size="sm">{request.data}</Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Geen mail binnen een paar minuten? Kijk ook bij de ongewenste mail (spam), en controleer of u het adres
                goed hebt getypt: {sentTo}.
              </Text>
            </Stack>
          </Alert>
          <Button variant="default" onClick={() => request.reset()}>
            Een ander e-mailadres proberen
          </Button>
          <BackToLogin email={sentTo} />
        </Stack>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(
            ({ email }) => request.mutate(email.trim()),
            () => form.getInputNode('email')?.focus(),
          )}
        >
          <Stack gap="md">
            {request.isError && !fieldError && (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" title="Aanvragen lukt niet">
                {accountErrorMessage(request.error, 'aanvragen')}
              </Alert>
            )}
            <TextInput
              label="E-mailadres"
              type="email"
              inputMode="email"
              autoComplete="username"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Link aanvragen
            </Button>
            <BackToLogin email={form.getValues().email.trim() || undefined} />
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
