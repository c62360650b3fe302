import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconPencil, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/problem';
import { aanmeldingen } from '../../api/resources';
import type { Aanmelding, Bijeenkomst, Functie } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataList, type Column } from '../../components/DataList';
import { GeneralErrors } from '../../components/FormParts';
import { RecordSelect } from '../../components/fields';
import { invalidateLists } from '../../components/recordForm';
import { TableHead } from '../../components/TableHead';
import { mapInvalidParams } from '../../lib/formErrors';
import { formatNumber } from '../../lib/format';
import { AANMELDING_BRON_LABELS, AANMELDING_STATUS_LABELS, FUNCTIE_LABELS, options } from '../../lib/labels';
import { etagOf } from '../../lib/planning';
import * as v from '../../lib/validation';
import { optionsOf } from '../planning/hooks';
import { useMe } from '../../auth/authContext';
import { canWriteAanmeldingen } from '../../auth/roles';
import { BerichtButton } from './BerichtModal';
import { nogTePlannen } from '../../lib/tijd';
import { ImportButton } from './ImportModal';
import { useAlleScholen } from './hooks';

const STATUS_COLORS = { aangemeld: 'green', wachtlijst: 'orange', afgemeld: 'gray' } as const;

interface PersoonWaarden extends Record<string, unknown> {
  naam: string;
  email: string;
  schoolId: string | null;
  functie: Functie | null;
}

const persoonLabels = { naam: 'Naam', email: 'E-mailadres', schoolId: 'School', functie: 'Functie' };

const persoonRegels = {
  naam: v.name(),
  email: v.email,
  functie: (value: Functie | null) => (value ? null : 'Kies een functie'),
};

function usePersoonForm(initialValues: PersoonWaarden) {
  return useForm<PersoonWaarden>({ mode: 'controlled', initialValues, validate: persoonRegels });
}

type PersoonForm = ReturnType<typeof usePersoonForm>;

/** Puts the API's answer to a failed save at the fields; returns what belongs to no field. */
function toonFout(error: unknown, form: PersoonForm): string[] {
  if (error instanceof ApiError && error.invalidParams.length > 0) {
    const mapped = mapInvalidParams(error.invalidParams, Object.keys(persoonLabels), persoonLabels);
    form.setErrors(mapped.fields);
    return mapped.other;
  }
  if (error instanceof ApiError && error.status === 409 && /e-?mail/i.test(error.problem?.detail ?? '')) {
    form.setErrors({ email: error.problem?.detail ?? 'Dit e-mailadres is al aangemeld' });
    return [];
  }
  if (error instanceof ApiError && error.status === 412) {
    return ['Iemand anders heeft deze aanmelding intussen gewijzigd. Sluit dit venster en probeer het opnieuw.'];
  }
  return [errorMessage(error)];
}

function PersoonVelden({ form, readOnly = false }: { form: PersoonForm; readOnly?: boolean }) {
  const scholen = useAlleScholen();
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="Naam" required readOnly={readOnly} {...form.getInputProps('naam')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput
          label="E-mailadres"
          type="email"
          required
          readOnly={readOnly}
          autoComplete="off"
          {...form.getInputProps('email')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <RecordSelect
          label="School"
          searchable
          clearable
          nothingFoundMessage="Geen school gevonden"
          placeholder="Geen school (bijv. ouder of gemeente)"
          data={optionsOf(scholen.data, (s) => `${s.naam} (${s.brin})`)}
          readOnly={readOnly}
          {...form.getInputProps('schoolId')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label="Functie"
          required
          searchable
          data={options(FUNCTIE_LABELS)}
          placeholder="Kies…"
          readOnly={readOnly}
          {...form.getInputProps('functie')}
        />
      </Grid.Col>
    </Grid>
  );
}

export function AanmeldingenSection({ bijeenkomst: b, writable }: { bijeenkomst: Bijeenkomst; writable: boolean }) {
  const source = aanmeldingen.source(b.id);
  const columns: Column<Aanmelding>[] = [
    {
      key: 'naam',
      header: 'Naam',
      sortable: true,
      render: (a) => (
        <Text size="sm" fw={500}>
          {a.naam}
        </Text>
      ),
    },
    { key: 'email', header: 'E-mailadres', nowrap: true, render: (a) => a.email, visibleFrom: 'md' },
    { key: 'school', header: 'School', render: (a) => a.schoolNaam ?? '—', visibleFrom: 'sm' },
    { key: 'functie', header: 'Functie', render: (a) => FUNCTIE_LABELS[a.functie], visibleFrom: 'lg' },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      nowrap: true,
      render: (a) => (
        <Badge variant="light" color={STATUS_COLORS[a.status]} className="badge-heel">
          {AANMELDING_STATUS_LABELS[a.status]}
          {a.status === 'wachtlijst' && a.wachtlijstPositie != null ? ` #${a.wachtlijstPositie}` : ''}
        </Badge>
      ),
    },
    {
      key: 'aanwezig',
      header: 'Aanwezig',
      render: (a) => (a.aanwezig === true ? 'Ja' : a.aanwezig === false ? 'Nee' : '—'),
    },
    { key: 'bron', header: 'Via', render: (a) => AANMELDING_BRON_LABELS[a.bron], visibleFrom: 'xl' },
    ...(writable
      ? [
          {
            key: 'acties',
            header: 'Acties',
            render: (a: Aanmelding) => <Acties bijeenkomstId={b.id} aanmelding={a} />,
          },
        ]
      : []),
  ];
  const geannuleerd = b.status === 'geannuleerd';
  // Once a meeting is over (or cancelled) there is nobody left to register or to write to.
  const open = nogTePlannen(b, new Date());
  const berichten = canWriteAanmeldingen(useMe());

  return (
    <Stack gap="lg" component="section" aria-labelledby="aanmeldingen-kop">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="aanmeldingen-kop">
          Aanmeldingen
        </Title>
        {open && (berichten || writable) && (
          <Group gap="sm">
            {berichten && <BerichtButton bijeenkomst={b} />}
            {writable && <ImportButton bijeenkomst={b} />}
          </Group>
        )}
      </Group>
      {writable && open && <AanmeldingToevoegen bijeenkomst={b} />}
      <Wachtlijst bijeenkomstId={b.id} />
      <DataList
        resource={source}
        noun="aanmeldingen"
        columns={columns}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of e-mailadres"
        filters={[
          { key: 'status', label: 'Status', options: options(AANMELDING_STATUS_LABELS) },
          { key: 'functie', label: 'Functie', options: options(FUNCTIE_LABELS) },
        ]}
        emptyTitle="Nog geen aanmeldingen"
        emptyDescription={
          geannuleerd
            ? 'Deze bijeenkomst is geannuleerd.'
            : !open
              ? 'Deze bijeenkomst is afgelopen; er meldde zich niemand aan.'
              : writable
                ? `Meld deelnemers aan met het formulier hierboven, importeer een lijst met "Importeren"${b.publiek ? ', of deel de link voor inschrijving' : ''}.`
                : 'Er heeft zich nog niemand aangemeld.'
        }
      />
    </Stack>
  );
}

function AanmeldingToevoegen({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string[]>([]);
  const [resultaat, setResultaat] = useState<Aanmelding | null>(null);
  const [busy, setBusy] = useState(false);
  const form = usePersoonForm({ naam: '', email: '', schoolId: null, functie: null });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setGeneral([]);
    setResultaat(null);
    try {
      const nieuw = await aanmeldingen.create(b.id, {
        naam: values.naam.trim(),
        email: values.email.trim(),
        schoolId: values.schoolId || null,
        functie: values.functie ?? 'overig',
      });
      setResultaat(nieuw);
      form.reset();
      notifications.show({
        color: nieuw.status === 'wachtlijst' ? 'orange' : 'green',
        message: resultaatTekst(nieuw),
      });
      await invalidateLists(queryClient, '/bijeenkomsten');
      form.getInputNode('naam')?.focus();
    } catch (error) {
      setGeneral(toonFout(error, form));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate aria-labelledby="toevoegen-kop">
        <Stack gap="sm">
          <Title order={3} size="h5" id="toevoegen-kop">
            Aanmelding toevoegen
          </Title>
          <GeneralErrors messages={general} />
          <PersoonVelden form={form} />
          <Group justify="space-between" wrap="wrap" gap="sm">
            <div role="status" aria-live="polite">
              {resultaat && (
                <Text size="sm" fw={600} c={resultaat.status === 'wachtlijst' ? 'orange.9' : 'green.9'}>
                  {resultaatTekst(resultaat)}
                </Text>
              )}
            </div>
            <Button type="submit" loading={busy} leftSection={<IconUserPlus size={16} aria-hidden />}>
              Aanmelding toevoegen
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function resultaatTekst(a: Aanmelding): string {
  return a.status === 'wachtlijst'
    ? `${a.naam} staat op de wachtlijst${a.wachtlijstPositie != null ? ` (plaats ${a.wachtlijstPositie})` : ''}: de bijeenkomst is vol.`
    : `${a.naam} is aangemeld.`;
}

/** The waiting list in its order: who moves up first when someone cancels. */
function Wachtlijst({ bijeenkomstId }: { bijeenkomstId: string }) {
  const q = useQuery({
    queryKey: [...aanmeldingen.queryKey(bijeenkomstId), 'wachtlijst'],
    queryFn: () => aanmeldingen.source(bijeenkomstId).list({ status: 'wachtlijst', pageSize: 200, sort: 'createdAt' }),
  });
  if (!q.data || q.data.total === 0) return null;
  const rijen = [...q.data.items].sort((a, b) => (a.wachtlijstPositie ?? 0) - (b.wachtlijstPositie ?? 0));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="wachtlijst-kop">
      <Title order={3} size="h5" id="wachtlijst-kop" mb={4}>
        Wachtlijst ({formatNumber(q.data.total)})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Bij een afmelding schuift de eerste op de wachtlijst door.
      </Text>
      <Table>
        <TableHead cells={[{ label: 'Plaats', w: 80 }, 'Naam', 'School']} />
        <Table.Tbody>
          {rijen.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td className="tabular">{a.wachtlijstPositie ?? '—'}</Table.Td>
              <Table.Td>{a.naam}</Table.Td>
              <Table.Td>{a.schoolNaam ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Acties({ bijeenkomstId, aanmelding: a }: { bijeenkomstId: string; aanmelding: Aanmelding }) {
  const queryClient = useQueryClient();
  return (
    <Group gap={4} wrap="nowrap">
      <BewerkKnop bijeenkomstId={bijeenkomstId} aanmelding={a} />
      {a.status !== 'afgemeld' && (
        <ConfirmButton
          label="Afmelden"
          title="Afmelding bevestigen"
          confirmLabel="Afmelden"
          confirmColor="red.8"
          buttonProps={{ variant: 'subtle', color: 'red.8', size: 'xs' }}
          ariaLabel={`${a.naam} afmelden`}
          leftSection={<IconUserMinus size={14} aria-hidden />}
          onConfirm={async () => {
            await aanmeldingen.cancel(bijeenkomstId, a.id, etagOf(a));
            notifications.show({ color: 'green', message: `${a.naam} is afgemeld.` });
            await invalidateLists(queryClient, '/bijeenkomsten');
          }}
        >
          Weet u zeker dat u {a.naam} wilt afmelden?
          {a.status === 'aangemeld' && ' De eerste op de wachtlijst schuift dan door.'}
        </ConfirmButton>
      )}
    </Group>
  );
}

function BewerkKnop({ bijeenkomstId, aanmelding: a }: { bijeenkomstId: string; aanmelding: Aanmelding }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Tooltip label="Bewerken" withArrow>
        <ActionIcon variant="subtle" size="md" onClick={open} aria-label={`${a.naam} bewerken`}>
          <IconPencil size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={`Aanmelding van ${a.naam}`} size="lg" centered>
        {opened && <BewerkFormulier bijeenkomstId={bijeenkomstId} aanmelding={a} onDone={close} />}
      </Modal>
    </>
  );
}

function BewerkFormulier({
  bijeenkomstId,
  aanmelding: a,
  onDone,
}: {
  bijeenkomstId: string;
  aanmelding: Aanmelding;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = usePersoonForm({ naam: a.naam, email: a.email, schoolId: a.schoolId ?? null, functie: a.functie });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setGeneral([]);
    try {
      await aanmeldingen.patch(
        bijeenkomstId,
        a.id,
        {
          naam: values.naam.trim(),
          email: values.email.trim(),
          schoolId: values.schoolId || null,
          functie: values.functie ?? a.functie,
        },
        etagOf(a),
      );
      notifications.show({ color: 'green', message: 'De aanmelding is opgeslagen.' });
      await invalidateLists(queryClient, '/bijeenkomsten');
      onDone();
    } catch (error) {
      setGeneral(toonFout(error, form));
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {a.status === 'afgemeld' && (
          <Alert color="gray" icon={<IconAlertTriangle aria-hidden />} p="xs">
            <Text size="sm">Deze persoon is afgemeld. Meld opnieuw aan met "Aanmelding toevoegen".</Text>
          </Alert>
        )}
        <GeneralErrors messages={general} />
        <PersoonVelden form={form} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Annuleren
          </Button>
          <Button type="submit" loading={busy}>
            Opslaan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
