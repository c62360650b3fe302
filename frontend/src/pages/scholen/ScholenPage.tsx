import { Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { scholen } from '../../api/resources';
import type { School } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { options, SCHOOL_SOORT_LABELS } from '../../lib/labels';
import { useGemeenten, useSchoolbesturen, useWerkgebieden } from '../lookups';

export default function ScholenPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'scholen');
  const besturen = useSchoolbesturen();
  const gemeenten = useGemeenten();
  const werkgebieden = useWerkgebieden();

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
    {
      key: 'leerlingaantal',
      header: 'Leerlingen',
      sortable: true,
      numeric: true,
      render: (s) => formatNumber(s.leerlingaantal),
    },
  ];

  const newButton = (
    <Button component={Link} to="/scholen/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuwe school
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Scholen"
        description="De schoollocaties in het samenwerkingsverband."
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={scholen}
        noun="scholen"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of BRIN"
        filters={[
          { key: 'soort', label: 'Soort', options: options(SCHOOL_SOORT_LABELS) },
          { key: 'schoolbestuurId', label: 'Schoolbestuur', options: besturen.options },
          { key: 'gemeenteId', label: 'Gemeente', options: gemeenten.options },
          { key: 'werkgebiedId', label: 'Werkgebied', options: werkgebieden.options },
        ]}
        rowHref={(s) => `/scholen/${s.id}`}
        emptyTitle="Nog geen scholen"
        emptyDescription={
          writable
            ? 'Voeg de eerste school toe met de knop "Nieuwe school". Zorg eerst voor het schoolbestuur en de gemeente.'
            : 'Er zijn nog geen scholen vastgelegd. Een beheerder van het samenwerkingsverband kan ze toevoegen.'
        }
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
