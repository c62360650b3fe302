import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Anchor, Badge, Box, Button, Grid, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconList } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { BudgetOverzicht, BudgetRegel } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { CijferBalk, GeenCijfers, Section, Stat, Totalen } from '../../components/Cijfers';
import { LinkButton, NewButton } from '../../components/LinkButton';
import { ScrollTable } from '../../components/ScrollTable';
import { PageHeader } from '../../components/PageHeader';
import { SignalBadge } from '../../components/SignalCounts';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { budgetGrafiek, schooljaarGrenzen } from '../../lib/arrangementen';
import { formatDate, formatEuro, formatEuroKort, formatMaand, formatPercentage } from '../../lib/format';
import { useBudget, useSchooljaar } from '../arrangementen/hooks';
import { DateField } from '../../components/DateField';

export default function BudgetPage() {
  const { schooljaar, opties, setSchooljaar, metBudget, params, set } = useSchooljaar();
  const peildatum = params.get('peildatum') ?? undefined;
  const budget = useBudget(schooljaar, peildatum);
  const beheer = useCanWrite('budgetten');
  const query: Record<string, string> = peildatum ? { schooljaar, peildatum } : { schooljaar };
  // A peildatum belongs to its year: a new year starts from today again.
  const kiesJaar = (jaar: string) => {
    set('peildatum', null);
    setSchooljaar(jaar);
  };

  return (
    <>
      <PageHeader
        title="Budget werkgebieden"
        description="Het budget per werkgebied tegen de toegekende arrangementen. Een arrangement telt naar dagen mee in het schooljaar waarin zijn periode valt; besteed is het deel tot en met de peildatum."
        actions={
          <>
            <LinkButton to={`/budget/budgetten?schooljaar=${schooljaar}`} icon={IconList} variant="default">
              Budgetten {schooljaar}
            </LinkButton>
            {beheer && <NewButton to={`/budget/budgetten/nieuw?schooljaar=${schooljaar}`}>Budget toevoegen</NewButton>}
          </>
        }
      />
      <CijferBalk
        schooljaar={schooljaar}
        opties={opties}
        onSchooljaar={kiesJaar}
        download={{
          path: '/arrangementen/budget',
          query,
          name: `budget-werkgebieden-${schooljaar}`,
          label: `het budget van ${schooljaar}`,
        }}
      >
        <DateField
          label="Peildatum"
          w={160}
          value={peildatum ?? budget.data?.peildatum ?? ''}
          onChange={(v) => set('peildatum', v || null)}
        />
        {peildatum && (
          <Button variant="subtle" onClick={() => set('peildatum', null)}>
            Vandaag
          </Button>
        )}
      </CijferBalk>

      <QueryState query={budget} loadingLabel="Budget laden…">
        {(data) =>
          data.totaal.budgetCent === 0 && data.totaal.toegekendCent === 0 ? (
            <GeenCijfers
              title={`Geen budget en geen toegekende arrangementen in ${schooljaar}`}
              jarenLabel="Schooljaren met een budget:"
              jaren={metBudget}
              onJaar={kiesJaar}
            >
              {beheer
                ? 'Leg het budget van elk werkgebied vast met "Budget toevoegen"; extra budget in de loop van het jaar is een eigen regel.'
                : 'Zodra een beheerder de budgetten van dit schooljaar vastlegt, staat hier hoe elk werkgebied ervoor staat.'}
            </GeenCijfers>
          ) : (
            <Overzicht data={data} />
          )
        }
      </QueryState>
    </>
  );
}

function Overzicht({ data }: { data: BudgetOverzicht }) {
  const t = data.totaal;
  const grenzen = schooljaarGrenzen(data.schooljaar);
  const voorJaar = grenzen !== null && data.peildatum < grenzen.van;
  return (
    <Stack gap="xl">
      <Totalen cols={{ base: 1, xs: 2, lg: 5 }}>
        <Stat
          size="sm"
          label="Budget"
          value={formatEuro(t.budgetCent)}
          note={`${data.werkgebieden.length} werkgebieden`}
        />
        <Stat
          size="sm"
          label="Toegekend"
          value={formatEuro(t.toegekendCent)}
          note={
            t.budgetCent > 0 ? `${formatPercentage((t.toegekendCent / t.budgetCent) * 100)} van het budget` : undefined
          }
          testId="totaal-toegekend"
        />
        <Stat
          size="sm"
          label="Besteed"
          value={formatEuro(t.besteedCent)}
          note={`tot en met ${formatDate(data.peildatum)}${t.percentageBesteed === null ? '' : `: ${formatPercentage(t.percentageBesteed)}`}`}
        />
        <Stat
          size="sm"
          label="Restant"
          value={
            <Text inherit c={t.restantCent < 0 ? 'red.9' : undefined} span>
              {formatEuro(t.restantCent)}
            </Text>
          }
          note="budget min toegekend"
        />
        <Stat size="sm" label="Prognose" value={formatEuro(t.prognoseCent)} note={prognoseUitleg(t)}>
          <Box mt={6}>
            <SignalBadge signaal={t.signaal} />
          </Box>
        </Stat>
      </Totalen>
      {voorJaar && (
        <Text size="sm" c="dimmed">
          De peildatum ligt voor het begin van het schooljaar: er is nog niets besteed.
        </Text>
      )}
      <Section id="per-werkgebied" title="Per werkgebied">
        <BudgetTabel data={data} />
      </Section>
      <Verloop data={data} />
    </Stack>
  );
}

function prognoseUitleg(r: BudgetRegel): string {
  return r.prognoseMethode === 'vorig_jaar'
    ? 'eind van het jaar, volgens het verloop van vorig jaar'
    : 'gelijk aan toegekend (geen verloop van vorig jaar om mee te rekenen)';
}

const KOLOMMEN: { label: string; cel: (r: BudgetRegel) => ReactNode }[] = [
  { label: 'Budget', cel: (r) => formatEuro(r.budgetCent) },
  { label: 'Toegekend', cel: (r) => formatEuro(r.toegekendCent) },
  { label: 'Besteed', cel: (r) => formatEuro(r.besteedCent) },
  {
    label: 'Restant',
    cel: (r) => (
      <Text span inherit c={r.restantCent < 0 ? 'red.9' : undefined} fw={r.restantCent < 0 ? 700 : undefined}>
        {formatEuro(r.restantCent)}
      </Text>
    ),
  },
  { label: '% besteed', cel: (r) => (r.percentageBesteed === null ? '–' : formatPercentage(r.percentageBesteed)) },
  {
    label: 'Prognose',
    cel: (r) => (
      <span title={prognoseUitleg(r)}>
        {formatEuro(r.prognoseCent)}
        {r.prognoseMethode === 'geen' ? '*' : ''}
      </span>
    ),
  },
];

function BudgetTabel({ data }: { data: BudgetOverzicht }) {
  const zonderVerloop = [...data.werkgebieden, data.totaal].some((r) => r.prognoseMethode === 'geen');
  const rij = (r: BudgetRegel, totaal = false) => (
    <Table.Tr key={totaal ? 'totaal' : (r.id ?? 'geen')} fw={totaal ? 700 : undefined} data-testid="budget-rij">
      <Table.Th scope="row" fw={totaal ? 700 : 500}>
        {totaal || !r.id ? (
          totaal ? (
            'Totaal'
          ) : (
            r.naam
          )
        ) : (
          // The budget records behind the figure.
          <Anchor component={Link} to={`/budget/budgetten?schooljaar=${data.schooljaar}&werkgebiedId=${r.id}`} inherit>
            {r.naam}
          </Anchor>
        )}
      </Table.Th>
      {KOLOMMEN.map((k) => (
        <Table.Td key={k.label} ta="right" className="nowrap">
          {k.cel(r)}
        </Table.Td>
      ))}
      <Table.Td>
        <SignalBadge signaal={r.signaal} />
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder radius="md">
      <ScrollTable minWidth={860} label="Budget per werkgebied">
        <Table
          striped
          highlightOnHover
          className="tabular eerste-kolom-vast"
          aria-label={`Budget per werkgebied in ${data.schooljaar}`}
        >
          <TableHead
            cells={['Werkgebied', ...KOLOMMEN.map((k) => ({ label: k.label, ta: 'right' as const })), 'Signaal']}
          />
          <Table.Tbody>{data.werkgebieden.map((r) => rij(r))}</Table.Tbody>
          <Table.Tfoot>{rij(data.totaal, true)}</Table.Tfoot>
        </Table>
      </ScrollTable>
      <Text size="xs" c="dimmed" p="sm">
        Signaal: op koers als de prognose binnen het budget blijft, aandacht tot 10% erboven, risico daarboven.
        {zonderVerloop ? ' * Geen verloop van vorig jaar: de prognose is wat nu is toegekend.' : ''}
      </Text>
    </Paper>
  );
}

/** The burn-down of one werkgebied (or the total): cumulative grants per month against the budget and the estimate. */
function Verloop({ data }: { data: BudgetOverzicht }) {
  const { params, set } = useSchooljaar();
  const gekozen = params.get('werkgebied') ?? 'totaal';
  const regels = data.werkgebieden;
  const regel = regels.find((r) => (r.id ?? 'geen') === gekozen) ?? data.totaal;
  const punten = budgetGrafiek(regel, formatMaand);
  const metPrognose = punten.some((p) => p.Prognose !== undefined);
  const peilMaand = formatMaand(data.peildatum.slice(0, 7));
  const inJaar = punten.some((p) => p.maand === peilMaand);

  return (
    <Section
      id="verloop"
      title={`Verloop per maand: ${regel === data.totaal ? 'totaal' : regel.naam}`}
      actions={
        <Select
          label="Werkgebied"
          allowDeselect={false}
          data={[
            { value: 'totaal', label: 'Totaal' },
            ...regels.map((r) => ({ value: r.id ?? 'geen', label: r.naam })),
          ]}
          value={regel === data.totaal ? 'totaal' : (regel.id ?? 'geen')}
          onChange={(v) => set('werkgebied', v === 'totaal' ? null : v)}
          w={220}
          comboboxProps={{ withinPortal: true }}
        />
      }
    >
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Group gap="xs" mb="xs">
            <SignalBadge signaal={regel.signaal} />
            <Text size="sm">
              Toegekend {formatEuro(regel.toegekendCent)} van {formatEuro(regel.budgetCent)}; prognose{' '}
              {formatEuro(regel.prognoseCent)}.
            </Text>
          </Group>
          {/* The same figures as the table beside it, which is what screen readers get. */}
          <Box aria-hidden data-testid="burndown">
            <LineChart
              h={320}
              data={punten}
              dataKey="maand"
              series={[
                { name: 'Toegekend', label: 'Toegekend (cumulatief)', color: 'koers.7' },
                { name: 'Budget', color: 'red.8', strokeDasharray: '6 4' },
                ...(metPrognose
                  ? [{ name: 'Prognose', label: 'Prognose', color: 'orange.7', strokeDasharray: '2 3' }]
                  : []),
              ]}
              curveType="linear"
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              yAxisProps={{ width: 90 }}
              xAxisProps={{ interval: 'preserveStartEnd' }}
              valueFormatter={formatEuroKort}
              referenceLines={inJaar ? [{ x: peilMaand, label: 'Peildatum', color: 'gray.7' }] : []}
              lineChartProps={{ accessibilityLayer: false }}
              withDots={false}
            />
          </Box>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Table striped withTableBorder className="tabular" fz="sm" horizontalSpacing="xs" verticalSpacing={4}>
            <Table.Caption>Toegekend per maand en opgeteld</Table.Caption>
            <TableHead cells={['Maand', { label: 'In de maand', ta: 'right' }, { label: 'Cumulatief', ta: 'right' }]} />
            <Table.Tbody>
              {regel.perMaand.map((m) => (
                <Table.Tr key={m.maand}>
                  <Table.Th scope="row" fw={400}>
                    {formatMaand(m.maand)}
                  </Table.Th>
                  <Table.Td ta="right">{formatEuro(m.toegekendCent)}</Table.Td>
                  <Table.Td ta="right">{formatEuro(m.cumulatiefCent)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {regel.budgetCent > 0 && regel.toegekendCent > regel.budgetCent && (
            <Badge color="red" variant="light" mt="sm" tt="none">
              Toegekend boven het budget
            </Badge>
          )}
        </Grid.Col>
      </Grid>
    </Section>
  );
}
