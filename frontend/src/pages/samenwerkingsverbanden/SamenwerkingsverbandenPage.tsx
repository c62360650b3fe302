import { Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { samenwerkingsverbanden } from '../../api/resources';
import type { Samenwerkingsverband } from '../../api/types';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
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
  const newButton = (
    <Button component={Link} to="/samenwerkingsverbanden/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuw samenwerkingsverband
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Samenwerkingsverbanden"
        description="De samenwerkingsverbanden die deze Koers-installatie gebruiken. Elk heeft zijn eigen gegevens en gebruikers."
        actions={newButton}
      />
      <DataList
        resource={samenwerkingsverbanden}
        noun="samenwerkingsverbanden"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of code"
        filters={[{ key: 'sector', label: 'Sector', options: options(SECTOR_LABELS) }]}
        rowHref={(s) => `/samenwerkingsverbanden/${s.id}`}
        emptyTitle="Nog geen samenwerkingsverbanden"
        emptyDescription='Maak het eerste samenwerkingsverband aan met de knop "Nieuw samenwerkingsverband" en voeg daarna zijn eerste beheerder toe.'
        emptyAction={newButton}
      />
    </>
  );
}
