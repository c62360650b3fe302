import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { arrangementen } from '../../api/resources';
import type { ArrangementStatistieken, Sector } from '../../api/types';
import {
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
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { aandeel, telrijen, type Telrij } from '../../lib/arrangementen';
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
          data.totaal === 0 ? (
            <GeenCijfers
              title={`Geen arrangementen in ${schooljaar}`}
              jarenLabel="Schooljaren met een budget:"
              jaren={metBudget}
              onJaar={setSchooljaar}
              terug={{ to: '/arrangementen', label: 'Naar de arrangementen' }}
            >
              Er zijn geen toegekende of beëindigde arrangementen die in {schooljaar} beginnen.
              {vorigJaarZin(data.vorigJaar.totaal)}
            </GeenCijfers>
          ) : (
            <Cijfers stats={data} />
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
      <Totalen cols={{ base: 1, xs: 2, md: 3, xl: 6 }}>
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
            midden={`${aandeel(stats.verlenging, stats.totaal)} verlengd`}
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
          <Verdeling rows={geslachten} column="Geslacht" kleuren={gKleuren} />
        </Section>
      </SideBySide>

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
