import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { arrangementen } from '../../api/resources';
import type { ArrangementStatistieken, Sector } from '../../api/types';
import {
  AfschermingLegenda,
  CijferBalk,
  GeenCijfers,
  kleurenVan,
  Section,
  Stat,
  telAs,
  Totalen,
  Vergelijking,
  vorigJaarZin,
} from '../../components/Cijfers';
import { JaarTegenJaar, SideBySide, Staven, Verdeling } from '../../components/Grafieken';
import { ScrollTable } from '../../components/ScrollTable';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { MonitorCel } from '../../components/Monitor';
import { aandeel, telrijen, type Telrij } from '../../lib/arrangementen';
import { allesNul, alsTelling, isOnderdrukt, rijAantal, waarde, type Telling } from '../../lib/cijfers';
import { formatNumber } from '../../lib/format';
import {
  ARRANGEMENT_SOORT_LABELS,
  CATEGORIE_KORT,
  CATEGORIE_LABELS,
  GESLACHT_LABELS,
  leerjaarLabel,
  TRIMESTER_LABELS,
} from '../../lib/labels';
import { useSector } from '../lookups';
import { useStatistieken } from './hooks';

/** "Groep 1" … "Groep 8", "Onbekend": the keys the API gives, in number order. */
function leerjaarLabels(keys: string[], sector: Sector | undefined): Record<string, string> {
  const nummers = keys.filter((k) => k !== 'onbekend').sort((a, b) => Number(a) - Number(b));
  return Object.fromEntries([
    ...nummers.map((k) => [k, `${leerjaarLabel(sector)} ${k}`]),
    ['onbekend', 'Onbekend'],
  ]) as Record<string, string>;
}

export default function ArrangementStatistiekenPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, stats } = useStatistieken(arrangementen);
  // A lezer reads the figures but not the list they count: no way out to it.
  const me = useMe();

  return (
    <>
      <PageHeader
        title="Cijfers arrangementen"
        description="Toegekende en beëindigde arrangementen die in het schooljaar beginnen, met het jaar ervoor ernaast."
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={opties}
        onSchooljaar={setSchooljaar}
        download={{
          path: '/arrangementen/statistieken',
          query: { schooljaar },
          name: `arrangementen-statistieken-${schooljaar}`,
          label: `de cijfers van ${schooljaar}`,
        }}
      />
      <QueryState query={stats} loadingLabel="Cijfers laden…">
        {(data) =>
          allesNul(data.totaal) ? (
            <GeenCijfers
              title={`Geen arrangementen in ${schooljaar}`}
              jarenLabel="Schooljaren met een budget:"
              jaren={metBudget}
              onJaar={setSchooljaar}
              terug={
                canRead(me, 'arrangementen') ? { to: '/arrangementen', label: 'Naar de arrangementen' } : undefined
              }
            >
              Er zijn geen toegekende of beëindigde arrangementen die in {schooljaar} beginnen.
              {vorigJaarZin(data.vorigJaar.totaal)}
            </GeenCijfers>
          ) : (
            <>
              <AfschermingLegenda antwoord={data} />
              <Cijfers stats={data} />
            </>
          )
        }
      </QueryState>
    </>
  );
}

function Cijfers({ stats }: { stats: ArrangementStatistieken }) {
  const sector = useSector();
  const vj = stats.vorigJaar;
  const soorten = telrijen(stats.perSoort, ARRANGEMENT_SOORT_LABELS, vj.perSoort);
  const [totaal, nieuw, verlenging] = [waarde(stats.totaal), waarde(stats.nieuw), waarde(stats.verlenging)];
  const [vorigTotaal, vorigVerlenging] = [waarde(vj.totaal), waarde(vj.verlenging)];
  const nieuwVerlenging: Telrij[] = [
    {
      key: 'nieuw',
      label: 'Nieuw',
      aantal: rijAantal(stats.nieuw),
      vorigJaar: vorigTotaal === null || vorigVerlenging === null ? null : vorigTotaal - vorigVerlenging,
    },
    {
      key: 'verlenging',
      label: 'Verlenging',
      aantal: rijAantal(stats.verlenging),
      vorigJaar: rijAantal(vj.verlenging),
    },
  ];
  const categorieen = telrijen(stats.perCategorie, CATEGORIE_LABELS);
  const leerjaren = telrijen(stats.perLeerjaar, leerjaarLabels(Object.keys(stats.perLeerjaar), sector));
  const geslachten = telrijen(stats.perGeslacht, GESLACHT_LABELS);
  const trimesters = telrijen(stats.perTrimester, TRIMESTER_LABELS);
  const nvKleuren = { nieuw: 'koers.7', verlenging: 'orange.6' };
  const gKleuren = kleurenVan(geslachten.map((r) => r.key));

  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 3, xl: 6 }}>
        <Stat
          label="Arrangementen"
          value={<MonitorCel aantal={stats.totaal} />}
          note={<Vergelijking nu={stats.totaal} vorig={vj.totaal} />}
          testId="totaal-arrangementen"
        />
        {soorten.map((r) => (
          <Stat
            key={r.key}
            label={r.label}
            value={<MonitorCel aantal={alsTelling(r.aantal)} />}
            note={<Vergelijking nu={alsTelling(r.aantal)} vorig={alsTelling(r.vorigJaar ?? 0)} />}
          />
        ))}
        <Stat
          label="Nieuw"
          value={<MonitorCel aantal={stats.nieuw} />}
          note={`${aandeel(nieuw, totaal)} van het totaal`}
        />
        <Stat
          label="Verlengingen"
          value={<MonitorCel aantal={stats.verlenging} />}
          note={<Vergelijking nu={stats.verlenging} vorig={vj.verlenging} />}
        />
      </Totalen>

      <SideBySide>
        <Section id="per-soort" title="Per soort, tegen vorig jaar">
          <JaarTegenJaar rows={soorten} schooljaar={stats.schooljaar} column="Soort" total={stats.totaal} />
        </Section>
        <Section id="nieuw-verlenging" title="Nieuw en verlenging">
          <Verdeling
            rows={nieuwVerlenging}
            column="Soort aanvraag"
            kleuren={nvKleuren}
            vorigJaar
            midden={`${aandeel(verlenging, totaal)} verlengd`}
          />
        </Section>
      </SideBySide>

      <Section id="per-categorie" title="Per ondersteuningscategorie">
        <Staven
          rows={categorieen}
          column="Categorie"
          total={stats.totaal}
          reeks="Arrangementen"
          liggend
          kort={(r) => (CATEGORIE_KORT as Record<string, string | undefined>)[r.key] ?? r.label}
          naast
        />
      </Section>

      <Section id="per-leerjaar" title={`Per ${leerjaarLabel(sector).toLowerCase()}`}>
        <Staven
          rows={leerjaren}
          column={leerjaarLabel(sector)}
          total={stats.totaal}
          reeks="Arrangementen"
          kort={(r) => (r.key === 'onbekend' ? 'Onb.' : r.key)}
          naast
        />
      </Section>

      <SideBySide>
        <Section id="per-trimester" title="Per trimester (naar startdatum)">
          <Staven rows={trimesters} column="Trimester" total={stats.totaal} reeks="Arrangementen" />
        </Section>
        <Section id="per-geslacht" title="Per geslacht (individuele arrangementen)">
          <Verdeling
            rows={geslachten}
            column="Geslacht"
            kleuren={gKleuren}
            // With a gender withheld the rows' sum is not known: the shares are of the individual ones.
            total={geslachten.some((r) => r.aantal === null) ? stats.perSoort.individueel : undefined}
          />
        </Section>
      </SideBySide>

      <PerWerkgebied stats={stats} />
    </Stack>
  );
}

function PerWerkgebied({ stats }: { stats: ArrangementStatistieken }) {
  const rows = stats.perWerkgebied;
  const onvolledig = rows
    .filter((r) => Object.values(r.perSoort).some((t: Telling) => isOnderdrukt(t)))
    .map((r) => r.naam);
  return (
    <Section id="per-werkgebied" title="Per werkgebied">
      {rows.length === 0 ? (
        <Text c="dimmed">Het samenwerkingsverband heeft geen werkgebieden.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl">
          <Box>
            <Box aria-hidden>
              <BarChart
                h={Math.max(160, rows.length * 40 + 60)}
                data={rows.map((r) => ({
                  naam: r.naam,
                  Individueel: rijAantal(r.perSoort.individueel),
                  Groep: rijAantal(r.perSoort.groep),
                  Innovatie: rijAantal(r.perSoort.innovatie),
                }))}
                dataKey="naam"
                type="stacked"
                orientation="vertical"
                yAxisProps={{ width: 150, interval: 0, fontSize: 12 }}
                xAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
                series={[
                  { name: 'Individueel', color: 'koers.7' },
                  { name: 'Groep', color: 'orange.6' },
                  { name: 'Innovatie', color: 'teal.7' },
                ]}
                withLegend
                tickLine="x"
                barChartProps={{ accessibilityLayer: false }}
                valueFormatter={(n) => formatNumber(n)}
              />
            </Box>
            {onvolledig.length > 0 && (
              <Text size="sm" c="dimmed" mt="xs">
                In de grafiek ontbreken de aantallen die niet gedeeld zijn (&lt;5); daardoor korter of leeg:{' '}
                {onvolledig.join(', ')}.
              </Text>
            )}
          </Box>
          <ScrollTable minWidth={480} label="Arrangementen per werkgebied">
            <Table withTableBorder striped className="tabular eerste-kolom-vast">
              <TableHead
                cells={[
                  'Werkgebied',
                  { label: 'Totaal', ta: 'right' },
                  { label: 'Individueel', ta: 'right' },
                  { label: 'Groep', ta: 'right' },
                  { label: 'Innovatie', ta: 'right' },
                  { label: 'Verlenging', ta: 'right' },
                ]}
              />
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id ?? 'geen'}>
                    <Table.Th scope="row" fw={400}>
                      {r.naam}
                    </Table.Th>
                    <Tellen
                      tellingen={[
                        r.totaal,
                        r.perSoort.individueel,
                        r.perSoort.groep,
                        r.perSoort.innovatie,
                        r.verlenging,
                      ]}
                    />
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row">Totaal</Table.Th>
                  <Tellen
                    tellingen={[
                      stats.totaal,
                      stats.perSoort.individueel,
                      stats.perSoort.groep,
                      stats.perSoort.innovatie,
                      stats.verlenging,
                    ]}
                  />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      )}
    </Section>
  );
}

/** A row's counts as right-aligned cells; a count the API left out is 0. */
function Tellen({ tellingen }: { tellingen: (Telling | undefined)[] }) {
  return tellingen.map((t, i) => (
    <Table.Td key={i} ta="right">
      <MonitorCel aantal={t ?? 0} />
    </Table.Td>
  ));
}
