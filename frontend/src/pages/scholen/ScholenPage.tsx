import { Badge } from '@mantine/core';
import { scholen } from '../../api/resources';
import type { School } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { formatNumber } from '../../lib/format';
import { options, SCHOOL_SOORT_LABELS } from '../../lib/labels';
import { useMe } from '../../auth/authContext';
import { canRead } from '../../auth/roles';
import { useGemeenten, useSchoolbesturen, useWerkgebieden } from '../lookups';
import { useConsulenten } from '../schoolcontacten/hooks';

export default function ScholenPage() {
  const besturen = useSchoolbesturen();
  const gemeenten = useGemeenten();
  const werkgebieden = useWerkgebieden();
  const me = useMe();
  // The consulenten by name: for a beheerder the active ones, for who works with schools those of the schools.
  const metConsulent = canRead(me, 'schoolcontacten') || canRead(me, 'gebruikers');
  const consulenten = useConsulenten(metConsulent);

  const columns: Column<School>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (s) => s.naam },
    {
      key: 'brin',
      header: 'BRIN',
      sortable: true,
      nowrap: true,
      render: (s) => <span className="tabular">{s.brin}</span>,
    },
    {
      key: 'soort',
      header: 'Soort',
      sortable: true,
      render: (s) => (
        <Badge variant="outline" color="gray.8" title={SCHOOL_SOORT_LABELS[s.soort]}>
          {s.soort}
        </Badge>
      ),
    },
    {
      key: 'schoolbestuurId',
      header: 'Schoolbestuur',
      render: (s) => besturen.name(s.schoolbestuurId),
      visibleFrom: 'md',
    },
    { key: 'gemeenteId', header: 'Gemeente', render: (s) => gemeenten.name(s.gemeenteId), visibleFrom: 'sm' },
    {
      key: 'werkgebiedId',
      header: 'Werkgebied',
      render: (s) => werkgebieden.name(s.werkgebiedId) || '—',
      visibleFrom: 'xl',
    },
    ...(metConsulent
      ? [
          {
            key: 'consulentId',
            header: 'Consulent',
            render: (s: School) => consulenten.name(s.consulentId) || '—',
            visibleFrom: 'lg' as const,
          },
        ]
      : []),
    {
      key: 'leerlingaantal',
      header: 'Leerlingen',
      sortable: true,
      numeric: true,
      render: (s) => formatNumber(s.leerlingaantal),
    },
  ];

  return (
    <ListPage
      area="scholen"
      description="De schoollocaties in het samenwerkingsverband."
      newLabel="Nieuwe school"
      resource={scholen}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam of BRIN"
      filters={[
        { key: 'soort', label: 'Soort', options: options(SCHOOL_SOORT_LABELS) },
        { key: 'schoolbestuurId', label: 'Schoolbestuur', options: besturen.options },
        { key: 'gemeenteId', label: 'Gemeente', options: gemeenten.options },
        { key: 'werkgebiedId', label: 'Werkgebied', options: werkgebieden.options },
        ...(metConsulent ? [{ key: 'consulentId' as const, label: 'Consulent', options: consulenten.options }] : []),
      ]}
      emptyTitle="Nog geen scholen"
      emptyDescription='Voeg de eerste school toe met de knop "Nieuwe school". Zorg eerst voor het schoolbestuur en de gemeente.'
      emptyReadOnly="Er zijn nog geen scholen vastgelegd. Een beheerder van het samenwerkingsverband kan ze toevoegen."
    />
  );
}
