import { Grid, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { gebruikers } from '../../api/resources';
import type { Gebruiker, GebruikerInput, Rol } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { PasswordStrength } from '../../components/PasswordStrength';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { NameInput, RecordSelect } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { options, ROL_LABELS, ROL_UITLEG } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useSamenwerkingsverbanden } from '../lookups';

interface Values extends Record<string, unknown> {
  naam: string;
  email: string;
  rol: Rol | null;
  actief: boolean;
  samenwerkingsverbandId: string | null;
  wachtwoord: string;
}

const labels = {
  naam: 'Naam',
  email: 'E-mailadres',
  rol: 'Rol',
  actief: 'Actief',
  samenwerkingsverbandId: 'Samenwerkingsverband',
  wachtwoord: 'Wachtwoord',
};

const toValues = (g: Gebruiker): Values => ({
  naam: g.naam,
  email: g.email,
  rol: g.rol,
  actief: g.actief,
  samenwerkingsverbandId: g.samenwerkingsverbandId ?? null,
  wachtwoord: '',
});

export default function GebruikerPage() {
  return <RecordRoute resource={gebruikers} area="gebruikers" form={GebruikerForm} />;
}

function GebruikerForm({ loaded }: RecordFormProps<Gebruiker>) {
  const me = useMe();
  const platform = me.rol === 'platformbeheerder';
  const [params] = useSearchParams();
  const swvs = useSamenwerkingsverbanden(platform);
  const prefillRol = params.get('rol');
  const empty: Values = {
    naam: '',
    email: '',
    rol: prefillRol && prefillRol in ROL_LABELS ? (prefillRol as Rol) : null,
    actief: true,
    samenwerkingsverbandId: platform ? params.get('samenwerkingsverbandId') : null,
    wachtwoord: '',
  };
  const isSelf = loaded?.data.id === me.id;

  const f = useRecordForm({
    resource: gebruikers,
    area: 'gebruikers',
    loaded,
    empty,
    toValues,
    toInput: (x: Values): GebruikerInput => ({
      naam: x.naam.trim(),
      email: x.email.trim(),
      rol: x.rol as Rol,
      actief: x.actief,
      // A beheerder's users always join the beheerder's own SWV: the field is left out.
      ...(platform ? { samenwerkingsverbandId: x.rol === 'platformbeheerder' ? null : x.samenwerkingsverbandId } : {}),
      ...(x.wachtwoord !== '' ? { wachtwoord: x.wachtwoord } : {}),
    }),
    labels,
    display: {
      rol: (x) => (x ? ROL_LABELS[x as Rol] : '(leeg)'),
      samenwerkingsverbandId: (x) => swvs.name(x as string) || '(geen)',
    },
    validate: {
      naam: v.name('Naam'),
      email: v.email,
      rol: v.required('Rol'),
      samenwerkingsverbandId: (value, values) =>
        platform && values.rol !== 'platformbeheerder' && !value ? 'Kies het samenwerkingsverband' : null,
      // Left empty for a new user, Koers mails an invitation to choose one.
      wachtwoord: (value) => v.password(value, true),
    },
    savedMessage: (g, created, x) =>
      created && x.wachtwoord === '' ? `Uitnodiging verstuurd naar ${g.email}.` : 'De gebruiker is opgeslagen.',
  });

  const rollen = options(ROL_LABELS).filter((o) => platform || o.value !== 'platformbeheerder');
  const values = f.form.getValues();
  const rol = values.rol;

  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.naam : 'Nieuwe gebruiker'}
      deleteWhat={(g) => `de gebruiker ${g.naam}`}
      deletable={!isSelf}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NameInput autoComplete="off" {...f.field('naam')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="E-mailadres"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            {...f.field('email')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Rol"
            required
            data={rollen}
            allowDeselect={false}
            placeholder="Kies een rol"
            // Each choice says in one line what the role may do.
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {option.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {ROL_UITLEG[option.value as Rol]}
                </Text>
              </Stack>
            )}
            comboboxProps={{ withinPortal: true }}
            maxDropdownHeight={360}
            {...f.field('rol', rol ? ROL_UITLEG[rol] : 'Bepaalt wat de gebruiker mag zien en wijzigen.')}
            disabled={isSelf}
          />
        </Grid.Col>
        {platform && rol !== 'platformbeheerder' && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <RecordSelect
              label="Samenwerkingsverband"
              required
              searchable
              data={swvs.options}
              placeholder="Kies een samenwerkingsverband"
              {...f.field('samenwerkingsverbandId')}
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <PasswordInput
            visibilityToggleButtonProps={{ 'aria-label': 'Wachtwoord tonen of verbergen' }}
            label={loaded ? 'Nieuw wachtwoord' : 'Wachtwoord (niet verplicht)'}
            autoComplete="new-password"
            {...f.field(
              'wachtwoord',
              loaded
                ? 'Laat leeg om het wachtwoord niet te wijzigen. Minstens 12 tekens en moeilijk te raden.'
                : 'Laat leeg om een uitnodiging per e-mail te sturen: de gebruiker kiest dan zelf een wachtwoord (link 7 dagen geldig).',
            )}
          />
          <PasswordStrength password={values.wachtwoord} userInputs={[values.email, values.naam]} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Switch
            label="Actief: kan zich aanmelden"
            {...f.field(
              'actief',
              'Een inactieve gebruiker kan zich niet meer aanmelden; zijn gegevens blijven bewaard.',
              'checkbox',
            )}
            disabled={isSelf}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
