import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ThuiszitterCijfers } from '../../api/types';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { formatNumber } from '../../lib/format';
import { telWaarde, type TelVeld, type TellingRij } from '../../lib/thuiszitters';

export interface TelKolom {
  veld: TelVeld | ((c: ThuiszitterCijfers | null) => number);
  label: string;
  /** The sum of a row: in bold. */
  som?: boolean;
}

function waarde(kolom: TelKolom, c: ThuiszitterCijfers | null): number {
  return typeof kolom.veld === 'function' ? kolom.veld(c) : telWaarde(c, kolom.veld);
}

/**
 * A number of the count now; when the date was frozen and the number differs from the frozen
 * one, it is marked and the frozen number stands beside it.
 */
function Cel({ nu, vastgesteld, som }: { nu: number; vastgesteld: number | null; som?: boolean }) {
  const anders = vastgesteld !== null && vastgesteld !== nu;
  return (
    <Table.Td
      ta="right"
      fw={som ? 700 : undefined}
      className={anders ? 'gecorrigeerd nowrap' : 'nowrap'}
      data-gecorrigeerd={anders || undefined}
    >
      {formatNumber(nu)}
      {anders && (
        <Text span size="xs" c="dimmed" fw={400}>
          {' '}
          (<VisuallyHidden>vastgesteld </VisuallyHidden>
          {formatNumber(vastgesteld)})
        </Text>
      )}
    </Table.Td>
  );
}

/** One part of a count (gemeenten × categories, scenarios or bands), with the total below. */
export function TellingTabel({
  label,
  rijen,
  totaal,
  kolommen,
  bevroren,
  minWidth,
}: {
  /** What the table holds, for screen readers: "Leerplichtige thuiszitters per gemeente en categorie". */
  label: string;
  rijen: TellingRij[];
  totaal: { nu: ThuiszitterCijfers; vastgesteld: ThuiszitterCijfers | null };
  kolommen: TelKolom[];
  /** The date was frozen: differences with the frozen count are marked. */
  bevroren: boolean;
  minWidth: number;
}) {
  const vast = (kolom: TelKolom, c: ThuiszitterCijfers | null) => (bevroren ? waarde(kolom, c) : null);
  return (
    <ScrollTable minWidth={minWidth} label={label}>
      <Table withTableBorder striped className="tabular eerste-kolom-vast" verticalSpacing="xs">
        <TableHead cells={['Gemeente', ...kolommen.map((k) => ({ label: k.label, ta: 'right' as const }))]} />
        <Table.Tbody>
          {rijen.map((r) => (
            <Table.Tr key={r.gemeenteId}>
              <Table.Th scope="row" fw={400}>
                {r.naam}
              </Table.Th>
              {kolommen.map((k) => (
                <Cel key={k.label} nu={waarde(k, r.nu)} vastgesteld={vast(k, r.vastgesteld)} som={k.som} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">Totaal</Table.Th>
            {kolommen.map((k) => (
              <Cel key={k.label} nu={waarde(k, totaal.nu)} vastgesteld={vast(k, totaal.vastgesteld)} som />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
