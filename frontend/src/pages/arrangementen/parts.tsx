import { Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Arrangement, ArrangementStatus } from '../../api/types';
import { formatDate } from '../../lib/format';
import { ARRANGEMENT_SOORT_LABELS, ARRANGEMENT_STATUS_COLORS, ARRANGEMENT_STATUS_LABELS } from '../../lib/labels';
import { leerlingen } from '../../api/resources';

export function StatusBadge({ status }: { status: ArrangementStatus }) {
  return (
    <Badge variant="light" color={ARRANGEMENT_STATUS_COLORS[status]} radius="sm" tt="none" className="badge-heel">
      {ARRANGEMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

export function VerlengingBadge() {
  return (
    <Badge variant="outline" color="gray.8" radius="sm" tt="none" ml="xs" className="badge-heel">
      Verlenging
    </Badge>
  );
}

/** `03-10-2016 – 27-01-2017`, kept whole per date. */
export function Periode({ a }: { a: Pick<Arrangement, 'startdatum' | 'einddatum'> }) {
  return (
    <span className="tabular">
      <span className="nowrap">{formatDate(a.startdatum)} –</span>{' '}
      <span className="nowrap">{formatDate(a.einddatum)}</span>
    </span>
  );
}

/** "Individueel", "Groep (12 leerlingen)" (or "Groep van 12" in a narrow column), "Innovatie". */
export function soortTekst(a: Pick<Arrangement, 'soort' | 'aantalLeerlingen'>, kort = false): string {
  const soort = ARRANGEMENT_SOORT_LABELS[a.soort];
  if (a.soort !== 'groep' || !a.aantalLeerlingen) return soort;
  return kort ? `Groep van ${a.aantalLeerlingen}` : `${soort} (${a.aantalLeerlingen} leerlingen)`;
}

/**
 * The reference of a pupil when this browser already knows it (a page read the pupil), without
 * reading the pupil for it: a list of arrangementen should not read every pupil on it.
 */
export function useBekendeReferentie(id: string | null | undefined): string | undefined {
  return useQuery<string>({ queryKey: [leerlingen.path, 'referentie', id ?? null], enabled: false }).data;
}

export function Onbekend({ children }: { children: string }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}
