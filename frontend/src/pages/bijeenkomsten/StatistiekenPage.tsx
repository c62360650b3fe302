import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Box,
  Card,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import type { Bereik, BijeenkomstSoort, Jaartelling, Statistieken } from '../../api/types';
import { FigureExport, Section } from '../../components/Cijfers';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { groupBySchoolbestuur, REACH_SCALE, reachSentence, reachShade } from '../../lib/bereik';
import { schooljaarKeuzes } from '../../lib/bijeenkomsten';
import { formatNumber, formatPercentage } from '../../lib/format';
import { BIJEENKOMST_SOORT_LABELS, options } from '../../lib/labels';
import { schooljaarNl } from '../../lib/tijd';
import { telAsProps } from '../../lib/assen';

type Query = { schooljaar: string; soort?: BijeenkomstSoort };
type Telling = Jaartelling;

const STALE = 60_000;

export default function StatistiekenPage() {
  const [params, setParams] = useSearchParams();
  const current = schooljaarNl(new Date());
  const schooljaar = params.get('schooljaar') ?? current;
  const soortParam = params.get('soort');
  const soort = soortParam && soortParam in BIJEENKOMST_SOORT_LABELS ? (soortParam as BijeenkomstSoort) : undefined;
  const query: Query = soort ? { schooljaar, soort } : { schooljaar };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const stats = useQuery({
    queryKey: ['/bijeenkomsten', 'statistieken', query],
    queryFn: async () => unwrap(await api.GET('/bijeenkomsten/statistieken', { params: { query } })),
    staleTime: STALE,
  });
  const bereik = useQuery({
    queryKey: ['/bijeenkomsten', 'bereik', query],
    queryFn: async () => unwrap(await api.GET('/bijeenkomsten/bereik', { params: { query } })),
    staleTime: STALE,
  });

  const years = schooljaarKeuzes(current);
  // A school year typed into the URL is still shown as chosen.
  if (!years.includes(schooljaar)) years.push(schooljaar);

  return (
    <>
      <PageHeader
        title="Statistieken bijeenkomsten"
        description="Opkomst en bereik van de bijeenkomsten in een schooljaar, geteld uit de aanmeldingen en de presentielijsten."
      />
      <Paper withBorder p="sm" radius="md" mb="lg">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Select
            label="Schooljaar"
            allowDeselect={false}
            data={years}
            value={schooljaar}
            onChange={(value) => set('schooljaar', value === current ? null : value)}
            w={180}
          />
          <Select
            label="Soort bijeenkomst"
            placeholder="Alle soorten"
            clearable
            data={options(BIJEENKOMST_SOORT_LABELS)}
            value={soort ?? null}
            onChange={(value) => set('soort', value)}
            w={240}
          />
        </Group>
      </Paper>

      <QueryState query={stats} loadingLabel="Cijfers laden…">
        {(data) =>
          data.totaal.bijeenkomsten === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Stack gap="xs" align="flex-start">
                <Title order={2} size="h3">
                  Geen bijeenkomsten in {schooljaar}
                </Title>
                <Text>
                  {soort
                    ? `Er zijn in dit schooljaar geen bijeenkomsten van de soort ${BIJEENKOMST_SOORT_LABELS[soort]}. Kies een andere soort of een ander schooljaar.`
                    : 'Kies een ander schooljaar, of plan bijeenkomsten: de cijfers verschijnen hier zodra er aanmeldingen en presentie zijn.'}
                </Text>
                <Anchor component={Link} to="/bijeenkomsten">
                  Naar de bijeenkomsten
                </Anchor>
              </Stack>
            </Paper>
          ) : (
            <Stack gap="xl">
              <Totals stats={data} bereik={bereik.data} />
              <PerSoort stats={data} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
                <Deelname
                  id="per-bestuur"
                  title="Aanwezig per schoolbestuur"
                  column="Schoolbestuur"
                  rows={data.perSchoolbestuur.map((r) => ({
                    key: r.id ?? 'onbekend',
                    naam: r.naam,
                    aanwezig: r.aanwezig,
                  }))}
                />
                <Deelname
                  id="per-functie"
                  title="Aanwezig per functie"
                  column="Functie"
                  rows={data.perFunctie.map((r) => ({ key: r.functie, naam: r.naam, aanwezig: r.aanwezig }))}
                />
              </SimpleGrid>
            </Stack>
          )
        }
      </QueryState>

      {/* Without meetings every school would be a "not reached" tile: the empty state says it better. */}
      {stats.data && stats.data.totaal.bijeenkomsten > 0 && (
        <Box mt="xl">
          <QueryState query={bereik} loadingLabel="Bereik laden…" errorTitle="Het bereik kon niet worden geladen">
            {(data) => <BereikSection bereik={data} query={query} />}
          </QueryState>
        </Box>
      )}
    </>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card component="li" withBorder radius="md" padding="md">
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} c="koers.8">
        {value}
      </Text>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </Card>
  );
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '' : `${Math.round((part / whole) * 100)}%`;
}

function Totals({ stats, bereik }: { stats: Statistieken; bereik: Bereik | undefined }) {
  const t = stats.totaal;
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 2, md: 4 }}
      spacing="md"
      component="ul"
      aria-label="Totalen"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      <Stat
        label="Bijeenkomsten"
        value={formatNumber(t.bijeenkomsten)}
        note={`${formatNumber(t.doorgegaan)} doorgegaan, ${formatNumber(t.geannuleerd)} geannuleerd, ${formatNumber(t.gepland)} gepland`}
      />
      <Stat label="Aangemeld" value={formatNumber(t.aangemeld)} note={`${formatNumber(t.afgemeld)} afgemeld`} />
      <Stat
        label="Aanwezig"
        value={formatNumber(t.aanwezig)}
        note={
          t.opkomstPercentage != null
            ? `${formatPercentage(t.opkomstPercentage)} van wie zich aanmeldde voor bijeenkomsten die al begonnen; ${formatNumber(t.noShow)} no-show`
            : t.aangemeld > 0
              ? 'Nog geen bijeenkomst begonnen'
              : undefined
        }
      />
      <Stat
        label="Scholen bereikt"
        value={
          bereik ? `${formatNumber(bereik.totaal.scholenBereikt)} van ${formatNumber(bereik.totaal.scholen)}` : '…'
        }
        note={bereik ? reachSentence(bereik.totaal.scholenBereikt, bereik.totaal.scholen) : undefined}
      />
    </SimpleGrid>
  );
}

function streef(t: Telling): string {
  return t.metStreef === 0 ? '–' : `${t.streefBehaald} van ${t.metStreef}`;
}

const COUNT_COLUMNS: [keyof Telling, string][] = [
  ['bijeenkomsten', 'Bijeenkomsten'],
  ['doorgegaan', 'Doorgegaan'],
  ['geannuleerd', 'Geannuleerd'],
  ['aangemeld', 'Aangemeld'],
  ['aanwezig', 'Aanwezig'],
  ['noShow', 'No-show'],
  ['afgemeld', 'Afgemeld'],
];

function PerSoort({ stats }: { stats: Statistieken }) {
  const rows = stats.perSoort;
  const chart = rows.map((r) => ({ soort: r.naam, Aangemeld: r.aangemeld, Aanwezig: r.aanwezig }));
  return (
    <Section id="per-soort" title="Per soort bijeenkomst">
      <Table.ScrollContainer minWidth={940}>
        <Table striped withTableBorder highlightOnHover>
          <Table.Caption>
            Opkomst: aanwezig van wie zich aanmeldde voor bijeenkomsten die al begonnen (en niet geannuleerd zijn).
            Streef behaald: bij hoeveel bijeenkomsten met een streefopkomst die is gehaald.
          </Table.Caption>
          <TableHead
            cells={[
              'Soort',
              ...COUNT_COLUMNS.map(([key, label]) => ({ key, label, ta: 'right' as const })),
              { label: 'Opkomst', ta: 'right' },
              { label: 'Streef behaald', ta: 'right' },
            ]}
          />
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.soort}>
                <Table.Th scope="row" fw={500}>
                  {r.naam}
                </Table.Th>
                {COUNT_COLUMNS.map(([key]) => (
                  <Table.Td key={key} ta="right">
                    {formatNumber(r[key])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatPercentage(r.opkomstPercentage) || '–'}</Table.Td>
                <Table.Td ta="right">
                  {r.metStreef > 0 ? (
                    <Badge
                      variant="light"
                      color={r.streefBehaald === r.metStreef ? 'green' : r.streefBehaald === 0 ? 'red' : 'orange'}
                    >
                      {streef(r)}
                    </Badge>
                  ) : (
                    '–'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {rows.length > 1 && (
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th scope="row">Totaal</Table.Th>
                {COUNT_COLUMNS.map(([key]) => (
                  <Table.Td key={key} ta="right">
                    {formatNumber(stats.totaal[key])}
                  </Table.Td>
                ))}
                <Table.Td ta="right">{formatPercentage(stats.totaal.opkomstPercentage) || '–'}</Table.Td>
                <Table.Td ta="right">{streef(stats.totaal)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
      {/* The same figures as the table, which is what screen readers get. */}
      <Box mt="md" aria-hidden>
        <Text size="sm" fw={600} mb={4}>
          Aanwezig tegenover aangemeld
        </Text>
        <BarChart
          h={280}
          data={chart}
          dataKey="soort"
          series={[
            { name: 'Aangemeld', color: 'koers.2' },
            { name: 'Aanwezig', color: 'koers.8' },
          ]}
          withLegend
          tickLine="y"
          yAxisProps={telAsProps(rows.flatMap((r) => [r.aangemeld, r.aanwezig]))}
          barChartProps={{ accessibilityLayer: false }}
          valueFormatter={(n) => formatNumber(n)}
        />
      </Box>
    </Section>
  );
}

interface DeelnameRow {
  key: string;
  naam: string;
  aanwezig: number;
}

function Deelname({ id, title, column, rows }: { id: string; title: string; column: string; rows: DeelnameRow[] }) {
  const total = rows.reduce((n, r) => n + r.aanwezig, 0);
  return (
    <Section id={id} title={title}>
      {rows.length === 0 ? (
        <Text c="dimmed">Nog niemand aanwezig gemeld.</Text>
      ) : (
        <Stack gap="md">
          <Box aria-hidden>
            <BarChart
              // Room for board names over two lines, so the labels do not run into each other.
              h={Math.max(120, rows.length * 40 + 40)}
              data={rows.map((r) => ({ naam: r.naam, Aanwezig: r.aanwezig }))}
              dataKey="naam"
              orientation="vertical"
              yAxisProps={{ width: 190, interval: 0, fontSize: 12 }}
              xAxisProps={telAsProps(rows.map((r) => r.aanwezig))}
              series={[{ name: 'Aanwezig', color: 'koers.7' }]}
              tickLine="x"
              barChartProps={{ accessibilityLayer: false }}
              valueFormatter={(n) => formatNumber(n)}
            />
          </Box>
          <Table withTableBorder striped>
            <TableHead cells={[column, { label: 'Aanwezig', ta: 'right' }, { label: 'Aandeel', ta: 'right' }]} />
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>{r.naam}</Table.Td>
                  <Table.Td ta="right">{formatNumber(r.aanwezig)}</Table.Td>
                  <Table.Td ta="right">{pct(r.aanwezig, total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Section>
  );
}

function ExportBereik({ query }: { query: Query }) {
  return (
    <FigureExport
      path="/bijeenkomsten/bereik"
      query={query.soort ? { schooljaar: query.schooljaar, soort: query.soort } : { schooljaar: query.schooljaar }}
      name={`bereik-${query.schooljaar}`}
      label={`het bereik van ${query.schooljaar}`}
    />
  );
}

function BereikSection({ bereik, query }: { bereik: Bereik; query: Query }) {
  const groups = groupBySchoolbestuur(bereik.scholen);
  const notReached = bereik.scholen.filter((s) => s.aanwezig === 0).sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  return (
    <Stack gap="xl">
      <Section id="bereik" title="Bereik onder de scholen" actions={<ExportBereik query={query} />}>
        <Text mb="md" fw={600} data-testid="bereik-totaal">
          {reachSentence(bereik.totaal.scholenBereikt, bereik.totaal.scholen)}
          {query.soort ? ` met ${BIJEENKOMST_SOORT_LABELS[query.soort]}` : ''} in {bereik.schooljaar}
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table withTableBorder striped>
            <TableHead
              cells={[
                'Schoolbestuur',
                { label: 'Scholen', ta: 'right' },
                { label: 'Bereikt', ta: 'right' },
                { label: 'Aanwezig', ta: 'right' },
              ]}
            />
            <Table.Tbody>
              {bereik.schoolbesturen.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Td>{b.naam}</Table.Td>
                  <Table.Td ta="right">{formatNumber(b.scholen)}</Table.Td>
                  <Table.Td ta="right">
                    {formatNumber(b.scholenBereikt)} ({pct(b.scholenBereikt, b.scholen) || '0%'})
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(b.aanwezig)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section id="bereikkaart" title="Bereikkaart">
        <Text size="sm" mb="xs">
          Elke tegel is een school, gegroepeerd per schoolbestuur; de kleur zegt hoeveel deelnemers van die school
          aanwezig waren.
        </Text>
        <Group gap="xs" mb="md" component="ul" aria-label="Legenda" style={{ listStyle: 'none', padding: 0 }}>
          {REACH_SCALE.map((step) => (
            <Group key={step.label} component="li" gap={6} wrap="nowrap">
              <Box
                w={18}
                h={18}
                style={{
                  background: step.background,
                  border: step.notReached ? '2px dashed var(--mantine-color-gray-6)' : '1px solid rgba(0,0,0,.15)',
                  borderRadius: 3,
                }}
                aria-hidden
              />
              <Text size="sm">{step.label}</Text>
            </Group>
          ))}
        </Group>
        <Stack gap="lg">
          {groups.map((g) => (
            <Box key={g.id} component="section" aria-labelledby={`bestuur-${g.id}`}>
              <Title order={3} size="h5" id={`bestuur-${g.id}`} mb={6}>
                {g.naam}{' '}
                <Text span size="sm" c="dimmed" fw={400}>
                  · {g.reached} van {g.schools.length} bereikt
                </Text>
              </Title>
              <SimpleGrid
                cols={{ base: 2, xs: 3, sm: 4, lg: 6 }}
                spacing={6}
                component="ul"
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {g.schools.map((s) => {
                  const shade = reachShade(s.aanwezig);
                  return (
                    <Box
                      key={s.id}
                      component="li"
                      p={8}
                      data-testid="bereik-tegel"
                      title={`${s.naam} (${s.brin})`}
                      style={{
                        background: shade.background,
                        color: shade.color,
                        border: shade.notReached
                          ? '2px dashed var(--mantine-color-gray-6)'
                          : '1px solid rgba(0,0,0,.12)',
                        borderRadius: 6,
                        minHeight: 64,
                      }}
                    >
                      <Text size="xs" fw={600} lh={1.25} style={{ overflowWrap: 'anywhere' }} c="inherit">
                        {s.naam}
                      </Text>
                      <Text size="xs" lh={1.3} c="inherit">
                        {shade.notReached ? 'Niet bereikt' : `${formatNumber(s.aanwezig)} aanwezig`}
                      </Text>
                    </Box>
                  );
                })}
              </SimpleGrid>
            </Box>
          ))}
        </Stack>
      </Section>

      <Section id="niet-bereikt" title={`Scholen zonder deelname (${notReached.length})`}>
        {notReached.length === 0 ? (
          <Text>Elke school was minstens één keer aanwezig.</Text>
        ) : (
          <List size="sm" spacing={2} style={{ columns: '18rem', columnGap: '2rem' }}>
            {notReached.map((s) => (
              <List.Item key={s.id}>
                {s.naam}{' '}
                <Text span size="xs" c="dimmed">
                  ({s.brin}, {s.schoolbestuurNaam})
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}
