import {
  Alert,
  Button,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  type ComboboxItem,
  type OptionsFilter,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { IconCalendarPlus, IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { Functie, PubliekeBijeenkomst } from '../../api/types';
import { LoadingState } from '../../components/states';
import { BIJEENKOMST_SOORT_LABELS, FUNCTIE_LABELS, options } from '../../lib/labels';
import { formatMeetingTime } from '../../lib/meetingTime';
import * as v from '../../lib/validation';
import { agendaUrl, publiek } from './api';
import { MeetingFacts, PublicErrorAlert, PublicErrorPage, PublicFrame, PublicTitle } from './parts';
import { meetingLoadError, registrationSubmitError, type PublicError } from './publiekErrors';

/** The choice for a participant whose school is not in the list: sent as `schoolId: null`. */
const GEEN_SCHOOL = 'geen';
const GEEN_SCHOOL_LABEL = 'Mijn school staat er niet bij';

interface Values {
  naam: string;
  email: string;
  school: string | null;
  functie: Functie | null;
}

// The "not in the list" choice stays visible whatever is typed, so it is found by those who need it.
const schoolFilter: OptionsFilter = ({ options: items, search }) => {
  const q = search.trim().toLocaleLowerCase('nl-NL');
  const flat = items as ComboboxItem[];
  if (!q) return flat;
  return flat.filter((o) => o.value === GEEN_SCHOOL || o.label.toLocaleLowerCase('nl-NL').includes(q));
};

export default function InschrijvenPage() {
  const { publicId = '' } = useParams();
  const meeting = useQuery({
    queryKey: ['publiek', 'bijeenkomst', publicId],
    queryFn: () => publiek.bijeenkomst(publicId),
  });
  // What the page showed when the form was sent: the answer itself is the same for everyone.
  const [done, setDone] = useState<PubliekeBijeenkomst | null>(null);

  if (meeting.isPending) {
    return (
      <PublicFrame>
        <LoadingState />
      </PublicFrame>
    );
  }
  if (meeting.isError) {
    return <PublicErrorPage error={meetingLoadError(meeting.error)} onRetry={() => void meeting.refetch()} />;
  }
  if (done) return <Confirmation meeting={done} publicId={publicId} />;
  return <RegistrationForm meeting={meeting.data} publicId={publicId} onDone={setDone} />;
}

function RegistrationForm({
  meeting,
  publicId,
  onDone,
}: {
  meeting: PubliekeBijeenkomst;
  publicId: string;
  onDone: (shown: PubliekeBijeenkomst) => void;
}) {
  const scholen = useQuery({
    queryKey: ['publiek', 'scholen', publicId],
    queryFn: () => publiek.scholen(publicId),
    staleTime: 10 * 60_000,
  });
  const [general, setGeneral] = useState<PublicError | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { naam: '', email: '', school: null, functie: null },
    validate: {
      naam: v.name('Naam'),
      email: v.email,
      school: (value) => (value ? null : `Kies uw school, of "${GEEN_SCHOOL_LABEL}"`),
      functie: (value) => (value ? null : 'Kies uw functie'),
    },
    validateInputOnBlur: true,
  });
  const focusFirst = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first) form.getInputNode(first)?.focus();
  };

  const submit = useMutation({
    mutationFn: (values: Values) =>
      publiek.aanmelden(publicId, {
        naam: values.naam.trim(),
        email: values.email.trim(),
        schoolId: values.school === GEEN_SCHOOL ? null : values.school,
        // Checked before submitting.
        functie: values.functie as Functie,
      }),
    onSuccess: () => {
      window.scrollTo({ top: 0 });
      onDone(meeting);
    },
    onError: (error) => {
      const mapped = registrationSubmitError(error);
      const fields = { ...mapped.fields };
      // The API names the school `schoolId`; the form field is `school`.
      if (fields.schoolId) {
        fields.school = fields.schoolId;
        delete fields.schoolId;
      }
      form.setErrors(fields);
      setGeneral(mapped.general);
      if (!mapped.general) focusFirst(fields);
    },
  });

  const schoolOptions = [
    ...(scholen.data ?? []).map((s) => ({ value: s.id, label: `${s.naam} (${s.brin})` })),
    { value: GEEN_SCHOOL, label: GEEN_SCHOOL_LABEL },
  ];

  return (
    <PublicFrame swv={meeting}>
      <Stack gap="lg">
        <Stack gap="sm">
          <Text size="sm" fw={700} c="koers.8" tt="uppercase" mb={-8}>
            {BIJEENKOMST_SOORT_LABELS[meeting.soort]}
          </Text>
          <PublicTitle>{meeting.titel}</PublicTitle>
          <MeetingFacts meeting={meeting} />
          {meeting.omschrijving && (
            <Text style={{ whiteSpace: 'pre-line' }} size="sm">
              {meeting.omschrijving}
            </Text>
          )}
          {meeting.aanmeldenTot && (
            <Text size="sm" c="dimmed">
              Aanmelden kan tot {formatMeetingTime(meeting.aanmeldenTot, null)}.
            </Text>
          )}
        </Stack>

        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="aanmelden-kop">
          <form
            noValidate
            onSubmit={form.onSubmit(
              (values) => {
                setGeneral(null);
                submit.mutate(values);
              },
              (errors) => focusFirst(errors),
            )}
          >
            <Stack gap="md">
              <Title order={2} size="h3" id="aanmelden-kop">
                {meeting.vol ? 'Aanmelden voor de wachtlijst' : 'Aanmelden'}
              </Title>
              <TextInput
                label="Naam"
                autoComplete="name"
                withAsterisk
                {...form.getInputProps('naam')}
                key={form.key('naam')}
              />
              <TextInput
                label="E-mailadres"
                type="email"
                inputMode="email"
                autoComplete="email"
                withAsterisk
                {...form.getInputProps('email')}
                key={form.key('email')}
              />
              <Select
                label="School"
                description={
                  scholen.isError
                    ? 'De scholen konden niet worden geladen; kies "Mijn school staat er niet bij".'
                    : 'Typ een deel van de naam om te zoeken.'
                }
                placeholder={scholen.isPending ? 'Scholen laden…' : 'Kies uw school'}
                searchable
                withAsterisk
                data={schoolOptions}
                filter={schoolFilter}
                nothingFoundMessage="Geen school gevonden"
                maxDropdownHeight={280}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('school')}
                key={form.key('school')}
              />
              <Select
                label="Functie"
                placeholder="Kies uw functie"
                withAsterisk
                data={options(FUNCTIE_LABELS)}
                allowDeselect={false}
                {...form.getInputProps('functie')}
                key={form.key('functie')}
              />
              {general && <PublicErrorAlert error={general} />}
              <Button type="submit" loading={submit.isPending} size="md" fullWidth>
                {meeting.vol ? 'Aanmelden voor de wachtlijst' : 'Aanmelden'}
              </Button>
              <Text size="xs" c="dimmed">
                Uw gegevens worden alleen gebruikt voor deze bijeenkomst: de presentielijst en de telling van de opkomst
                door {meeting.samenwerkingsverband}.
              </Text>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </PublicFrame>
  );
}

function Confirmation({ meeting, publicId }: { meeting: PubliekeBijeenkomst; publicId: string }) {
  return (
    <PublicFrame swv={meeting}>
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
          <Stack gap="sm">
            <PublicTitle focus>Uw aanmelding is ontvangen</PublicTitle>
            <Text>
              {meeting.vol
                ? 'De bijeenkomst was vol: u komt op de wachtlijst. Komt er een plaats vrij, dan schuift u vanzelf door.'
                : `Tot ziens bij ${meeting.titel}!`}
            </Text>
            <Alert color="koers" variant="light" icon={<IconMailCheck aria-hidden />} title="Kijk in uw mail" p="sm">
              <Text size="sm">
                U krijgt een bevestiging per e-mail, met de bijeenkomst als agenda-afspraak en een link om u af te
                melden. Geen mail binnen een kwartier? Kijk dan ook bij de ongewenste mail (spam).
              </Text>
            </Alert>
            <Text size="sm" c="dimmed">
              Had u zich met dit e-mailadres al eerder aangemeld? Dan blijft die aanmelding gewoon staan.
            </Text>
            <Title order={2} size="h4" mt="xs">
              {meeting.titel}
            </Title>
            <MeetingFacts meeting={meeting} showPlaces={false} />
            <Button
              component="a"
              href={agendaUrl(publicId)}
              download
              variant="light"
              leftSection={<IconCalendarPlus size={18} aria-hidden />}
              w={{ base: '100%', sm: 'auto' }}
            >
              Zet in mijn agenda
            </Button>
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="afmelden-kop">
          <Stack gap="sm">
            <Title order={2} size="h4" id="afmelden-kop">
              Toch niet komen?
            </Title>
            <Text size="sm">
              Meld u af met de link in de bevestigingsmail, dan gaat uw plaats naar iemand anders. Geen mail ontvangen?
              Laat het {meeting.samenwerkingsverband} weten, dan meldt het u af.
            </Text>
          </Stack>
        </Paper>
      </Stack>
    </PublicFrame>
  );
}
