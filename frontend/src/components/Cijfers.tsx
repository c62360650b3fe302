import {
  Box,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  type SimpleGridProps,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/problem';
import { exportList } from '../api/resources';
import { aandeel, verschilTekst, type Telrij } from '../lib/arrangementen';
import { exportFilename, saveBlob, type ExportFormat } from '../lib/download';
import { alsTelling, heeftOnderdrukt, som, rijAantal, waarde, type Telling } from '../lib/cijfers';
import { formatNumber } from '../lib/format';
import { MonitorCel, MonitorLegenda } from './Monitor';
import { TableHead } from './TableHead';

/** A part of a figures page under its own heading (h2), with actions beside the heading. */
export function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={`${id}-kop`}>
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Title order={2} size="h3" id={`${id}-kop`}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Box>
  );
}

/** One key figure in a row of cards (the row is a list: `component="ul"`). */
export function Stat({
  label,
  value,
  note,
  testId,
  size = 'md',
  children,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
  /** `sm` for amounts, which are longer than counts. */
  size?: 'md' | 'sm';
  children?: ReactNode;
}) {
  return (
    <Card component="li" withBorder radius="md" padding="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text fz={size === 'sm' ? 22 : 28} fw={700} lh={1.25} c="koers.8" className="tabular nowrap">
        {value}
      </Text>
      {note && (
        <Text size="sm" c="dimmed" component="div">
          {note}
        </Text>
      )}
      {children}
    </Card>
  );
}

/** The school year of a figures page: a required choice, kept in the URL by the page. */
export function SchooljaarSelect({
  value,
  options,
  onChange,
}: {
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <Select
      label="Schooljaar"
      allowDeselect={false}
      data={options}
      value={value}
      onChange={(v) => v && onChange(v)}
      w={150}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * The bar above a figures page: the school year (and what else narrows the figures, as
 * children) on the left, the downloads on the right.
 */
export function CijferBalk({
  schooljaar,
  opties,
  onSchooljaar,
  download,
  children,
}: {
  schooljaar: string;
  opties: string[];
  onSchooljaar: (value: string) => void;
  /** The figures as CSV and Excel, where the API gives them. */
  download?: { path: string; query: Record<string, string>; name: string; label: string };
  children?: ReactNode;
}) {
  return (
    <Paper withBorder p="sm" radius="md" mb="lg">
      <Group align="flex-end" justify="space-between" gap="md" wrap="wrap">
        <Group align="flex-end" gap="md" wrap="wrap">
          <SchooljaarSelect value={schooljaar} options={opties} onChange={onSchooljaar} />
          {children}
        </Group>
        {download && <FigureExport {...download} />}
      </Group>
    </Paper>
  );
}

/** A figures page's year with nothing to count: what to do, other years to open, a way out. */
export function GeenCijfers({
  title,
  children,
  jarenLabel,
  jaren,
  onJaar,
  terug,
}: {
  title: string;
  children: ReactNode;
  /** "Schooljaren met een budget:" */
  jarenLabel: string;
  jaren: string[];
  onJaar: (jaar: string) => void;
  terug?: { to: string; label: string };
}) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text>{children}</Text>
        {jaren.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{jarenLabel}</Text>
            {jaren.slice(0, 4).map((j) => (
              <Button key={j} size="xs" variant="default" onClick={() => onJaar(j)}>
                {j}
              </Button>
            ))}
          </Group>
        )}
        {terug && (
          <Button component={Link} to={terug.to} variant="subtle" px={0}>
            {terug.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

/** " Het jaar ervoor waren het er 577." when there were any (and the number is shared). */
export function vorigJaarZin(vorig: Telling): string {
  const n = waarde(vorig);
  return n !== null && n > 0 ? ` Het jaar ervoor waren het er ${formatNumber(n)}.` : '';
}

/**
 * Above figures that withhold counts (a lezer's): what `<5` means, and what becomes of a withheld
 * count in the charts and the shares. Nothing when the answer withholds nothing (staff).
 */
export function AfschermingLegenda({ antwoord }: { antwoord: unknown }) {
  if (!heeftOnderdrukt(antwoord)) return null;
  return (
    <Box mb="lg">
      <MonitorLegenda>
        De grafieken laten zulke aantallen weg (ze staan er niet als 0 in); een percentage of gemiddelde erbij is ook
        niet gedeeld (–).
      </MonitorLegenda>
    </Box>
  );
}

/** The row of key figures at the top of a figures page, as a list of `Stat` cards. */
export function Totalen({ cols, children }: { cols: SimpleGridProps['cols']; children: ReactNode }) {
  return (
    <SimpleGrid
      cols={cols}
      spacing="md"
      component="ul"
      aria-label="Totalen"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {children}
    </SimpleGrid>
  );
}

/**
 * A key figure's note: last year's number (as the figure is written: `12,0` for a mean) and the
 * change; a count may be withheld (`<5`), and then the change is not told.
 */
export function Vergelijking({
  nu,
  vorig,
  format = formatNumber,
}: {
  nu: Telling | null;
  vorig: Telling | null;
  format?: (n: number) => string;
}) {
  const [a, b] = [waarde(nu), waarde(vorig)];
  return (
    <>
      Vorig jaar {b === null ? <MonitorCel aantal={vorig} /> : format(b)}
      {a !== null && b !== null && (
        <>
          ; <span className="nowrap">{verschilTekst(a, b)}</span>
        </>
      )}
    </>
  );
}

/** CSV and Excel downloads of a figures endpoint (fetched with the bearer token). */
export function FigureExport({
  path,
  query,
  name,
  label,
}: {
  /** The API path, e.g. `/arrangementen/statistieken`. */
  path: string;
  query: Record<string, string>;
  /** The file's name when the server proposes none. */
  name: string;
  /** What is downloaded, for screen readers: "de cijfers van 2016-2017". */
  label: string;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const { blob, disposition } = await exportList(path, query, format);
      saveBlob(blob, exportFilename(name, format, new Date(), disposition));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Downloaden lukte niet', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Group gap="xs" role="group" aria-label={`Download ${label}`}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={busy === format}
          disabled={busy !== null}
          onClick={() => void run(format)}
          aria-label={`Download ${label} als ${format === 'csv' ? 'CSV' : 'Excel-bestand'}`}
        >
          {format === 'csv' ? 'CSV' : 'Excel'}
        </Button>
      ))}
    </Group>
  );
}

/**
 * A table of counts: label, number, share of the total and (when given) last year's number. The
 * table is what screen readers get of a chart beside it.
 */
export function Teltabel({
  caption,
  column,
  rows,
  total,
  vorigJaar = false,
  kleuren,
  reeks = false,
}: {
  caption?: string;
  column: string;
  rows: Telrij[];
  /** The whole the shares are of, in either shape; the sum of the rows when not given. */
  total?: Telling;
  vorigJaar?: boolean;
  /** Counts of one thing on several days (a trend): no shares of a whole, and no total. */
  reeks?: boolean;
  /** The colour of each row's part in the chart beside the table (a Mantine colour, `koers.7`), as a key. */
  kleuren?: Record<string, string>;
}) {
  // A sum over a withheld count is not known: its cell shows a dash, not `<5`.
  const geheel = total === undefined ? som(rows.map((r) => r.aantal)) : rijAantal(total);
  const vorigSom = som(rows.map((r) => r.vorigJaar ?? 0));
  return (
    <Table withTableBorder striped className="tabular">
      {caption && <Table.Caption>{caption}</Table.Caption>}
      <TableHead
        cells={[
          column,
          { label: 'Aantal', ta: 'right' },
          ...(reeks ? [] : [{ label: 'Aandeel', ta: 'right' as const }]),
          ...(vorigJaar ? [{ label: 'Vorig jaar', ta: 'right' as const }] : []),
        ]}
      />
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={400} style={LANG_WOORD.test(r.label) ? { overflowWrap: 'anywhere' } : undefined}>
              {kleuren?.[r.key] && <Swatch kleur={kleuren[r.key] ?? ''} />}
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{r.onbekend ? '–' : <MonitorCel aantal={alsTelling(r.aantal)} />}</Table.Td>
            {!reeks && <Table.Td ta="right">{aandeel(r.aantal, geheel)}</Table.Td>}
            {vorigJaar && (
              <Table.Td ta="right">
                <MonitorCel aantal={alsTelling(r.vorigJaar ?? 0)} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
      {!reeks && (
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">Totaal</Table.Th>
            <Table.Td ta="right">
              {total !== undefined && geheel === null ? <MonitorCel aantal={total} /> : formatNumber(geheel) || '–'}
            </Table.Td>
            <Table.Td ta="right">{geheel !== null && geheel > 0 ? '100%' : ''}</Table.Td>
            {vorigJaar && <Table.Td ta="right">{formatNumber(vorigSom) || '–'}</Table.Td>}
          </Table.Tr>
        </Table.Tfoot>
      )}
    </Table>
  );
}

/**
 * A word too long for a phone's column ("Gedragsinterventietechnieken") may break anywhere, or it
 * widens the page; shorter words keep whole ("Arrangement", not "Arrangemen-t").
 */
const LANG_WOORD = /\S{20,}/;

/** Counts on a chart's axis in Dutch: `1.000`. */
export function telAs(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/** A Mantine colour (`koers.7`) as a CSS value. */
export function kleurVar(kleur: string): string {
  const [naam, tint] = kleur.split('.');
  return `var(--mantine-color-${naam}-${tint ?? 6})`;
}

/** Colours for the parts of a chart, in order; dark enough to tell apart on white. */
export const GRAFIEK_KLEUREN = [
  'koers.7',
  'orange.6',
  'teal.7',
  'grape.6',
  'yellow.6',
  'cyan.8',
  'pink.6',
  'lime.8',
  'indigo.4',
  'gray.6',
];

/** The colour of each key, in the order given. */
export function kleurenVan(keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k, i) => [k, GRAFIEK_KLEUREN[i % GRAFIEK_KLEUREN.length] ?? 'gray.6']));
}

function Swatch({ kleur }: { kleur: string }) {
  return (
    <Box
      component="span"
      aria-hidden
      display="inline-block"
      w={12}
      h={12}
      mr={8}
      style={{ background: kleurVar(kleur), borderRadius: 3, verticalAlign: 'middle' }}
    />
  );
}
