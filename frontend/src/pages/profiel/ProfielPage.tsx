import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { account } from '../../api/account';
import { useAuth, useMe } from '../../auth/authContext';
import { Fact } from '../../components/Fact';
import { NameInput } from '../../components/fields';
import { GeneralErrors } from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { PasswordStrength } from '../../components/PasswordStrength';
import { accountErrorMessage, fieldErrors, herhaling, nieuwWachtwoord } from '../../lib/account';
import { ROL_LABELS } from '../../lib/labels';
import { HuisstijlPanel } from '../samenwerkingsverbanden/HuisstijlPanel';
import * as v from '../../lib/validation';

/** Every signed-in user's own account: their name, and their password. */
export default function ProfielPage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Mijn profiel"
        description="Uw naam en uw wachtwoord. Uw e-mailadres en uw rol wijzigt een beheerder van uw samenwerkingsverband."
      />
      <Stack gap="lg" maw={820}>
        <Panel id="gegevens-kop" title="Gegevens" titleGap="sm">
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" mb="md">
            <Fact label="E-mailadres" value={<span style={{ overflowWrap: 'anywhere' }}>{me.email ?? '—'}</span>} />
            <Fact label="Rol" value={me.rol ? ROL_LABELS[me.rol] : '—'} />
            <Fact label="Samenwerkingsverband" value={me.samenwerkingsverband?.naam ?? 'Platformbeheer'} />
          </SimpleGrid>
          <NaamForm />
        </Panel>
        {me.samenwerkingsverband && me.rechten.organisatie.schrijven && (
          <HuisstijlPanel swvId={me.samenwerkingsverband.id} naam={me.samenwerkingsverband.naam} />
        )}
        {me.email ? (
          <WachtwoordForm email={me.email} naam={me.naam} />
        ) : (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
            Dit account heeft geen e-mailadres, en dus geen wachtwoord om hier te wijzigen.
          </Alert>
        )}
      </Stack>
    </>
  );
}

function NaamForm() {
  const me = useMe();
  const { setMe } = useAuth();
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string[]>([]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { naam: me.naam },
    validate: { naam: v.name('Naam') },
    validateInputOnBlur: true,
  });
  const save = useMutation({
    mutationFn: (naam: string) => account.naamWijzigen(naam),
    onSuccess: (nieuw) => {
      // The header and the menu show the name from the signed-in user: take over the answer.
      setMe(nieuw);
      // Lists and pickers of colleagues show the new name too.
      void queryClient.invalidateQueries({ queryKey: ['/gebruikers'] });
      form.setValues({ naam: nieuw.naam });
      form.resetDirty({ naam: nieuw.naam });
      notifications.show({ color: 'green', message: 'Uw naam is opgeslagen.' });
    },
    onError: (error) => {
      const fields = fieldErrors(error, ['naam']);
      if (fields.naam) {
        form.setErrors(fields);
        form.getInputNode('naam')?.focus();
      } else {
        setGeneral([accountErrorMessage(error)]);
      }
    },
  });
  const unchanged = form.getValues().naam.trim() === me.naam;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        ({ naam }) => {
          setGeneral([]);
          save.mutate(naam.trim());
        },
        () => form.getInputNode('naam')?.focus(),
      )}
    >
      <Stack gap="sm">
        <GeneralErrors messages={general} />
        <NameInput
          autoComplete="name"
          description="Zo ziet u en zien uw collega's uw naam in Koers."
          {...form.getInputProps('naam')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={unchanged}>
            Naam opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function WachtwoordForm({ email, naam }: { email: string; naam: string }) {
  const { signIn, signOut } = useAuth();
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [signInFailed, setSignInFailed] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { huidig: '', nieuw: '', herhaal: '' },
    validate: {
      huidig: (value) => (value === '' ? 'Vul uw huidige wachtwoord in' : null),
      nieuw: (value, values) =>
        nieuwWachtwoord(value) ?? (value === values.huidig ? 'Kies een ander wachtwoord dan het huidige' : null),
      herhaal: (value, values) => herhaling(value, values.nieuw),
    },
    validateInputOnBlur: true,
  });
  const focusFirst = (errors: Record<string, unknown>) => {
    const first = ['huidig', 'nieuw', 'herhaal'].find((k) => errors[k]);
    if (first) form.getInputNode(first)?.focus();
  };

  const save = useMutation({
    mutationFn: async ({ huidig, nieuw }: { huidig: string; nieuw: string }) => {
      await account.wachtwoordWijzigen(huidig, nieuw);
      // Every session of the account ended, this one too: sign in again at once with the new password.
      try {
        await signIn(email, nieuw);
      } catch (error) {
        setSignInFailed(accountErrorMessage(error));
      }
    },
    onSuccess: () => {
      setDone(true);
      form.reset();
      notifications.show({
        color: 'green',
        message: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u afgemeld.',
      });
    },
    onError: (error) => {
      const fields = fieldErrors(error, ['huidig', 'nieuw']);
      if (fields.huidig) fields.huidig = 'Dit is niet uw huidige wachtwoord';
      if (Object.keys(fields).length > 0) {
        form.setErrors(fields);
        focusFirst(fields);
      } else {
        setGeneral([accountErrorMessage(error, 'pogingen met een verkeerd wachtwoord')]);
      }
    },
  });
  const values = form.getValues();

  return (
    <Panel id="wachtwoord-kop" title="Wachtwoord wijzigen" titleGap="sm">
      <form
        noValidate
        aria-labelledby="wachtwoord-kop"
        onSubmit={form.onSubmit((input) => {
          setGeneral([]);
          setDone(false);
          setSignInFailed(null);
          save.mutate(input);
        }, focusFirst)}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Na het wijzigen bent u op al uw andere apparaten afgemeld; hier blijft u aangemeld.
          </Text>
          {done && !signInFailed && (
            <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status" title="Wachtwoord gewijzigd">
              Uw nieuwe wachtwoord werkt vanaf nu. Op andere apparaten meldt u zich opnieuw aan.
            </Alert>
          )}
          {signInFailed && (
            <Alert
              color="orange"
              icon={<IconAlertTriangle aria-hidden />}
              role="alert"
              title="Wachtwoord gewijzigd, opnieuw aanmelden lukte niet"
            >
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{signInFailed}</Text>
                <Button size="xs" variant="outline" color="orange" onClick={signOut}>
                  Afmelden en opnieuw aanmelden
                </Button>
              </Stack>
            </Alert>
          )}
          <GeneralErrors messages={general} />
          {/* For password managers: whose password this is. */}
          <input type="email" autoComplete="username" value={email} readOnly hidden />
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': 'Huidig wachtwoord tonen of verbergen' }}
            label="Huidig wachtwoord"
            autoComplete="current-password"
            required
            {...form.getInputProps('huidig')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <div>
              <PasswordInput
                visibilityToggleButtonProps={{ 'aria-label': 'Nieuw wachtwoord tonen of verbergen' }}
                label="Nieuw wachtwoord"
                description="Minstens 12 tekens en moeilijk te raden."
                autoComplete="new-password"
                required
                {...form.getInputProps('nieuw')}
              />
              <PasswordStrength password={values.nieuw} userInputs={[email, naam]} />
            </div>
            <PasswordInput
              visibilityToggleButtonProps={{ 'aria-label': 'Herhaling tonen of verbergen' }}
              label="Herhaal het nieuwe wachtwoord"
              description="Om een tikfout uit te sluiten."
              autoComplete="new-password"
              required
              {...form.getInputProps('herhaal')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Wachtwoord wijzigen
            </Button>
          </Group>
        </Stack>
      </form>
    </Panel>
  );
}
