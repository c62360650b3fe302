import { Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { portefeuilles } from '../../api/resources';
import type { Portefeuille } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';

export default function PortefeuillesPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'portefeuilles');
  const columns: Column<Portefeuille>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (p) => p.naam },
    {
      key: 'omschrijving',
      header: 'Omschrijving',
      render: (p) => (
        <Text size="sm" lineClamp={2}>
          {p.omschrijving ?? ''}
        </Text>
      ),
      visibleFrom: 'sm',
    },
    { key: 'eigenaarIds', header: 'Eigenaren', numeric: true, render: (p) => p.eigenaarIds.length, visibleFrom: 'md' },
  ];
  const newButton = (
    <Button component={Link} to="/portefeuilles/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuwe portefeuille
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Portefeuilles"
        description="Vaste thema's van het samenwerkingsverband, elk met eigenaren, activiteiten en projecten."
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={portefeuilles}
        noun="portefeuilles"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam"
        rowHref={(p) => `/portefeuilles/${p.id}`}
        emptyTitle="Nog geen portefeuilles"
        emptyDescription="Er zijn nog geen portefeuilles vastgelegd."
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
