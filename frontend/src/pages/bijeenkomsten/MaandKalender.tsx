import { ActionIcon, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { bijeenkomsten } from '../../api/resources';
import type { Bijeenkomst } from '../../api/types';
import { NewButton } from '../../components/LinkButton';
import { ErrorState } from '../../components/states';
import {
  localParts,
  maandenVanSchooljaar,
  maandRaster,
  perDag,
  vandaagNl,
  verschuifMaand,
} from '../../lib/bijeenkomsten';
import { BIJEENKOMST_SOORT_LABELS, BIJEENKOMST_STATUS_LABELS, options, VORM_LABELS } from '../../lib/labels';
import { schooljaarOf } from '../../lib/planning';
import { toonStatus } from '../../lib/tijd';

const WEEKDAGEN = [
  ['ma', 'maandag'],
  ['di', 'dinsdag'],
  ['wo', 'woensdag'],
  ['do', 'donderdag'],
  ['vr', 'vrijdag'],
  ['za', 'zaterdag'],
  ['zo', 'zondag'],
] as const;

const MAAND = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month to show: from the URL, or this month, or (for another school year) its September. */
function startMaand(params: URLSearchParams, today: Date): string {
  const chosen = params.get('maand');
  if (chosen && MAAND.test(chosen)) return chosen;
  const now = vandaagNl(today).slice(0, 7);
  const schooljaar = params.get('schooljaar');
  if (schooljaar && !maandenVanSchooljaar(schooljaar).includes(now)) return `${schooljaar.slice(0, 4)}-09`;
  return now;
}

/**
 * A month of meetings as a table of weeks: a real table, so screen readers announce the day
 * and weekday of each cell, and every meeting is a link reachable with Tab.
 */
export function MaandKalender({ writable }: { writable: boolean }) {
  const [params, setParams] = useSearchParams();
  const maand = startMaand(params, new Date());
  const weken = maandRaster(maand);
  const vanaf = weken[0]?.[0]?.datum ?? `${maand}-01`;
  const tot = weken.at(-1)?.[6]?.datum ?? `${maand}-28`;
  const filters = {
    soort: params.get('soort') ?? undefined,
    status: params.get('status') ?? undefined,
    vorm: params.get('vorm') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const query = useQuery({
    queryKey: ['/bijeenkomsten', 'kalender', vanaf, tot, filters],
    queryFn: () =>
      bijeenkomsten.list({
        vanaf,
        tot,
        sort: 'start',
        pageSize: 200,
        ...(filters as Record<string, string>),
      }),
    placeholderData: keepPreviousData,
  });
  const dagen = perDag(query.data?.items ?? []);
  const vandaag = vandaagNl();
  // Seven columns do not fit a phone: there the month is a list of the days with meetings.
  const smal = useMediaQuery('(max-width: 36em)');
  const titel = dayjs(`${maand}-01`).format('MMMM YYYY');

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const naar = (nieuw: string) => {
    // The school year filter of the list follows the month, so switching back shows the same year.
    const schooljaar = params.get('schooljaar');
    set({
      maand: nieuw,
      schooljaar: schooljaar ? schooljaarOf(dayjs(`${nieuw}-01`).toDate()) : null,
    });
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="wrap" align="center">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Vorige maand"
              onClick={() => naar(verschuifMaand(maand, -1))}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Title order={2} size="h3" miw={{ base: 150, xs: 180 }} ta="center" tt="capitalize" aria-live="polite">
              {titel}
            </Title>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Volgende maand"
              onClick={() => naar(verschuifMaand(maand, 1))}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
            <Button variant="subtle" size="sm" onClick={() => naar(vandaagNl().slice(0, 7))}>
              Deze maand
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" style={{ flex: '0 1 560px' }}>
            {(
              [
                ['soort', 'Soort', options(BIJEENKOMST_SOORT_LABELS)],
                ['status', 'Status', options(BIJEENKOMST_STATUS_LABELS)],
                ['vorm', 'Vorm', options(VORM_LABELS)],
              ] as const
            ).map(([key, label, data]) => (
              <Select
                key={key}
                label={label}
                placeholder="Alle"
                data={data}
                value={params.get(key)}
                onChange={(value) => set({ [key]: value })}
                clearable
                size="sm"
              />
            ))}
          </SimpleGrid>
        </Group>
      </Paper>

      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : smal ? (
        <MaandAgenda titel={titel} maand={maand} dagen={dagen} vandaag={vandaag} vaag={query.isPlaceholderData} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720} type="native">
            <Table
              className="maand-kalender"
              withColumnBorders
              aria-busy={query.isFetching}
              style={{ tableLayout: 'fixed', opacity: query.isPlaceholderData ? 0.6 : 1 }}
            >
              <caption className="visually-hidden">Bijeenkomsten in {titel}</caption>
              <Table.Thead>
                <Table.Tr>
                  {WEEKDAGEN.map(([kort, lang]) => (
                    <Table.Th key={kort} scope="col" ta="center">
                      <abbr title={lang} style={{ textDecoration: 'none' }}>
                        {kort}
                      </abbr>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {weken.map((week) => (
                  <Table.Tr key={week[0]?.datum}>
                    {week.map((dag) => (
                      <DagCel
                        key={dag.datum}
                        datum={dag.datum}
                        dag={dag.dag}
                        inMaand={dag.inMaand}
                        vandaag={dag.datum === vandaag}
                        items={dagen.get(dag.datum) ?? []}
                      />
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {query.data && query.data.total === 0 && (
        <Text size="sm" c="dimmed" role="status">
          Geen bijeenkomsten in {titel}
          {filters.soort || filters.status || filters.vorm || filters.q ? ' met deze filters' : ''}. Kies een andere
          maand met de pijlen
          {writable ? ', of plan een bijeenkomst met "Nieuwe bijeenkomst".' : '.'}
        </Text>
      )}
      {query.data && query.data.total > query.data.items.length && (
        <Text size="sm" c="dimmed">
          Alleen de eerste {query.data.items.length} bijeenkomsten van deze maand worden getoond; gebruik de lijst om
          alles te zien.
        </Text>
      )}
      {writable && query.data?.total === 0 && (
        <Group>
          <NewButton to="/bijeenkomsten/nieuw" variant="outline">
            Nieuwe bijeenkomst
          </NewButton>
        </Group>
      )}
    </Stack>
  );
}

function DagCel({
  datum,
  dag,
  inMaand,
  vandaag,
  items,
}: {
  datum: string;
  dag: number;
  inMaand: boolean;
  vandaag: boolean;
  items: Bijeenkomst[];
}) {
  return (
    <Table.Td
      className={['kalender-dag', inMaand ? '' : 'kalender-buiten', vandaag ? 'kalender-vandaag' : ''].join(' ').trim()}
      aria-current={vandaag ? 'date' : undefined}
    >
      <Text size="sm" fw={vandaag ? 700 : 500} c={inMaand ? undefined : 'dimmed'} className="kalender-nummer">
        <span aria-hidden>{dag}</span>
        <span className="visually-hidden">{dayjs(datum).format('dddd D MMMM')}</span>
      </Text>
      {items.length > 0 && <KalenderItems items={items} gap={4} size="xs" />}
    </Table.Td>
  );
}

/** The month on a phone: each day with meetings under its own heading, in order. */
function MaandAgenda({
  titel,
  maand,
  dagen,
  vandaag,
  vaag,
}: {
  titel: string;
  maand: string;
  dagen: Map<string, Bijeenkomst[]>;
  vandaag: string;
  vaag: boolean;
}) {
  const inMaand = [...dagen.entries()].filter(([datum]) => datum.startsWith(maand));
  if (inMaand.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-label={`Bijeenkomsten in ${titel}`} style={{ opacity: vaag ? 0.6 : 1 }}>
      {inMaand.map(([datum, items]) => (
        <Paper
          key={datum}
          withBorder
          radius="md"
          p="sm"
          style={datum === vandaag ? { borderColor: 'var(--mantine-color-koers-7)', borderWidth: 2 } : undefined}
          aria-current={datum === vandaag ? 'date' : undefined}
        >
          <Title order={3} size="h5" mb={6} style={{ textTransform: 'none' }}>
            {dayjs(datum)
              .format('dddd D MMMM')
              .replace(/^./, (c) => c.toUpperCase())}
            {datum === vandaag ? ' (vandaag)' : ''}
          </Title>
          <KalenderItems items={items} gap={6} size="sm" />
        </Paper>
      ))}
    </Stack>
  );
}

/** The meetings of one day, each a link coloured by its status. */
function KalenderItems({ items, gap, size }: { items: Bijeenkomst[]; gap: number; size: 'xs' | 'sm' }) {
  return (
    <Stack gap={gap} component="ul" className="kalender-lijst">
      {items.map((b) => (
        <li key={b.id}>
          <Anchor
            component={Link}
            to={`/bijeenkomsten/${b.id}`}
            size={size}
            className={`kalender-item kalender-${toonStatus(b, new Date())}`}
          >
            <span className="tabular">{localParts(b.start).tijd}</span> {b.titel}
            {kalenderToevoeging(b)}
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}

/** What a meeting in the calendar adds to its title: cancelled, or over without attendance. */
function kalenderToevoeging(b: Parameters<typeof toonStatus>[0]): string {
  const status = toonStatus(b, new Date());
  if (status === 'geannuleerd') return ' (geannuleerd)';
  if (status === 'afgelopen') return ' (afgelopen — aanwezigheid invullen)';
  return '';
}
