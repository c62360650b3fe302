import { Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { bestuursmonitor } from '../../api/resources';
import type { BestuurMonitor, BestuurMonitorBestuur } from '../../api/types';
import { CijferBalk, GeenCijfers } from '../../components/Cijfers';
import { MonitorCel, MonitorKaart, MonitorLegenda } from '../../components/Monitor';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { QueryState } from '../../components/states';
import { formatNumber } from '../../lib/format';
import {
  ALLE_BESTUREN,
  bestuurHeeftCijfers,
  bestuurKeuzes,
  bestuurOnderdruktAantal,
  gekozenBesturen,
} from '../../lib/monitor';
import { useSchooljaar } from '../arrangementen/hooks';

export default function BestuursmonitorPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, params, set } = useSchooljaar();
  const bestuurParam = params.get('schoolbestuur');
  // Every board at once: the selector lists them, and choosing one only narrows what is shown.
  const query = useQuery({
    queryKey: [bestuursmonitor.path, schooljaar],
    queryFn: () => bestuursmonitor.get(schooljaar),
    staleTime: 60_000,
  });
  const besturen = query.data?.schoolbesturen ?? [];
  const gekozen = besturen.some((b) => b.id === bestuurParam) ? bestuurParam : null;
  const gekozenNaam = besturen.find((b) => b.id === gekozen)?.naam;

  return (
    <>
      <PageHeader
        title="Schoolbesturen"
        pageTitle="Schoolbesturen – bestuursmonitor"
        description="De bestuursmonitor: per schoolbestuur de cijfers van elke school, precies zoals het bestuur ze van het samenwerkingsverband ontvangt, met kleine aantallen afgeschermd."
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={opties}
        onSchooljaar={setSchooljaar}
        download={{
          path: bestuursmonitor.path,
          query: { schooljaar, ...(gekozen ? { schoolbestuurId: gekozen } : {}) },
          name: `bestuursmonitor-${schooljaar}`,
          label: `de bestuursmonitor van ${gekozenNaam ?? 'alle schoolbesturen'} in ${schooljaar}`,
        }}
      >
        <Select
          label="Schoolbestuur"
          allowDeselect={false}
          data={bestuurKeuzes({ schoolbesturen: besturen })}
          value={gekozen ?? ALLE_BESTUREN}
          onChange={(v) => set('schoolbestuur', v && v !== ALLE_BESTUREN ? v : null)}
          disabled={besturen.length === 0}
          w={280}
          comboboxProps={{ withinPortal: true }}
        />
      </CijferBalk>
      <QueryState query={query} loadingLabel="Monitor laden…" errorTitle="De monitor kon niet worden geladen">
        {(data) => <Monitor data={data} gekozen={gekozen} metBudget={metBudget} onJaar={setSchooljaar} />}
      </QueryState>
    </>
  );
}

function Monitor({
  data,
  gekozen,
  metBudget,
  onJaar,
}: {
  data: BestuurMonitor;
  gekozen: string | null;
  metBudget: string[];
  onJaar: (jaar: string) => void;
}) {
  if (data.schoolbesturen.length === 0) {
    return (
      <GeenCijfers
        title="Geen schoolbesturen"
        jarenLabel="Andere schooljaren:"
        jaren={metBudget}
        onJaar={onJaar}
        terug={{ to: '/schoolbesturen', label: 'Naar de schoolbesturen' }}
      >
        Het samenwerkingsverband heeft nog geen schoolbestuur. Een bestuur en zijn scholen komen hier zodra ze onder
        Organisatie zijn vastgelegd.
      </GeenCijfers>
    );
  }
  if (!data.schoolbesturen.some(bestuurHeeftCijfers)) {
    return (
      <GeenCijfers
        title={`Nog geen cijfers in ${data.schooljaar}`}
        jarenLabel="Andere schooljaren:"
        jaren={metBudget}
        onJaar={onJaar}
      >
        In {data.schooljaar} is voor geen school van de {formatNumber(data.schoolbesturen.length)}{' '}
        {data.schoolbesturen.length === 1 ? 'schoolbestuur' : 'schoolbesturen'} iets geteld: geen arrangementen,
        TLV&apos;s of MDO&apos;s, en niemand aanwezig bij een bijeenkomst. De besturen krijgen voor dit jaar alleen
        nullen.
      </GeenCijfers>
    );
  }
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <MonitorLegenda />
        <Text size="sm" c="dimmed">
          Arrangementen: toegekend en gestart in het schooljaar. TLV&apos;s: afgegeven met een besluit in het
          schooljaar, bij de school van herkomst. MDO&apos;s: op de school in het schooljaar. Aanwezig bij
          bijeenkomsten: aanwezigheden van medewerkers van de school bij gehouden bijeenkomsten (geen kinderen, dus
          nooit afgeschermd).
        </Text>
      </Stack>
      {gekozenBesturen(data.schoolbesturen, gekozen).map((b) => (
        <BestuurKaart key={b.id} bestuur={b} />
      ))}
    </Stack>
  );
}

function BestuurKaart({ bestuur: b }: { bestuur: BestuurMonitorBestuur }) {
  const id = `schoolbestuur-${b.id}`;
  return (
    <MonitorKaart
      id={id}
      titel={b.naam}
      bijTitel={b.scholen.length === 1 ? '1 school' : `${formatNumber(b.scholen.length)} scholen`}
      onderdrukt={bestuurOnderdruktAantal(b)}
    >
      {b.scholen.length === 0 ? (
        <Text size="sm" c="dimmed">
          Dit bestuur heeft geen scholen in het samenwerkingsverband.
        </Text>
      ) : (
        <ScrollTable minWidth={640} label={`Cijfers per school van ${b.naam}`}>
          <Table withTableBorder withColumnBorders striped className="tabular eerste-kolom-vast monitor-scholen">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" rowSpan={2}>
                  School
                </Table.Th>
                <Table.Th scope="colgroup" colSpan={3} ta="center">
                  Arrangementen
                </Table.Th>
                <Table.Th scope="colgroup" colSpan={3} ta="center">
                  TLV&apos;s
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} ta="right" w="9%">
                  MDO&apos;s
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} ta="right" w="12%">
                  Aanwezig bij bijeenkomsten
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {['Individueel', 'Groep', 'Innovatie'].map((k) => (
                  <Table.Th key={k} scope="col" ta="right" w="9%">
                    <span className="visually-hidden">Arrangementen </span>
                    {k}
                  </Table.Th>
                ))}
                {['sbo', 'so', 'vso'].map((k) => (
                  <Table.Th key={k} scope="col" ta="right" w="7%">
                    <span className="visually-hidden">TLV </span>
                    {k}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.scholen.map((s) => (
                <Table.Tr key={s.schoolId}>
                  <Table.Th scope="row" fw={400}>
                    {s.naam}
                  </Table.Th>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.arrangementen.individueel} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.arrangementen.groep} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.arrangementen.innovatie} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.tlv.sbo} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.tlv.so} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.tlv.vso} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={s.mdo} />
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(s.aanwezigBijeenkomsten)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </MonitorKaart>
  );
}
