import { Badge } from '@mantine/core';
import { samenwerkingsverbanden } from '../../api/resources';
import type { Samenwerkingsverband } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { formatDate } from '../../lib/format';
import { options, SECTOR_LABELS } from '../../lib/labels';

const columns: Column<Samenwerkingsverband>[] = [
  { key: 'naam', header: 'Naam', sortable: true, render: (s) => s.naam },
  { key: 'code', header: 'Code', sortable: true, render: (s) => <span className="tabular">{s.code}</span> },
  {
    key: 'sector',
    header: 'Sector',
    sortable: true,
    render: (s) => (
      <Badge variant="outline" color="gray.8">
        {s.sector.toUpperCase()}
      </Badge>
    ),
  },
  { key: 'createdAt', header: 'Aangemaakt', sortable: true, render: (s) => formatDate(s.createdAt), visibleFrom: 'sm' },
];

export default function SamenwerkingsverbandenPage() {
  return (
    <ListPage
      area="samenwerkingsverbanden"
      description="De samenwerkingsverbanden die deze Koers-installatie gebruiken. Elk heeft zijn eigen gegevens en gebruikers."
      newLabel="Nieuw samenwerkingsverband"
      resource={samenwerkingsverbanden}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam of code"
      filters={[{ key: 'sector', label: 'Sector', options: options(SECTOR_LABELS) }]}
      emptyTitle="Nog geen samenwerkingsverbanden"
      emptyDescription='Maak het eerste samenwerkingsverband aan met de knop "Nieuw samenwerkingsverband" en voeg daarna zijn eerste beheerder toe.'
    />
  );
}
