import { Alert, Button, Group, Paper, Portal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure, useInterval } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconArrowsMaximize,
  IconArrowsMinimize,
  IconCheck,
  IconClockHour4,
  IconSearch,
  IconUserPlus,
  IconUserX,
  IconX,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { aanmeldingen, fetchAll } from '../../api/resources';
import type { Aanmelding, Bijeenkomst } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canReadAanmeldingen, canWriteAanmeldingen } from '../../auth/roles';
import { ConfirmButton } from '../../components/ConfirmButton';
import { BackLink } from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { invalidateLists } from '../../components/recordForm';
import { ErrorState, LoadingState, NoAccess } from '../../components/states';
import { formatStart, metAanwezig, naamPast, presentieTelling } from '../../lib/bijeenkomsten';
import { lijstPollen } from '../../lib/deur';
import { formatMeetingTime } from '../../lib/meetingTime';
import { BinnenloperModal } from './BinnenloperModal';
import { useBijeenkomst } from './hooks';
import { IncheckQr } from './IncheckQr';

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
  const schrijven = canWriteAanmeldingen(useMe());
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
  const afgelopen = nu > Date.parse(b.eind);
  const {
    aan: volledig,
    open: openVolledig,
    sluit: sluitVolledig,
    knopRef: volledigRef,
    schermRef,
  } = useVolledigScherm(zoekRef);
  const [binnenloper, binnenloperModal] = useDisclosure(false);

  const key = [...aanmeldingen.queryKey(b.id), 'presentie'];
  const bezig = useIsMutating({ mutationKey: MUTATION_KEY });
  const lijst = useQuery({
    queryKey: key,
    queryFn: () => fetchAll(aanmeldingen.source(b.id), { status: 'aangemeld', sort: 'naam' }),
    // Self check-ins, walk-ins and other tablets show up without a reload.
    refetchInterval: lijstPollen(open && b.status !== 'geannuleerd', bezig),
    refetchIntervalInBackground: true,
  });

  const zet = useMutation({
    mutationKey: MUTATION_KEY,
    // No If-Match: at the door the last tap wins, also when a second tablet tapped the same name.
    mutationFn: ({ a, aanwezig }: { a: Pick<Aanmelding, 'id' | 'naam' | 'aanwezig'>; aanwezig: boolean }) =>
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
  const tijd = formatMeetingTime(b.start, b.eind);

  const header = (actions?: ReactNode) => (
    <>
      <BackLink to={`/bijeenkomsten/${b.id}`}>Naar de bijeenkomst</BackLink>
      <PageHeader
        title="Presentielijst"
        pageTitle={`Presentielijst: ${b.titel}`}
        description={`${b.titel} · ${tijd}`}
        actions={actions}
      />
    </>
  );

  if (b.status === 'geannuleerd') {
    return (
      <>
        {header()}
        <Alert color="red" title="Geannuleerd">
          Deze bijeenkomst is geannuleerd; er is geen presentie te registreren.
        </Alert>
      </>
    );
  }
  if (!open) {
    return (
      <>
        {header()}
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
        {header()}
        <LoadingState label="Deelnemers laden…" />
      </>
    );
  if (lijst.isError)
    return (
      <>
        {header()}
        <ErrorState error={lijst.error} onRetry={() => void lijst.refetch()} />
      </>
    );

  const markeer = (a: Aanmelding) => zet.mutate({ a, aanwezig: a.aanwezig !== true });

  const balk = (
    <Paper withBorder p="sm" radius="md" className="presentie-balk">
      <div className="deur-balk">
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
                size="compact-md"
                aria-label="Zoekveld leegmaken"
                onClick={() => {
                  setZoek('');
                  zoekRef.current?.focus();
                }}
              >
                <IconX size={18} aria-hidden />
              </Button>
            ) : undefined
          }
          autoComplete="off"
          className="deur-zoek"
        />
        <div className="deur-telling" role="status" aria-live="polite" aria-atomic>
          <Text size="xl" fw={700} className="tabular" lh={1.2}>
            {telling.aanwezig} van {telling.totaal} aanwezig
          </Text>
          <Text size="sm" c="dimmed" className="tabular">
            {telling.totaal === 1 ? '1 aangemeld' : `${telling.totaal} aangemeld`}
            {telling.open.length > 0 ? ` · ${telling.open.length} nog niet binnen` : ''}
          </Text>
        </div>
        <Group gap="sm" className="deur-acties">
          {schrijven && (
            <Button
              size="lg"
              leftSection={<IconUserPlus size={20} aria-hidden />}
              onClick={binnenloperModal.open}
              className="deur-knop"
            >
              Binnenloper toevoegen
            </Button>
          )}
          {telling.open.length > 0 && (
            <ConfirmButton
              label="Overige als afwezig markeren"
              title="Overige als afwezig markeren"
              confirmLabel={`${telling.open.length} als afwezig markeren`}
              buttonProps={{ variant: 'default', size: 'lg', disabled: bezig > 0, className: 'deur-knop' }}
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
      </div>
    </Paper>
  );

  const namen =
    items.length === 0 ? (
      <Alert color="gray" title="Niemand aangemeld">
        Er zijn (nog) geen deelnemers met de status aangemeld.{' '}
        {schrijven ? 'Voeg wie binnenloopt toe met "Binnenloper toevoegen".' : ''}
      </Alert>
    ) : gevonden.length === 0 ? (
      <Stack gap="sm" align="flex-start" role="status">
        <Text c="dimmed">Niemand gevonden met "{zoek}". Controleer de spelling.</Text>
        {schrijven && (
          <Button
            variant="light"
            size="md"
            leftSection={<IconUserPlus size={18} aria-hidden />}
            onClick={binnenloperModal.open}
          >
            Toevoegen als binnenloper
          </Button>
        )}
      </Stack>
    ) : (
      <ul className="presentie-lijst deur-namen">
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
                {[
                  a.aanwezig === true ? 'Aanwezig' : a.aanwezig === false ? 'Afwezig' : null,
                  a.bron === 'inloop' ? 'Binnengelopen' : null,
                  a.schoolNaam,
                ]
                  .filter(Boolean)
                  .join(' · ') || '\u00a0'}
              </Text>
            </Button>
          </li>
        ))}
      </ul>
    );

  const inhoud = (
    <div className="deur" data-volledig={volledig || undefined}>
      <Stack gap="md">
        {balk}
        <div className="deur-grid" data-met-qr={schrijven || undefined}>
          <div className="deur-lijst">{namen}</div>
          {schrijven && <IncheckQr bijeenkomstId={b.id} afgelopen={afgelopen} />}
        </div>
      </Stack>
    </div>
  );

  const modal = schrijven && (
    <BinnenloperModal
      bijeenkomstId={b.id}
      opened={binnenloper}
      onClose={() => {
        binnenloperModal.close();
        setZoek('');
      }}
      onAanwezig={(id, naam) => {
        const a = items.find((i) => i.id === id);
        zet.mutate({ a: a ?? { id, naam, aanwezig: null }, aanwezig: true });
      }}
    />
  );

  const volledigKnop = (
    <Button
      ref={volledigRef}
      variant="default"
      size="md"
      leftSection={<IconArrowsMaximize size={18} aria-hidden />}
      onClick={openVolledig}
    >
      Volledig scherm
    </Button>
  );

  return (
    <>
      {header(volledigKnop)}
      {volledig ? (
        <Portal>
          <div ref={schermRef} className="deur-volledig" role="dialog" aria-modal="true" aria-labelledby="deur-titel">
            <div className="deur-kop">
              <div className="deur-kop-tekst">
                <Title order={2} size="h3" id="deur-titel" lh={1.25}>
                  Presentielijst · {b.titel}
                </Title>
                <Text size="sm" c="dimmed">
                  {tijd}
                  {b.locatie ? ` · ${b.locatie}` : ''}
                </Text>
              </div>
              <Button
                variant="default"
                size="md"
                leftSection={<IconArrowsMinimize size={18} aria-hidden />}
                onClick={sluitVolledig}
              >
                Volledig scherm sluiten
              </Button>
            </div>
            {inhoud}
          </div>
        </Portal>
      ) : (
        inhoud
      )}

      {modal}
    </>
  );
}

/**
 * The full-screen mode of the door: the list covers the page (no menu, no header) and, where the
 * browser allows, the screen, which then stays on. Leaving the browser's full screen (Esc) leaves the mode too; the
 * search field gets the focus on entering, the button that opened it on leaving.
 */
function useVolledigScherm(zoekRef: RefObject<HTMLInputElement | null>) {
  const [aan, setAan] = useState(false);
  const knopRef = useRef<HTMLButtonElement>(null);
  const viaBrowser = useRef(false);
  const geweest = useRef(false);

  const open = useCallback(() => {
    setAan(true);
    const el = document.documentElement;
    if (document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      el.requestFullscreen({ navigationUI: 'hide' }).then(
        () => {
          viaBrowser.current = true;
        },
        () => {
          // Refused (no gesture, a kiosk browser): the page-filling mode still works.
        },
      );
    }
  }, []);

  const sluit = useCallback(() => {
    viaBrowser.current = false;
    setAan(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!aan) return;
    const wissel = () => {
      if (!document.fullscreenElement && viaBrowser.current) {
        viaBrowser.current = false;
        setAan(false);
      }
    };
    document.addEventListener('fullscreenchange', wissel);
    // What lies under the overlay cannot be reached by keyboard or screen reader meanwhile.
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    return () => {
      document.removeEventListener('fullscreenchange', wissel);
      root?.removeAttribute('inert');
    };
  }, [aan]);

  // A tablet at the door keeps its screen on while the list is in full screen (where it can).
  useEffect(() => {
    if (!aan || !('wakeLock' in navigator)) return;
    let slot: WakeLockSentinel | null = null;
    let weg = false;
    const vraag = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (s) => {
          if (weg) void s.release();
          else slot = s;
        },
        () => undefined,
      );
    };
    vraag();
    // The browser lets go of it when the tab is hidden; ask again on return.
    document.addEventListener('visibilitychange', vraag);
    return () => {
      weg = true;
      document.removeEventListener('visibilitychange', vraag);
      void slot?.release();
    };
  }, [aan]);

  useEffect(() => {
    if (aan) geweest.current = true;
    else if (geweest.current) knopRef.current?.focus();
  }, [aan]);

  // The overlay mounts a render later (in its portal): it focuses the search field once there.
  const schermRef = useCallback(
    (el: HTMLDivElement | null) => {
      if (el) zoekRef.current?.focus();
    },
    [zoekRef],
  );

  // Leaving the page (the back link, a sign-out) leaves the browser's full screen too.
  useEffect(
    () => () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    },
    [],
  );

  return { aan, open, sluit, knopRef, schermRef };
}
