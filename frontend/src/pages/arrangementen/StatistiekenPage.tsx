import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { arrangementen } from '../../api/resources';
import type { ArrangementStatistieken, Sector } from '../../api/types';
import { FigureExport, kleurenVan, SchooljaarSelect, Section, Stat, telAs, Teltabel } from '../../components/Cijfers';
import { ScrollTable } from '../../components/ScrollTable';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { aandeel, telrijen, verschilTekst, type Telrij } from '../../lib/arrangementen';
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
import { useSchooljaar } from './hooks';

const STALE = 60_000;

/** "Groep 1" … "Groep 8", "Onbekend": the keys the API gives, in number order. */
function leerjaarLabels(keys: string[], sector: Sector | undefined): Record<string, string> {
  const nummers = keys.filter((k) => k !== 'onbekend').sort((a, b) => Number(a) - Number(b));
  return Object.fromEntries([
    ...nummers.map((k) => [k, `${leerjaarLabel(sector)} ${k}`]),
    ['onbekend', 'Onbekend'],
  ]) as Record<string, string>;
}

export default function ArrangementStatistiekenPage() {
  const { schooljaar, opties, setSchooljaar, metBudget } = useSchooljaar();
  const stats = useQuery({
    queryKey: [arrangementen.path, 'statistieken', schooljaar],
    queryFn: () => arrangementen.statistieken(schooljaar),
    staleTime: STALE,
  });

  return (
    <>
      <PageHeader
        title="Cijfers arrangementen"
        description="Toegekende en beëindigde arrangementen die in het schooljaar beginnen, met het jaar ervoor ernaast."
      />
      <Paper withBorder p="sm" radius="md" mb="lg">
        <Group align="flex-end" justify="space-between" gap="md" wrap="wrap">
          <SchooljaarSelect value={schooljaar} options={opties} onChange={setSchooljaar} />
          <FigureExport
            path="/arrangementen/statistieken"
            query={{ schooljaar }}
            name={`arrangementen-statistieken-${schooljaar}`}
            label={`de cijfers van ${schooljaar}`}
          />
        </Group>
      </Paper>
      <QueryState query={stats} loadingLabel="Cijfers laden…">
        {(data) =>
          data.totaal === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm" align="flex-start">
                <Title order={2} size="h3">
                  Geen arrangementen in {schooljaar}
                </Title>
                <Text>
                  Er zijn geen toegekende of beëindigde arrangementen die in {schooljaar} beginnen.
                  {data.vorigJaar.totaal > 0
                    ? ` Het jaar ervoor waren het er ${formatNumber(data.vorigJaar.totaal)}.`
                    : ''}
                </Text>
                {metBudget.length > 0 && (
                  <Group gap="xs">
                    <Text size="sm">Schooljaren met een budget:</Text>
                    {metBudget.slice(0, 4).map((j) => (
                      <Button key={j} size="xs" variant="default" onClick={() => setSchooljaar(j)}>
                        {j}
                      </Button>
                    ))}
                  </Group>
                )}
                <Button component={Link} to="/arrangementen" variant="subtle" px={0}>
                  Naar de arrangementen
                </Button>
              </Stack>
            </Paper>
          ) : (
            <Cijfers stats={data} />
          )
        }
      </QueryState>
    </>
  );
}

function Vergelijking({ nu, vorig }: { nu: number; vorig: number }) {
  return (
    <>
      Vorig jaar {formatNumber(vorig)}; <span className="nowrap">{verschilTekst(nu, vorig)}</span>
    </>
  );
}

function Cijfers({ stats }: { stats: ArrangementStatistieken }) {
  const sector = useSector();
  const vj = stats.vorigJaar;
  const soorten = telrijen(stats.perSoort, ARRANGEMENT_SOORT_LABELS, vj.perSoort);
  const nieuwVerlenging: Telrij[] = [
    { key: 'nieuw', label: 'Nieuw', aantal: stats.nieuw, vorigJaar: vj.totaal - vj.verlenging },
    { key: 'verlenging', label: 'Verlenging', aantal: stats.verlenging, vorigJaar: vj.verlenging },
  ];
  const categorieen = telrijen(stats.perCategorie, CATEGORIE_LABELS);
  const leerjaren = telrijen(stats.perLeerjaar, leerjaarLabels(Object.keys(stats.perLeerjaar), sector));
  const geslachten = telrijen(stats.perGeslacht, GESLACHT_LABELS);
  const trimesters = telrijen(stats.perTrimester, TRIMESTER_LABELS);
  const nvKleuren = { nieuw: 'koers.7', verlenging: 'orange.6' };
  const gKleuren = kleurenVan(geslachten.map((r) => r.key));

  return (
    <Stack gap="xl">
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 3, xl: 6 }}
        spacing="md"
        component="ul"
        aria-label="Totalen"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        <Stat
          label="Arrangementen"
          value={formatNumber(stats.totaal)}
          note={<Vergelijking nu={stats.totaal} vorig={vj.totaal} />}
          testId="totaal-arrangementen"
        />
        {soorten.map((r) => (
          <Stat
            key={r.key}
            label={r.label}
            value={formatNumber(r.aantal)}
            note={<Vergelijking nu={r.aantal} vorig={r.vorigJaar ?? 0} />}
          />
        ))}
        <Stat
          label="Nieuw"
          value={formatNumber(stats.nieuw)}
          note={`${aandeel(stats.nieuw, stats.totaal)} van het totaal`}
        />
        <Stat
          label="Verlengingen"
          value={formatNumber(stats.verlenging)}
          note={<Vergelijking nu={stats.verlenging} vorig={vj.verlenging} />}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Section id="per-soort" title="Per soort, tegen vorig jaar">
          <Stack gap="md">
            <Box aria-hidden>
              <BarChart
                h={240}
                data={soorten.map((r) => ({ soort: r.label, [stats.schooljaar]: r.aantal, 'Vorig jaar': r.vorigJaar }))}
                dataKey="soort"
                series={[
                  { name: 'Vorig jaar', color: 'koers.2' },
                  { name: stats.schooljaar, color: 'koers.8' },
                ]}
                withLegend
                tickLine="y"
                yAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
                barChartProps={{ accessibilityLayer: false }}
                valueFormatter={(n) => formatNumber(n)}
              />
            </Box>
            <Teltabel column="Soort" rows={soorten} total={stats.totaal} vorigJaar />
          </Stack>
        </Section>

        <Section id="nieuw-verlenging" title="Nieuw en verlenging">
          <Stack gap="md">
            <Group justify="center" aria-hidden>
              <DonutChart
                size={200}
                thickness={34}
                data={nieuwVerlenging.map((r) => ({
                  name: r.label,
                  value: r.aantal,
                  color: nvKleuren[r.key as keyof typeof nvKleuren],
                }))}
                tooltipDataSource="segment"
                valueFormatter={(n) => formatNumber(n)}
                chartLabel={`${aandeel(stats.verlenging, stats.totaal)} verlengd`}
                pieProps={{ isAnimationActive: false, rootTabIndex: -1 }}
                accessibilityLayer={false}
              />
            </Group>
            <Teltabel column="Soort aanvraag" rows={nieuwVerlenging} vorigJaar kleuren={nvKleuren} />
          </Stack>
        </Section>
      </SimpleGrid>

      <Section id="per-categorie" title="Per ondersteuningscategorie">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Box aria-hidden>
            <BarChart
              h={Math.max(200, categorieen.length * 34 + 40)}
              data={categorieen.map((r) => ({
                categorie: (CATEGORIE_KORT as Record<string, string | undefined>)[r.key] ?? r.label,
                Arrangementen: r.aantal,
              }))}
              dataKey="categorie"
              orientation="vertical"
              yAxisProps={{ width: 150, interval: 0, fontSize: 12 }}
              xAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
              series={[{ name: 'Arrangementen', color: 'koers.7' }]}
              tickLine="x"
              barChartProps={{ accessibilityLayer: false }}
              valueFormatter={(n) => formatNumber(n)}
            />
          </Box>
          <Teltabel column="Categorie" rows={categorieen} total={stats.totaal} />
        </SimpleGrid>
      </Section>

      <Section id="per-leerjaar" title={`Per ${leerjaarLabel(sector).toLowerCase()}`}>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Box aria-hidden>
            <BarChart
              h={220}
              data={leerjaren.map((r) => ({ jaar: r.key === 'onbekend' ? 'Onb.' : r.key, Arrangementen: r.aantal }))}
              dataKey="jaar"
              series={[{ name: 'Arrangementen', color: 'koers.7' }]}
              tickLine="y"
              yAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
              barChartProps={{ accessibilityLayer: false }}
              valueFormatter={(n) => formatNumber(n)}
            />
          </Box>
          <Teltabel column={leerjaarLabel(sector)} rows={leerjaren} total={stats.totaal} />
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Section id="per-trimester" title="Per trimester (naar startdatum)">
          <Stack gap="md">
            <Box aria-hidden>
              <BarChart
                h={220}
                data={trimesters.map((r) => ({ trimester: r.label, Arrangementen: r.aantal }))}
                dataKey="trimester"
                series={[{ name: 'Arrangementen', color: 'koers.7' }]}
                tickLine="y"
                yAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
                barChartProps={{ accessibilityLayer: false }}
                valueFormatter={(n) => formatNumber(n)}
              />
            </Box>
            <Teltabel column="Trimester" rows={trimesters} total={stats.totaal} />
          </Stack>
        </Section>
        <Section id="per-geslacht" title="Per geslacht (individuele arrangementen)">
          <Stack gap="md">
            <Group justify="center" aria-hidden>
              <DonutChart
                size={200}
                thickness={34}
                data={geslachten
                  .filter((r) => r.aantal > 0)
                  .map((r) => ({ name: r.label, value: r.aantal, color: gKleuren[r.key] ?? 'gray.6' }))}
                tooltipDataSource="segment"
                valueFormatter={(n) => formatNumber(n)}
                pieProps={{ isAnimationActive: false, rootTabIndex: -1 }}
                accessibilityLayer={false}
              />
            </Group>
            <Teltabel column="Geslacht" rows={geslachten} kleuren={gKleuren} />
          </Stack>
        </Section>
      </SimpleGrid>

      <PerWerkgebied stats={stats} />
    </Stack>
  );
}

function PerWerkgebied({ stats }: { stats: ArrangementStatistieken }) {
  const rows = stats.perWerkgebied;
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
                Individueel: r.perSoort.individueel ?? 0,
                Groep: r.perSoort.groep ?? 0,
                Innovatie: r.perSoort.innovatie ?? 0,
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
                    <Table.Td ta="right">{formatNumber(r.totaal)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.perSoort.individueel ?? 0)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.perSoort.groep ?? 0)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.perSoort.innovatie ?? 0)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.verlenging)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr fw={700}>
                  <Table.Th scope="row">Totaal</Table.Th>
                  <Table.Td ta="right">{formatNumber(stats.totaal)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(stats.perSoort.individueel ?? 0)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(stats.perSoort.groep ?? 0)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(stats.perSoort.innovatie ?? 0)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(stats.verlenging)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      )}
    </Section>
  );
}
