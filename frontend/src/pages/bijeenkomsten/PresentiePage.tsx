import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconClockHour4, IconSearch, IconUserX, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { aanmeldingen, fetchAll } from '../../api/resources';
import type { Aanmelding, Bijeenkomst } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canReadAanmeldingen } from '../../auth/roles';
import { ConfirmButton } from '../../components/ConfirmButton';
import { BackLink } from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { invalidateLists } from '../../components/recordForm';
import { ErrorState, LoadingState, NoAccess } from '../../components/states';
import { formatStart, metAanwezig, naamPast, presentieTelling } from '../../lib/bijeenkomsten';
import { formatMeetingTime } from '../../lib/meetingTime';
import { useBijeenkomst } from './hooks';

export default function PresentiePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const query = useBijeenkomst(id);
  if (!canReadAanmeldingen(me)) return <NoAccess />;
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <BackLink to="/bijeenkomsten">Alle bijeenkomsten</BackLink>
        <PageHeader title="Presentielijst" />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  return <Presentie bijeenkomst={query.data.data} />;
}

const MUTATION_KEY = ['presentie'];

/** Attendance opens this long before the start (the API's rule). */
const AANWEZIG_VOORAF_MINUTEN = 30;

function Presentie({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const queryClient = useQueryClient();
  const [zoek, setZoek] = useState('');
  const zoekRef = useRef<HTMLInputElement>(null);
  // The screen opens by itself half an hour before the start (people arrive early), without a
  // reload; the API records attendance from then on.
  const [nu, setNu] = useState(() => Date.now());
  const klok = useInterval(() => setNu(Date.now()), 15_000);
  useEffect(() => {
    klok.start();
    return klok.stop;
  }, [klok]);
  const open = nu >= Date.parse(b.start) - AANWEZIG_VOORAF_MINUTEN * 60_000;

  const key = [...aanmeldingen.queryKey(b.id), 'presentie'];
  const lijst = useQuery({
    queryKey: key,
    queryFn: () => fetchAll(aanmeldingen.source(b.id), { status: 'aangemeld', sort: 'naam' }),
  });
  const bezig = useIsMutating({ mutationKey: MUTATION_KEY });

  const zet = useMutation({
    mutationKey: MUTATION_KEY,
    // No If-Match: at the door the last tap wins, also when a second tablet tapped the same name.
    mutationFn: ({ a, aanwezig }: { a: Aanmelding; aanwezig: boolean }) =>
      aanmeldingen.patch(b.id, a.id, { aanwezig }, null),
    onMutate: async ({ a, aanwezig }) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<Aanmelding[]>(key, (old) => (old ? metAanwezig(old, a.id, aanwezig) : old));
      return { vorige: a.aanwezig ?? null };
    },
    onError: (error, { a }, context) => {
      // Only this name goes back: other taps made meanwhile stay.
      queryClient.setQueryData<Aanmelding[]>(key, (old) =>
        old ? metAanwezig(old, a.id, context?.vorige ?? null) : old,
      );
      notifications.show({ color: 'red', title: `${a.naam}: niet opgeslagen`, message: errorMessage(error) });
    },
    onSettled: async () => {
      // Read the server's list once the last tap of a burst is answered, not after each one.
      if (queryClient.isMutating({ mutationKey: MUTATION_KEY }) === 1) {
        await invalidateLists(queryClient, '/bijeenkomsten');
      }
    },
  });

  const items = lijst.data ?? [];
  const telling = presentieTelling(items);
  const gevonden = items.filter((a) => naamPast(a.naam, zoek));

  const header = (
    <>
      <BackLink to={`/bijeenkomsten/${b.id}`}>Naar de bijeenkomst</BackLink>
      <PageHeader
        title="Presentielijst"
        pageTitle={`Presentielijst: ${b.titel}`}
        description={`${b.titel} · ${formatMeetingTime(b.start, b.eind)}`}
      />
    </>
  );

  if (b.status === 'geannuleerd') {
    return (
      <>
        {header}
        <Alert color="red" title="Geannuleerd">
          Deze bijeenkomst is geannuleerd; er is geen presentie te registreren.
        </Alert>
      </>
    );
  }
  if (!open) {
    return (
      <>
        {header}
        <Alert color="koers" icon={<IconClockHour4 aria-hidden />} title="Nog niet begonnen" role="status">
          <Text size="sm">
            Aanwezigheid kunt u registreren vanaf een half uur voor de start ({formatStart(b.start)}). Dit scherm gaat
            dan vanzelf open.
            {lijst.data ? ` Er zijn ${lijst.data.length} deelnemers aangemeld.` : ''}
          </Text>
        </Alert>
      </>
    );
  }
  if (lijst.isPending)
    return (
      <>
        {header}
        <LoadingState label="Deelnemers laden…" />
      </>
    );
  if (lijst.isError)
    return (
      <>
        {header}
        <ErrorState error={lijst.error} onRetry={() => void lijst.refetch()} />
      </>
    );

  const markeer = (a: Aanmelding) => zet.mutate({ a, aanwezig: a.aanwezig !== true });

  return (
    <>
      {header}
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md" className="presentie-balk">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <TextInput
              ref={zoekRef}
              label="Zoek op naam"
              type="search"
              size="lg"
              value={zoek}
              onChange={(e) => setZoek(e.currentTarget.value)}
              onKeyDown={(e) => {
                // Enter with one name left marks it present: type, Enter, next person.
                const enige = gevonden[0];
                if (e.key === 'Enter' && gevonden.length === 1 && enige) {
                  e.preventDefault();
                  if (enige.aanwezig !== true) zet.mutate({ a: enige, aanwezig: true });
                  setZoek('');
                }
              }}
              leftSection={<IconSearch size={18} aria-hidden />}
              rightSection={
                zoek ? (
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label="Zoekveld leegmaken"
                    onClick={() => {
                      setZoek('');
                      zoekRef.current?.focus();
                    }}
                  >
                    <IconX size={16} aria-hidden />
                  </Button>
                ) : undefined
              }
              autoComplete="off"
              style={{ flex: '1 1 280px', maxWidth: 480 }}
            />
            <Group gap="md" align="center">
              <Text size="xl" fw={700} className="tabular" role="status" aria-live="polite" aria-atomic>
                {telling.aanwezig} van {telling.totaal} aanwezig
              </Text>
              {telling.open.length > 0 && (
                <ConfirmButton
                  label="Overige als afwezig markeren"
                  title="Overige als afwezig markeren"
                  confirmLabel={`${telling.open.length} als afwezig markeren`}
                  buttonProps={{ variant: 'default', size: 'md', disabled: bezig > 0 }}
                  leftSection={<IconUserX size={18} aria-hidden />}
                  onConfirm={async () => {
                    await aanmeldingen.aanwezigheid(b.id, telling.open, false);
                    notifications.show({
                      color: 'green',
                      message: `${telling.open.length} deelnemers als afwezig gemarkeerd.`,
                    });
                    await invalidateLists(queryClient, '/bijeenkomsten');
                  }}
                >
                  {telling.open.length === 1
                    ? 'Eén deelnemer is nog niet als aanwezig geregistreerd.'
                    : `${telling.open.length} deelnemers zijn nog niet als aanwezig geregistreerd.`}{' '}
                  Markeer hen als afwezig (no-show)? U kunt iemand daarna nog als aanwezig aantikken.
                </ConfirmButton>
              )}
            </Group>
          </Group>
        </Paper>
        {items.length === 0 ? (
          <Alert color="gray" title="Niemand aangemeld">
            Er zijn (nog) geen deelnemers met de status aangemeld. Voeg ze toe op de pagina van de bijeenkomst.
          </Alert>
        ) : gevonden.length === 0 ? (
          <Text c="dimmed" role="status">
            Niemand gevonden met "{zoek}". Controleer de spelling, of meld de deelnemer aan op de pagina van de
            bijeenkomst.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm" component="ul" className="presentie-lijst">
            {gevonden.map((a) => (
              <li key={a.id}>
                <Button
                  fullWidth
                  h="auto"
                  size="lg"
                  className="presentie-knop"
                  variant={a.aanwezig === true ? 'filled' : 'default'}
                  color={a.aanwezig === true ? 'green.9' : undefined}
                  aria-pressed={a.aanwezig === true}
                  aria-label={a.naam}
                  onClick={() => markeer(a)}
                  leftSection={
                    a.aanwezig === true ? (
                      <IconCheck size={24} aria-hidden />
                    ) : (
                      <span className="presentie-leeg" aria-hidden>
                        {a.aanwezig === false && <IconX size={18} />}
                      </span>
                    )
                  }
                >
                  <Text component="span" display="block" fw={600} size="lg" lh={1.3}>
                    {a.naam}
                  </Text>
                  <Text component="span" display="block" size="sm" fw={400} lh={1.3}>
                    {[a.aanwezig === true ? 'Aanwezig' : a.aanwezig === false ? 'Afwezig' : null, a.schoolNaam]
                      .filter(Boolean)
                      .join(' · ') || '\u00a0'}
                  </Text>
                </Button>
              </li>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
