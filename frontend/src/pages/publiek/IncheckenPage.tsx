import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconCircleCheck, IconLogin2, IconQrcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { LoadingState } from '../../components/states';
import { usePageTitle } from '../../components/usePageTitle';
import * as v from '../../lib/validation';
import { publiek } from './api';
import { MeetingFacts, PublicErrorAlert, PublicFrame, PublicTitle } from './parts';
import { checkInError } from './publiekErrors';

/**
 * `/incheck/:code`: the page a participant's phone opens from the QR code at the door. She types
 * the address she registered with and is marked present. The answer is the same for every
 * address, so the page never says more than "if you are registered, you are now on the list".
 */
export default function IncheckenPage() {
  const { code = '' } = useParams();
  const meeting = useQuery({
    queryKey: ['publiek', 'incheck', code],
    queryFn: () => publiek.incheck(code),
    // A link that expired stays expired: asking again does not help.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const [ingecheckt, setIngecheckt] = useState<string | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: v.email },
  });
  const inchecken = useMutation({
    mutationFn: (email: string) => publiek.inchecken(code, email),
    onSuccess: (_, email) => setIngecheckt(email),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) {
        const reden = error.invalidParams.find((p) => p.name === 'email')?.reason;
        form.setFieldError('email', reden ? `E-mailadres ${reden}` : 'Dit is geen geldig e-mailadres');
      }
    },
  });

  if (meeting.isPending) {
    return (
      <PublicFrame>
        <LoadingState />
      </PublicFrame>
    );
  }
  if (meeting.isError) {
    return <Onbruikbaar error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }

  const m = meeting.data;
  const fout =
    inchecken.isError && !(inchecken.error instanceof ApiError && inchecken.error.status === 400)
      ? checkInError(inchecken.error)
      : null;

  return (
    <PublicFrame swv={m}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          {ingecheckt ? (
            <>
              <Stack gap="xs" align="flex-start">
                <IconCircleCheck size={48} stroke={1.5} color="var(--mantine-color-green-8)" aria-hidden />
                <PublicTitle focus>Gelukt</PublicTitle>
              </Stack>
              <Text data-testid="incheck-gelukt">
                Als u bent aangemeld met <strong style={{ overflowWrap: 'anywhere' }}>{ingecheckt}</strong>, staat u nu
                op de presentielijst. Welkom!
              </Text>
            </>
          ) : (
            <PublicTitle>Inchecken</PublicTitle>
          )}
          <Stack gap="xs">
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {m.titel}
            </Title>
            <MeetingFacts meeting={m} showPlaces={false} />
          </Stack>
          {ingecheckt && (
            <Stack gap="sm" align="flex-start">
              <Text size="sm" c="dimmed">
                Niet aangemeld, of met een ander e-mailadres? Meld u dan bij de ontvangst.
              </Text>
              <Button
                variant="default"
                w={{ base: '100%', sm: 'auto' }}
                onClick={() => {
                  setIngecheckt(null);
                  inchecken.reset();
                  form.reset();
                }}
              >
                Iemand anders inchecken
              </Button>
            </Stack>
          )}
          {!ingecheckt && (
            <form
              noValidate
              onSubmit={form.onSubmit((values) => {
                inchecken.mutate(values.email.trim());
              })}
            >
              <Stack gap="md">
                <Text size="sm">Vul het e-mailadres in waarmee u zich hebt aangemeld.</Text>
                <TextInput
                  label="E-mailadres"
                  type="email"
                  inputMode="email"
                  autoComplete="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  size="md"
                  withAsterisk
                  {...form.getInputProps('email')}
                  key={form.key('email')}
                />
                {fout && (
                  <PublicErrorAlert
                    error={fout}
                    onRetry={() => {
                      const email = form.getValues().email.trim();
                      if (email) inchecken.mutate(email);
                    }}
                  />
                )}
                <Button
                  type="submit"
                  size="md"
                  fullWidth
                  leftSection={<IconLogin2 size={20} aria-hidden />}
                  loading={inchecken.isPending}
                >
                  Inchecken
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </PublicFrame>
  );
}

/** The link cannot be used: expired (scan again), or Koers could not be reached. */
function Onbruikbaar({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const fout = checkInError(error);
  usePageTitle(fout.title);
  return (
    <PublicFrame>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {fout.title}
          </Title>
          <Text>{fout.message}</Text>
          {fout.opnieuwScannen && (
            <Alert color="koers" variant="light" icon={<IconQrcode aria-hidden />} title="Zo checkt u alsnog in">
              <Text size="sm">
                De QR-code bij de ingang wisselt elke paar minuten. Scan de code die nu op het scherm staat met de
                camera van uw telefoon.
              </Text>
            </Alert>
          )}
          {fout.retry && (
            <Button variant="outline" onClick={onRetry} w={{ base: '100%', sm: 'auto' }}>
              Opnieuw proberen
            </Button>
          )}
        </Stack>
      </Paper>
    </PublicFrame>
  );
}
