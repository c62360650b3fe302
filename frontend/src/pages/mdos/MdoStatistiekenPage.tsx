import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { mdos } from '../../api/resources';
import type { MdoStatistieken } from '../../api/types';
import {
  AfschermingLegenda,
  CijferBalk,
  GeenCijfers,
  kleurenVan,
  Section,
  Stat,
  Totalen,
  Vergelijking,
  vorigJaarZin,
} from '../../components/Cijfers';
import { JaarTegenJaar, SideBySide, Verdeling } from '../../components/Grafieken';
import { ScrollTable } from '../../components/ScrollTable';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { MonitorCel } from '../../components/Monitor';
import { aandeel, telrijen } from '../../lib/arrangementen';
import { allesNul, alsTelling, waarde } from '../../lib/cijfers';
import { formatDecimal } from '../../lib/format';
import { MDO_UITKOMST_LABELS, NIVEAU_LABELS, TRIMESTER_LABELS } from '../../lib/labels';
import { useStatistieken } from '../arrangementen/hooks';
import { decimaalAsProps } from '../../lib/assen';

const NIVEAUS = Object.keys(NIVEAU_LABELS) as (keyof typeof NIVEAU_LABELS)[];

export default function MdoStatistiekenPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, stats } = useStatistieken(mdos);
  // A lezer reads the figures but not the list they count: no way out to it.
  const me = useMe();

  return (
    <>
      <PageHeader
        title="Cijfers MDO's"
        description="De multidisciplinaire overleggen van een schooljaar per trimester, ondersteuningsniveau, uitkomst en werkgebied, met het jaar ervoor ernaast."
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={opties}
        onSchooljaar={setSchooljaar}
        download={{
          path: '/mdos/statistieken',
          query: { schooljaar },
          name: `mdo-statistieken-${schooljaar}`,
          label: `de MDO-cijfers van ${schooljaar}`,
        }}
      />
      <QueryState query={stats} loadingLabel="Cijfers laden…">
        {(data) =>
          allesNul(data.totaal) ? (
            <GeenCijfers
              title={`Geen MDO's in ${schooljaar}`}
              jarenLabel="Andere schooljaren:"
              jaren={metBudget}
              onJaar={setSchooljaar}
              terug={canRead(me, 'mdos') ? { to: '/mdos', label: "Naar de MDO's" } : undefined}
            >
              Er zijn in {schooljaar} geen MDO&apos;s geregistreerd.
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

function Cijfers({ stats }: { stats: MdoStatistieken }) {
  const vj = stats.vorigJaar;
  const trimesters = telrijen(stats.perTrimester, TRIMESTER_LABELS, vj.perTrimester);
  const niveaus = telrijen(stats.perNiveau, NIVEAU_LABELS, vj.perNiveau);
  const uitkomsten = telrijen(stats.perUitkomst, MDO_UITKOMST_LABELS, vj.perUitkomst);
  const uKleuren = kleurenVan(uitkomsten.map((r) => r.key));

  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 3, xl: 5 }}>
        <Stat
          label="MDO's"
          value={<MonitorCel aantal={stats.totaal} />}
          note={<Vergelijking nu={stats.totaal} vorig={vj.totaal} />}
          testId="totaal-mdos"
        />
        {trimesters.map((r) => (
          <Stat
            key={r.key}
            label={r.label}
            value={<MonitorCel aantal={alsTelling(r.aantal)} />}
            note={<Vergelijking nu={alsTelling(r.aantal)} vorig={alsTelling(r.vorigJaar ?? 0)} />}
          />
        ))}
        <Stat
          label="Met consulent"
          value={<MonitorCel aantal={stats.consulentAanwezig} />}
          note={
            <>
              {aandeel(waarde(stats.consulentAanwezig), waarde(stats.totaal))} van de MDO&apos;s; vorig jaar{' '}
              <MonitorCel aantal={vj.consulentAanwezig} />
            </>
          }
        />
      </Totalen>

      <SideBySide>
        <Section id="per-trimester" title="Per trimester, tegen vorig jaar">
          <JaarTegenJaar rows={trimesters} schooljaar={stats.schooljaar} column="Trimester" />
        </Section>
        <Section id="per-niveau" title="Per ondersteuningsniveau, tegen vorig jaar">
          <JaarTegenJaar rows={niveaus} schooljaar={stats.schooljaar} column="Niveau" />
        </Section>
      </SideBySide>

      <Section id="per-uitkomst" title="Per uitkomst">
        <Verdeling rows={uitkomsten} column="Uitkomst" kleuren={uKleuren} vorigJaar naast />
      </Section>
      <PerWerkgebied stats={stats} />
    </Stack>
  );
}

function PerWerkgebied({ stats }: { stats: MdoStatistieken }) {
  const rows = stats.perWerkgebied;
  const vorig = new Map(stats.vorigJaar.perWerkgebied.map((r) => [r.id ?? 'geen', r]));
  return (
    <Section id="per-werkgebied" title="Per werkgebied">
      {rows.length === 0 ? (
        <Text c="dimmed">Het samenwerkingsverband heeft geen werkgebieden.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl">
          <Box aria-hidden>
            <BarChart
              h={Math.max(160, rows.length * 40 + 60)}
              data={rows.map((r) => ({
                naam: r.naam,
                [stats.schooljaar]: r.perHonderdLeerlingen ?? null,
                'Vorig jaar': vorig.get(r.id ?? 'geen')?.perHonderdLeerlingen ?? null,
              }))}
              dataKey="naam"
              orientation="vertical"
              yAxisProps={{ width: 150, interval: 0, fontSize: 12 }}
              xAxisProps={decimaalAsProps(
                rows.flatMap((r) => [
                  r.perHonderdLeerlingen ?? 0,
                  vorig.get(r.id ?? 'geen')?.perHonderdLeerlingen ?? 0,
                ]),
              )}
              series={[
                { name: 'Vorig jaar', color: 'koers.2' },
                { name: stats.schooljaar, color: 'koers.8' },
              ]}
              withLegend
              tickLine="x"
              barChartProps={{ accessibilityLayer: false }}
              valueFormatter={(n) => formatDecimal(n)}
            />
            <Text size="xs" c="dimmed" ta="center">
              MDO&apos;s per 100 leerlingen
            </Text>
          </Box>
          <Box>
            <ScrollTable minWidth={640} label="MDO's per werkgebied">
              <Table withTableBorder striped className="tabular eerste-kolom-vast">
                <TableHead
                  cells={[
                    'Werkgebied',
                    { label: "MDO's", ta: 'right' },
                    ...NIVEAUS.map((n) => ({ label: `N${n}`, key: n, ta: 'right' as const })),
                    { label: 'Per 100 lln.', ta: 'right' },
                    { label: 'Vorig jaar', ta: 'right' },
                    { label: 'Per 100 vorig jaar', ta: 'right' },
                  ]}
                />
                <Table.Tbody>
                  {rows.map((r) => {
                    const v = vorig.get(r.id ?? 'geen');
                    return (
                      <Table.Tr key={r.id ?? 'geen'}>
                        <Table.Th scope="row" fw={400}>
                          {r.naam}
                        </Table.Th>
                        <Table.Td ta="right">
                          <MonitorCel aantal={r.totaal} />
                        </Table.Td>
                        {NIVEAUS.map((n) => (
                          <Table.Td key={n} ta="right">
                            <MonitorCel aantal={r.perNiveau[n] ?? 0} />
                          </Table.Td>
                        ))}
                        <Table.Td ta="right">{formatDecimal(r.perHonderdLeerlingen)}</Table.Td>
                        <Table.Td ta="right">
                          <MonitorCel aantal={v?.totaal ?? 0} />
                        </Table.Td>
                        <Table.Td ta="right">{formatDecimal(v?.perHonderdLeerlingen)}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Text size="xs" c="dimmed" mt="xs">
              N1-N4: ondersteuningsniveau 1 tot en met 4. Per 100 leerlingen: van de scholen van het werkgebied waarvan
              het leerlingaantal bekend is.
            </Text>
          </Box>
        </SimpleGrid>
      )}
    </Section>
  );
}
