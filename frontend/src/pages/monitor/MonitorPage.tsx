import { Badge, Box, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { monitor } from '../../api/resources';
import type { Aantal, JopGemeente, JopMonitor, LeerplichtCategorie } from '../../api/types';
import { CijferBalk, GeenCijfers } from '../../components/Cijfers';
import { MonitorCel, MonitorKaart, MonitorLegenda } from '../../components/Monitor';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { QueryState } from '../../components/states';
import { formatDate, formatNumber } from '../../lib/format';
import { THUISZITTER_CATEGORIE_LABELS } from '../../lib/labels';
import {
  ALLE_GEMEENTEN,
  bereikPercentage,
  gekozenGemeenten,
  gemeenteKeuzes,
  heeftCijfers,
  INDELING_LABELS,
  indelingVan,
  mdoNiveaus,
  onderdruktAantal,
} from '../../lib/monitor';
import { LEERPLICHT_CATEGORIEEN } from '../../lib/thuiszitters';
import { useSchooljaar } from '../arrangementen/hooks';

/** The leerplicht categories before the three vrijstellingen, which share a heading. */
const KOLOMMEN_VOOR: LeerplichtCategorie[] = ['relatief_verzuim', 'langdurig_relatief_verzuim', 'absoluut_verzuim'];
const VRIJSTELLINGEN: LeerplichtCategorie[] = ['vrijstelling_5a', 'vrijstelling_5b', 'vrijstelling_5c'];

export default function MonitorPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, params, set } = useSchooljaar();
  const indeling = indelingVan(params.get('indeling'));
  const gemeenteParam = params.get('gemeente');
  const query = useQuery({
    queryKey: [monitor.path, schooljaar, indeling],
    queryFn: () => monitor.jop(schooljaar, indeling),
    staleTime: 60_000,
  });
  const gemeenten = query.data?.gemeenten ?? [];
  // A gemeente chosen in the other indeling (merged away, or not there yet) counts as none.
  const gekozen = gemeenten.some((g) => g.cbsCode === gemeenteParam) ? gemeenteParam : null;
  const gekozenNaam = gemeenten.find((g) => g.cbsCode === gekozen)?.naam;

  return (
    <>
      <PageHeader
        title="Gemeenten"
        pageTitle="Gemeenten – JOP-monitor"
        description="De JOP-monitor: per gemeente precies wat de gemeente van het samenwerkingsverband ontvangt, met kleine aantallen afgeschermd."
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={opties}
        onSchooljaar={setSchooljaar}
        download={{
          path: monitor.path,
          query: { schooljaar, indeling, ...(gekozen ? { gemeente: gekozen } : {}) },
          name: `jop-monitor-${schooljaar}${gekozen ? `-${gekozen}` : ''}`,
          label: `de JOP-monitor van ${gekozenNaam ?? 'alle gemeenten'} in ${schooljaar}`,
        }}
      >
        <Stack gap={4}>
          <Text component="span" size="sm" fw={500} id="indeling-label">
            Indeling
          </Text>
          <SegmentedControl
            aria-labelledby="indeling-label"
            value={indeling}
            onChange={(v) => set('indeling', v === 'huidig' ? 'huidig' : null)}
            data={[
              { value: 'historisch', label: INDELING_LABELS.historisch },
              { value: 'huidig', label: INDELING_LABELS.huidig },
            ]}
          />
        </Stack>
        <Select
          label="Gemeente"
          allowDeselect={false}
          data={gemeenteKeuzes({ gemeenten })}
          value={gekozen ?? ALLE_GEMEENTEN}
          onChange={(v) => set('gemeente', v && v !== ALLE_GEMEENTEN ? v : null)}
          disabled={gemeenten.length === 0}
          w={240}
          comboboxProps={{ withinPortal: true }}
        />
      </CijferBalk>
      <Text size="sm" c="dimmed" mt={-8} mb="md">
        {indeling === 'historisch'
          ? 'Zoals toen: elke peildatum telt in de gemeente van dat moment, ook als die later is samengevoegd (een herindeling).'
          : 'Gemeenten van nu: alles telt in de gemeente van vandaag, ook van vóór een herindeling, zodat reeksen vergelijkbaar blijven.'}
      </Text>
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
  data: JopMonitor;
  gekozen: string | null;
  metBudget: string[];
  onJaar: (jaar: string) => void;
}) {
  if (data.gemeenten.length === 0) {
    return (
      <GeenCijfers
        title={`Geen gemeenten in ${data.schooljaar}`}
        jarenLabel="Andere schooljaren:"
        jaren={metBudget}
        onJaar={onJaar}
        terug={{ to: '/scholen', label: 'Naar de scholen' }}
      >
        Het samenwerkingsverband bedient in {data.schooljaar} geen gemeente: het had geen school in een gemeente en geen
        leerling die er woont. Een gemeente komt hier zodra een school of leerling van het samenwerkingsverband er ligt
        of woont.
      </GeenCijfers>
    );
  }
  if (!data.gemeenten.some(heeftCijfers)) {
    return (
      <GeenCijfers
        title={`Nog geen cijfers in ${data.schooljaar}`}
        jarenLabel="Andere schooljaren:"
        jaren={metBudget}
        onJaar={onJaar}
      >
        In {data.schooljaar} is voor geen van de {formatNumber(data.gemeenten.length)} gemeenten iets geteld: geen
        thuiszitters, vrijstellingen, TLV&apos;s, arrangementen of MDO&apos;s, en geen school bereikt met een
        bijeenkomst. De gemeenten krijgen voor dit jaar alleen nullen.
      </GeenCijfers>
    );
  }
  const getoond = gekozenGemeenten(data.gemeenten, gekozen);
  return (
    <Stack gap="lg">
      <MonitorLegenda gegenereerdOp={data.gegenereerdOp} />
      {getoond.map((g) => (
        <GemeenteKaart key={g.cbsCode} gemeente={g} />
      ))}
    </Stack>
  );
}

function GemeenteKaart({ gemeente: g }: { gemeente: JopGemeente }) {
  const id = `gemeente-${g.cbsCode}`;
  return (
    <MonitorKaart
      id={id}
      titel={g.naam}
      bijTitel={`CBS-code ${g.cbsCode}`}
      onderTitel={
        <>
          Bediend door{' '}
          {g.samenwerkingsverbanden.map((s, i) => (
            <span key={s.code}>
              {i > 0 && '; '}
              {s.naam} <span className="nowrap">({s.code})</span>
            </span>
          ))}
        </>
      }
      onderdrukt={onderdruktAantal(g)}
    >
      <Stack gap="lg">
        <Thuiszitters gemeente={g} id={id} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="lg">
          <Kleintabel
            id={`${id}-vrijstellingen`}
            titel="Vrijstellingen"
            toelichting="Nieuw in het schooljaar"
            kolom="Vrijstelling"
            rijen={[
              ['5a', 'Vrijstelling 5a (lichamelijk of psychisch)', g.vrijstellingen['5a']],
              ['5b', 'Vrijstelling 5b (bezwaar tegen de richting)', g.vrijstellingen['5b']],
              ['5c', 'Vrijstelling 5c (school in het buitenland)', g.vrijstellingen['5c']],
            ]}
          />
          <Kleintabel
            id={`${id}-tlv`}
            titel="TLV's"
            toelichting="Afgegeven, besluit in het schooljaar"
            kolom="Soort"
            rijen={[
              ['sbo', 'Speciaal basisonderwijs (sbo)', g.tlv.sbo],
              ['so', 'Speciaal onderwijs (so)', g.tlv.so],
              ['vso', 'Voortgezet speciaal onderwijs (vso)', g.tlv.vso],
            ]}
            totaal={g.tlv.totaal}
          />
          <Kleintabel
            id={`${id}-arrangementen`}
            titel="Arrangementen"
            toelichting="Toegekend, gestart in het schooljaar"
            kolom="Soort"
            rijen={[
              ['individueel', 'Individueel', g.arrangementen.individueel],
              ['groep', 'Groep', g.arrangementen.groep],
              ['innovatie', 'Innovatie', g.arrangementen.innovatie],
            ]}
            totaal={g.arrangementen.totaal}
          />
          <Kleintabel
            id={`${id}-mdo`}
            titel="MDO's"
            toelichting="Per ondersteuningsniveau, op de school in de gemeente"
            kolom="Niveau"
            rijen={mdoNiveaus(g.mdo.perNiveau).map((r) => [r.key, r.label, r.aantal])}
            totaal={g.mdo.totaal}
          />
          <Bereik gemeente={g} id={`${id}-bereik`} />
        </SimpleGrid>
      </Stack>
    </MonitorKaart>
  );
}

/** A small heading with a line of what is counted, above a table. */
function Kop({ id, titel, toelichting }: { id: string; titel: string; toelichting: ReactNode }) {
  return (
    <Box mb={6}>
      <Title order={3} size="h5" id={id}>
        {titel}
      </Title>
      <Text size="xs" c="dimmed">
        {toelichting}
      </Text>
    </Box>
  );
}

function Thuiszitters({ gemeente: g, id }: { gemeente: JopGemeente; id: string }) {
  const kop = `${id}-thuiszitters`;
  return (
    <Box component="section" aria-labelledby={kop}>
      <Kop
        id={kop}
        titel="Thuiszitters per peildatum"
        toelichting="Het totaal telt de zeven leerplichtcategorieën; dreigende thuiszitters staan apart en tellen niet mee."
      />
      {g.thuiszitters.length === 0 ? (
        <Text size="sm" c="dimmed">
          Er is in dit schooljaar (tot vandaag) nog geen peildatum geweest.
        </Text>
      ) : (
        <ScrollTable minWidth={680} label={`Thuiszitters per peildatum in ${g.naam}`}>
          <Table withTableBorder withColumnBorders striped className="tabular eerste-kolom-vast monitor-thuiszitters">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" rowSpan={2}>
                  Peildatum
                </Table.Th>
                {KOLOMMEN_VOOR.map((c) => (
                  <Table.Th key={c} scope="col" rowSpan={2} ta="right" w="11%">
                    {THUISZITTER_CATEGORIE_LABELS[c]}
                  </Table.Th>
                ))}
                <Table.Th scope="colgroup" colSpan={VRIJSTELLINGEN.length} ta="center">
                  Vrijstelling
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} ta="right" w="11%">
                  {THUISZITTER_CATEGORIE_LABELS.langdurig_ziek}
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} ta="right" w="11%">
                  Totaal
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} ta="right" w="11%">
                  Langer dan 3 maanden
                </Table.Th>
                <Table.Th scope="col" rowSpan={2} ta="right" w="11%">
                  Dreigend
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {VRIJSTELLINGEN.map((c) => (
                  <Table.Th key={c} scope="col" ta="right" w="4%">
                    <span className="visually-hidden">Vrijstelling </span>
                    {c.slice(-2)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.thuiszitters.map((r) => (
                <Table.Tr key={r.peildatum}>
                  <Table.Th scope="row" fw={400}>
                    <Stack gap={2} align="flex-start">
                      <span className="nowrap">{formatDate(r.peildatum)}</span>
                      <Badge
                        size="xs"
                        radius="sm"
                        tt="none"
                        className="badge-heel"
                        variant={r.vastgesteld ? 'light' : 'outline'}
                        color={r.vastgesteld ? 'green' : 'gray.8'}
                      >
                        {r.vastgesteld ? 'vastgesteld' : 'voorlopig'}
                      </Badge>
                    </Stack>
                  </Table.Th>
                  {LEERPLICHT_CATEGORIEEN.map((c) => (
                    <Table.Td key={c} ta="right">
                      <MonitorCel aantal={r.perCategorie[c]} />
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={700}>
                    <MonitorCel aantal={r.totaal} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={r.langerDan3Maanden} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <MonitorCel aantal={r.dreigend} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Box>
  );
}

/** A part of a gemeente's figures as a table of label and count, with its total when it has one. */
function Kleintabel({
  id,
  titel,
  toelichting,
  kolom,
  rijen,
  totaal,
}: {
  id: string;
  titel: string;
  toelichting: string;
  kolom: string;
  rijen: [string, string, Aantal][];
  totaal?: Aantal;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Kop id={id} titel={titel} toelichting={toelichting} />
      <Table withTableBorder className="tabular" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{kolom}</Table.Th>
            <Table.Th scope="col" ta="right">
              Aantal
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rijen.map(([key, label, aantal]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td ta="right">
                <MonitorCel aantal={aantal} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {totaal && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Totaal</Table.Th>
              <Table.Td ta="right" fw={700}>
                <MonitorCel aantal={totaal} />
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Box>
  );
}

/** The schools of the gemeente reached by the SWV's meetings: plain numbers (schools, not children). */
function Bereik({ gemeente: g, id }: { gemeente: JopGemeente; id: string }) {
  const b = g.bereikBijeenkomsten;
  return (
    <Box component="section" aria-labelledby={id}>
      <Kop id={id} titel="Bereik bijeenkomsten" toelichting="Scholen met een deelnemer bij een gehouden bijeenkomst" />
      <Table withTableBorder className="tabular" verticalSpacing={6}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" fw={400}>
              Scholen in de gemeente
            </Table.Th>
            <Table.Td ta="right">{formatNumber(b.scholen)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={400}>
              Bereikt
            </Table.Th>
            <Table.Td ta="right">{formatNumber(b.bereikt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Percentage</Table.Th>
            <Table.Td ta="right" fw={700}>
              {bereikPercentage(b.percentage)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Box>
  );
}
