import { Alert, Anchor, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowBackUp, IconLock } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { thuiszitters } from '../../api/resources';
import type { Peildatum, ThuiszitterTelling } from '../../api/types';
import { useCanWrite, useMe } from '../../auth/authContext';
import { FigureExport, Section, Stat, Totalen } from '../../components/Cijfers';
import { ConfirmButton } from '../../components/ConfirmButton';
import { SideBySide } from '../../components/Grafieken';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { LoadingState, QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { schooljaarVan } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { DUUR_KORT, LEERPLICHT_KORT, SCENARIO_KORT } from '../../lib/labels';
import {
  dreigendTotaal,
  gecorrigeerdeGemeenten,
  LEERPLICHT_CATEGORIEEN,
  peildataVanSchooljaar,
  SCENARIOS,
  tellingRijen,
  vorigePeildatum,
} from '../../lib/thuiszitters';
import { usePeildata } from '../lookups';
import { TellingTabel, type TelKolom } from './Telling';
import { DateField } from '../../components/DateField';

const STALE = 30_000;

const CATEGORIE_KOLOMMEN: TelKolom[] = [
  ...LEERPLICHT_CATEGORIEEN.map((c) => ({ veld: `perCategorie.${c}` as const, label: LEERPLICHT_KORT[c] })),
  { veld: 'totaal', label: 'Totaal', som: true },
];
const SCENARIO_KOLOMMEN: TelKolom[] = [
  ...SCENARIOS.map((s) => ({ veld: `dreigend.${s}` as const, label: SCENARIO_KORT[s] })),
  { veld: dreigendTotaal, label: 'Totaal', som: true },
];
const DUUR_KOLOMMEN: TelKolom[] = (Object.keys(DUUR_KORT) as (keyof typeof DUUR_KORT)[]).map((d) => ({
  veld: `duur.${d}` as const,
  label: DUUR_KORT[d],
}));

/** `/thuiszitters/peildata?datum=`: the count on a day, frozen or not, and freezing it for the Inspectie. */
export default function PeildataPage() {
  const peildata = usePeildata();
  const [params, setParams] = useSearchParams();
  const vandaag = vandaagNl();
  const standaard = peildata ? (vorigePeildatum(peildata, vandaag) ?? vandaag) : null;
  const datum = params.get('datum') ?? standaard;
  const kies = (d: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (d && d !== standaard) next.set('datum', d);
        else next.delete('datum');
        return next;
      },
      { replace: true },
    );
  };

  return (
    <>
      <PageHeader
        title="Peildata"
        description="De telling van thuiszitters op een dag, per gemeente. Stel de telling van een peildatum vast: dat is wat de Inspectie krijgt en wat de cijfers gebruiken, ook als er later nog iets wordt gecorrigeerd."
      />
      {datum === null ? (
        <LoadingState />
      ) : (
        <Peildag datum={datum} vandaag={vandaag} peildata={peildata ?? []} onDatum={kies} />
      )}
    </>
  );
}

function Peildag({
  datum,
  vandaag,
  peildata,
  onDatum,
}: {
  datum: string;
  vandaag: string;
  peildata: string[];
  onDatum: (datum: string) => void;
}) {
  const schooljaar = schooljaarVan(datum) ?? '';
  const telling = useQuery({
    queryKey: [thuiszitters.path, 'telling', datum],
    queryFn: () => thuiszitters.telling(datum),
    staleTime: STALE,
  });
  const vastgesteld = useQuery({
    queryKey: [thuiszitters.path, 'peildata', schooljaar],
    queryFn: () => thuiszitters.peildata(schooljaar),
    staleTime: STALE,
    enabled: schooljaar !== '',
  });
  const bevroren = vastgesteld.data?.find((p) => p.datum === datum) ?? null;

  return (
    <>
      <Paper withBorder p="sm" radius="md" mb="lg">
        <Group align="flex-end" justify="space-between" gap="md" wrap="wrap">
          <DateField label="Peildatum" value={datum} onChange={(v) => v && onDatum(v)} w={180} />
          <Group gap="xs" align="center">
            <Text size="sm" c="dimmed">
              Opgave aan de Inspectie:
            </Text>
            <FigureExport
              path="/thuiszitters/telling"
              query={{ datum }}
              name={`inspectie-thuiszitters-${datum}`}
              label={`de opgave aan de Inspectie van ${formatDate(datum)}`}
            />
          </Group>
        </Group>
      </Paper>
      <Stack gap="xl">
        <QueryState query={telling} loadingLabel="Telling laden…">
          {(nu) => <Telling nu={nu} bevroren={bevroren} vandaag={vandaag} bezig={vastgesteld.isPending} />}
        </QueryState>
        <Section id="vastgesteld" title={`Peildata ${schooljaar}`}>
          <QueryState query={vastgesteld} loadingLabel="Peildata laden…">
            {(lijst) => (
              <Peildatalijst
                lijst={lijst}
                geplande={peildataVanSchooljaar(peildata, schooljaar)}
                gekozen={datum}
                vandaag={vandaag}
                onDatum={onDatum}
              />
            )}
          </QueryState>
        </Section>
      </Stack>
    </>
  );
}

function Telling({
  nu,
  bevroren,
  vandaag,
  bezig,
}: {
  nu: ThuiszitterTelling;
  bevroren: Peildatum | null;
  vandaag: string;
  bezig: boolean;
}) {
  const frozen = bevroren?.telling ?? null;
  const rijen = tellingRijen(nu, frozen);
  const gecorrigeerd = gecorrigeerdeGemeenten(rijen, frozen !== null);
  const totaal = { nu: nu.totaal, vastgesteld: frozen?.totaal ?? null };
  const tabel = { rijen, totaal, bevroren: frozen !== null };
  return (
    <>
      <Vaststelling datum={nu.datum} nu={nu} bevroren={bevroren} vandaag={vandaag} bezig={bezig} />
      <Totalen cols={{ base: 1, xs: 2, md: 4 }}>
        <Stat
          label="Thuiszitters"
          value={formatNumber(nu.totaal.totaal)}
          note={frozen ? `Vastgesteld: ${formatNumber(frozen.totaal.totaal)}` : 'Leerplichtig, zonder dreigende'}
          testId="telling-totaal"
        />
        <Stat label="Dreigend" value={formatNumber(dreigendTotaal(nu.totaal))} note="Tellen niet mee in het totaal" />
        <Stat label="5a-screening gestart" value={formatNumber(nu.totaal.screening5a)} />
        <Stat label="Jonger dan 5" value={formatNumber(nu.totaal.jongerDan5)} />
      </Totalen>
      {gecorrigeerd.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle aria-hidden />}
          title="Na vaststelling gecorrigeerd"
          role="status"
        >
          <Text size="sm">
            In {namen(gecorrigeerd)} wijkt de telling van nu af van de vastgestelde. De gemarkeerde aantallen zijn die
            van nu, het vastgestelde staat erachter tussen haakjes. De Inspectie kreeg het vastgestelde; de download
            hierboven is de telling van nu.
          </Text>
        </Alert>
      )}
      {rijen.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <Text>Op {formatDate(nu.datum)} liep er geen dossier van een thuiszitter.</Text>
        </Paper>
      ) : (
        <>
          <Section id="per-categorie" title="Per gemeente en categorie (leerplicht)">
            <TellingTabel
              label="Leerplichtige thuiszitters per gemeente en categorie"
              kolommen={CATEGORIE_KOLOMMEN}
              minWidth={820}
              {...tabel}
            />
          </Section>
          <SideBySide>
            <Section id="dreigend" title="Dreigende thuiszitters per scenario">
              <TellingTabel
                label="Dreigende thuiszitters per gemeente en scenario"
                kolommen={SCENARIO_KOLOMMEN}
                minWidth={460}
                {...tabel}
              />
            </Section>
            <Section id="duur" title="Hoe lang thuis">
              <TellingTabel
                label="Leerplichtige thuiszitters per gemeente, naar hoe lang ze thuis zijn"
                kolommen={DUUR_KOLOMMEN}
                minWidth={400}
                {...tabel}
              />
            </Section>
          </SideBySide>
        </>
      )}
    </>
  );
}

/** "Haarlem", "Haarlem en Heemstede", "Bloemendaal, Haarlem en Heemstede". */
function namen(lijst: string[]): string {
  return lijst.length <= 1 ? (lijst[0] ?? '') : `${lijst.slice(0, -1).join(', ')} en ${lijst[lijst.length - 1]}`;
}

/** Whether the date was frozen (by whom, when), or the way to freeze it; a beheerder can undo a freeze. */
function Vaststelling({
  datum,
  nu,
  bevroren,
  vandaag,
  bezig,
}: {
  datum: string;
  nu: ThuiszitterTelling;
  bevroren: Peildatum | null;
  vandaag: string;
  bezig: boolean;
}) {
  const queryClient = useQueryClient();
  const schrijven = useCanWrite('thuiszitterPeildata');
  // Undoing a freeze is the beheerder's (the rights of /auth/me name no right for it).
  const beheerder = useMe().rol === 'beheerder';
  const toekomst = datum > vandaag;
  const ververs = () => queryClient.invalidateQueries({ queryKey: [thuiszitters.path, 'peildata'] });
  if (bezig) return null;
  if (bevroren) {
    return (
      <Alert color="koers" icon={<IconLock aria-hidden />} p="sm" data-testid="vastgesteld">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Text size="sm">
            De telling van {formatDate(datum)} is vastgesteld op {formatDateTime(bevroren.vastgesteldOp)} door{' '}
            {bevroren.vastgesteldDoor.naam}: {formatNumber(bevroren.telling.totaal.totaal)} thuiszitters.
          </Text>
          {beheerder && (
            <ConfirmButton
              label="Vaststelling ongedaan maken"
              title="Vaststelling ongedaan maken"
              confirmLabel="Ongedaan maken"
              confirmColor="red.8"
              buttonProps={{ variant: 'subtle', color: 'red.8', size: 'xs' }}
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onConfirm={async () => {
                await thuiszitters.maakVaststellingOngedaan(bevroren.id);
                await ververs();
              }}
            >
              De vastgestelde telling van {formatDate(datum)} vervalt; de cijfers gebruiken weer de telling van nu. Doe
              dit alleen bij een vergissing: heeft de Inspectie deze telling al gekregen, laat hem dan staan.
            </ConfirmButton>
          )}
        </Group>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">
          {toekomst
            ? `${formatDate(datum)} ligt nog in de toekomst: vaststellen kan vanaf die dag.`
            : `De telling van ${formatDate(datum)} is nog niet vastgesteld. Wat hieronder staat, is de telling zoals die nu is geregistreerd.`}
        </Text>
        {schrijven && (
          <ConfirmButton
            label="Vaststellen"
            title="Peildatum vaststellen"
            confirmLabel="Vaststellen"
            buttonProps={{ disabled: toekomst, size: 'sm' }}
            leftSection={<IconLock size={16} aria-hidden />}
            onConfirm={async () => {
              await thuiszitters.stelVast(datum);
              await ververs();
            }}
          >
            De telling van {formatDate(datum)} wordt vastgesteld zoals die nu is: {formatNumber(nu.totaal.totaal)}{' '}
            leerplichtige thuiszitters en {formatNumber(dreigendTotaal(nu.totaal))} dreigende. Dat is de telling voor de
            Inspectie en de cijfers; wat daarna nog wordt gecorrigeerd, verandert de vastgestelde telling niet.
          </ConfirmButton>
        )}
      </Group>
    </Paper>
  );
}

/** The peildata of the school year: the SWV's own and any other day that was frozen, with their state. */
function Peildatalijst({
  lijst,
  geplande,
  gekozen,
  vandaag,
  onDatum,
}: {
  lijst: Peildatum[];
  geplande: string[];
  gekozen: string;
  vandaag: string;
  onDatum: (datum: string) => void;
}) {
  const datums = [...new Set([...geplande, ...lijst.map((p) => p.datum)])].sort();
  if (datums.length === 0) return <Text c="dimmed">Geen peildata in dit schooljaar.</Text>;
  return (
    <ScrollTable minWidth={560} label="Peildata van het schooljaar">
      <Table withTableBorder striped className="tabular" verticalSpacing="xs">
        <TableHead cells={['Peildatum', 'Status', { label: 'Thuiszitters', ta: 'right' }, 'Vastgesteld door']} />
        <Table.Tbody>
          {datums.map((d) => {
            const p = lijst.find((x) => x.datum === d);
            return (
              <Table.Tr key={d} data-testid="peildatum-rij" aria-current={d === gekozen ? 'true' : undefined}>
                <Table.Th scope="row" fw={d === gekozen ? 700 : 400}>
                  {d === gekozen ? (
                    formatDate(d)
                  ) : (
                    <Anchor component="button" type="button" size="sm" onClick={() => onDatum(d)}>
                      {formatDate(d)}
                    </Anchor>
                  )}
                </Table.Th>
                <Table.Td>{p ? 'Vastgesteld' : d > vandaag ? 'Nog niet bereikt' : 'Niet vastgesteld'}</Table.Td>
                <Table.Td ta="right">{p ? formatNumber(p.telling.totaal.totaal) : ''}</Table.Td>
                <Table.Td>{p ? `${p.vastgesteldDoor.naam}, ${formatDateTime(p.vastgesteldOp)}` : ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
