import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Box, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { thuiszitters } from '../../api/resources';
import type { ThuiszitterVervolg, Uitkomsten } from '../../api/types';
import { Section, Stat, telAs, Totalen } from '../../components/Cijfers';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { LoadingState, QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { aandeel } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatNumber } from '../../lib/format';
import { PERSPECTIEF_LABELS, UITKOMST_LABELS } from '../../lib/labels';
import { standaardVervolg } from '../../lib/thuiszitters';
import { usePeildata } from '../lookups';
import { DateField } from '../../components/DateField';

type Uitkomst = keyof typeof UITKOMST_LABELS;
const UITKOMSTEN = Object.keys(UITKOMST_LABELS) as Uitkomst[];

/** Back at school in green, little education in yellow, ended otherwise in grey, still at home in orange. */
const KLEUREN: Record<Uitkomst, string> = {
  weerOnderwijs: 'teal.7',
  weinigOnderwijs: 'yellow.6',
  beeindigdAnders: 'gray.6',
  nogThuis: 'orange.6',
};

/** `/thuiszitters/vervolg?van=&tot=`: where the pupils counted on one day are on a later one. */
export default function VervolgPage() {
  const peildata = usePeildata();
  const [params, setParams] = useSearchParams();
  const vandaag = vandaagNl();
  const standaard = peildata ? standaardVervolg(peildata, vandaag) : null;
  const van = params.get('van') ?? standaard?.van ?? '';
  const tot = params.get('tot') ?? standaard?.tot ?? '';
  // From the latest parameters, not those of this render: two quick changes both stay.
  const zet = (key: 'van' | 'tot', value: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  };
  const geldig = van !== '' && tot !== '' && van < tot;
  const vervolg = useQuery({
    queryKey: [thuiszitters.path, 'vervolg', van, tot],
    queryFn: () => thuiszitters.vervolg(van, tot),
    enabled: geldig,
    staleTime: 60_000,
  });

  return (
    <>
      <PageHeader
        title="Vervolg"
        description="Waar de leerlingen die op de ene dag als (dreigend) thuiszitter meetelden, op een latere dag zijn: weer naar school, weinig onderwijs omdat zorg voorgaat, anders beëindigd of nog thuis."
      />
      <Paper withBorder p="sm" radius="md" mb="lg">
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateField label="Geteld op" value={van} onChange={(v) => zet('van', v)} w={180} />
          <DateField
            label="Gevolgd tot"
            value={tot}
            onChange={(v) => zet('tot', v)}
            w={180}
            error={van && tot && van >= tot ? 'Na de dag van de telling' : undefined}
          />
        </Group>
      </Paper>
      {peildata === undefined && !params.get('van') ? (
        <LoadingState />
      ) : !geldig ? (
        <Alert color="gray" icon={<IconAlertTriangle aria-hidden />}>
          Kies de dag van de telling en een latere dag om de leerlingen tot dan te volgen.
        </Alert>
      ) : (
        <QueryState query={vervolg} loadingLabel="Vervolg laden…">
          {(data) => <Vervolg data={data} />}
        </QueryState>
      )}
    </>
  );
}

function Vervolg({ data }: { data: ThuiszitterVervolg }) {
  if (data.totaal === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text>
          Op {formatDate(data.van)} liep er geen dossier van een (dreigend) thuiszitter: er is niemand te volgen.
        </Text>
      </Paper>
    );
  }
  const perspectieven = [...Object.entries(PERSPECTIEF_LABELS), ['onbekend', 'Geen perspectief vastgelegd'] as const]
    .map(([key, label]) => ({ key, label, rij: data.perPerspectief[key] }))
    .filter((p): p is { key: string; label: string; rij: Uitkomsten } => (p.rij?.totaal ?? 0) > 0);
  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, md: 3, lg: 5 }}>
        <Stat
          label={`Geteld op ${formatDate(data.van)}`}
          value={formatNumber(data.totaal)}
          note="Dreigende thuiszitters meegeteld"
          testId="vervolg-totaal"
        />
        {UITKOMSTEN.map((u) => (
          <Stat
            key={u}
            label={UITKOMST_LABELS[u]}
            value={formatNumber(data[u])}
            note={`${aandeel(data[u], data.totaal)} op ${formatDate(data.tot)}`}
            testId={`vervolg-${u}`}
          />
        ))}
      </Totalen>

      <Section id="per-gemeente" title="Per gemeente">
        <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="xl">
          <Box aria-hidden>
            <BarChart
              h={Math.max(160, data.gemeenten.length * 44 + 70)}
              data={data.gemeenten.map((g) => ({
                naam: g.naam,
                ...Object.fromEntries(UITKOMSTEN.map((u) => [UITKOMST_LABELS[u], g[u]])),
              }))}
              dataKey="naam"
              type="stacked"
              orientation="vertical"
              yAxisProps={{ width: 130, interval: 0, fontSize: 12 }}
              xAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
              series={UITKOMSTEN.map((u) => ({ name: UITKOMST_LABELS[u], color: KLEUREN[u] }))}
              withLegend
              // In the order of the outcomes (from back at school to still at home), not by name.
              legendProps={{ itemSorter: null }}
              tickLine="x"
              barChartProps={{ accessibilityLayer: false }}
              valueFormatter={(n) => formatNumber(n)}
            />
          </Box>
          <UitkomstTabel
            label="Vervolg per gemeente"
            kolom="Gemeente"
            rijen={data.gemeenten.map((g) => ({ key: g.gemeenteId, label: g.naam, rij: g }))}
            totaal={data}
          />
        </SimpleGrid>
      </Section>

      <Section id="per-perspectief" title={`Per perspectief op ${formatDate(data.tot)}`}>
        {perspectieven.length === 0 ? (
          <Text c="dimmed">Op {formatDate(data.tot)} loopt geen van deze dossiers meer.</Text>
        ) : (
          <>
            <UitkomstTabel label="Vervolg per perspectief" kolom="Perspectief" rijen={perspectieven} />
            <Text size="sm" c="dimmed" mt="xs">
              Alleen de dossiers die op {formatDate(data.tot)} nog lopen; afgesloten dossiers hebben geen perspectief
              meer.
            </Text>
          </>
        )}
      </Section>
    </Stack>
  );
}

function UitkomstTabel({
  label,
  kolom,
  rijen,
  totaal,
}: {
  label: string;
  kolom: string;
  rijen: { key: string; label: string; rij: Uitkomsten }[];
  totaal?: Uitkomsten;
}) {
  return (
    <ScrollTable minWidth={560} label={label}>
      <Table withTableBorder striped className="tabular eerste-kolom-vast" verticalSpacing="xs">
        <TableHead
          cells={[
            kolom,
            ...UITKOMSTEN.map((u) => ({ label: UITKOMST_LABELS[u], ta: 'right' as const })),
            { label: 'Totaal', ta: 'right' },
          ]}
        />
        <Table.Tbody>
          {rijen.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>
                {r.label}
              </Table.Th>
              {UITKOMSTEN.map((u) => (
                <Table.Td key={u} ta="right">
                  {formatNumber(r.rij[u])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {formatNumber(r.rij.totaal)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {totaal && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Th scope="row">Totaal</Table.Th>
              {UITKOMSTEN.map((u) => (
                <Table.Td key={u} ta="right">
                  {formatNumber(totaal[u])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{formatNumber(totaal.totaal)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </ScrollTable>
  );
}
