import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Box, Group, SimpleGrid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Telrij } from '../lib/arrangementen';
import type { Telling } from '../lib/cijfers';
import { formatNumber } from '../lib/format';
import { telAs, Teltabel } from './Cijfers';

// Every chart is hidden from screen readers: the table beside it says the same in words. A withheld
// count (`null`) is a bar left out, never a bar of 0: the table beside it shows `<5`.

/** This year's counts against last year's as grouped bars, above their table. */
export function JaarTegenJaar({
  rows,
  schooljaar,
  column,
  total,
  reeks = false,
}: {
  rows: Telrij[];
  schooljaar: string;
  column: string;
  total?: Telling;
  /** The rows are days of one count (a trend over the peildata), not parts of a whole. */
  reeks?: boolean;
}) {
  return (
    <Stack gap="md">
      <Box aria-hidden>
        <BarChart
          h={220}
          data={rows.map((r) => ({
            label: r.label,
            [schooljaar]: r.aantal,
            'Vorig jaar': r.vorigJaar === undefined ? 0 : r.vorigJaar,
          }))}
          dataKey="label"
          series={[
            { name: 'Vorig jaar', color: 'koers.2' },
            { name: schooljaar, color: 'koers.8' },
          ]}
          withLegend
          tickLine="y"
          yAxisProps={{ allowDecimals: false, tickFormatter: telAs }}
          barChartProps={{ accessibilityLayer: false }}
          valueFormatter={(n) => formatNumber(n)}
        />
      </Box>
      <Teltabel column={column} rows={rows} total={total} vorigJaar reeks={reeks} />
    </Stack>
  );
}

/**
 * Counts as bars beside (or above) their table; `liggend` for long labels, which `kort` may
 * shorten on the axis.
 */
export function Staven({
  rows,
  column,
  total,
  reeks,
  liggend = false,
  kort,
  naast = false,
}: {
  rows: Telrij[];
  column: string;
  total?: Telling;
  /** The name of what is counted, in the tooltip: "Arrangementen". */
  reeks: string;
  liggend?: boolean;
  kort?: (rij: Telrij) => string;
  /** Chart and table side by side on wide screens instead of one above the other. */
  naast?: boolean;
}) {
  const chart = (
    <Box aria-hidden>
      <BarChart
        h={liggend ? Math.max(200, rows.length * 34 + 40) : 220}
        data={rows.map((r) => ({ label: kort ? kort(r) : r.label, [reeks]: r.aantal }))}
        dataKey="label"
        orientation={liggend ? 'vertical' : 'horizontal'}
        yAxisProps={
          liggend ? { width: 150, interval: 0, fontSize: 12 } : { allowDecimals: false, tickFormatter: telAs }
        }
        xAxisProps={liggend ? { allowDecimals: false, tickFormatter: telAs } : undefined}
        series={[{ name: reeks, color: 'koers.7' }]}
        tickLine={liggend ? 'x' : 'y'}
        barChartProps={{ accessibilityLayer: false }}
        valueFormatter={(n) => formatNumber(n)}
      />
    </Box>
  );
  const table = <Teltabel column={column} rows={rows} total={total} />;
  return <MetTabel naast={naast} chart={chart} table={table} />;
}

/** Parts of a whole as a donut, with their table (coloured as the chart). */
export function Verdeling({
  rows,
  column,
  kleuren,
  total,
  vorigJaar = false,
  midden,
  naast = false,
}: {
  rows: Telrij[];
  column: string;
  kleuren: Record<string, string>;
  /** The whole the shares are of, where it is more than the rows show (a withheld row). */
  total?: Telling;
  vorigJaar?: boolean;
  /** The text in the donut's hole. */
  midden?: string;
  naast?: boolean;
}) {
  const chart = (
    <Group justify="center" aria-hidden>
      <DonutChart
        size={200}
        thickness={34}
        data={rows
          .filter((r): r is Telrij & { aantal: number } => r.aantal !== null && r.aantal > 0)
          .map((r) => ({ name: r.label, value: r.aantal, color: kleuren[r.key] ?? 'gray.6' }))}
        tooltipDataSource="segment"
        valueFormatter={(n) => formatNumber(n)}
        chartLabel={midden}
        pieProps={{ isAnimationActive: false, rootTabIndex: -1 }}
        accessibilityLayer={false}
      />
    </Group>
  );
  const table = <Teltabel column={column} rows={rows} total={total} vorigJaar={vorigJaar} kleuren={kleuren} />;
  return <MetTabel naast={naast} chart={chart} table={table} />;
}

/** Two parts side by side on wide screens, one above the other on narrow ones. */
export function SideBySide({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      {children}
    </SimpleGrid>
  );
}

/** A chart with its table: side by side, or the chart above the table. */
function MetTabel({ naast, chart, table }: { naast: boolean; chart: ReactNode; table: ReactNode }) {
  const Opstelling = naast ? SideBySide : Stack;
  return (
    <Opstelling gap="md">
      {chart}
      {table}
    </Opstelling>
  );
}
