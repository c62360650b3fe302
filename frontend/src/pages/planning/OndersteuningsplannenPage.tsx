import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ondersteuningsplannen } from '../../api/resources';
import type { Ondersteuningsplan } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';

export default function OndersteuningsplannenPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'ondersteuningsplannen');
  const columns: Column<Ondersteuningsplan>[] = [
    { key: 'titel', header: 'Titel', sortable: true, render: (p) => p.titel },
    {
      key: 'vanJaar',
      header: 'Periode',
      sortable: true,
      nowrap: true,
      render: (p) => <span className="tabular">{`${p.vanJaar}-${p.totJaar}`}</span>,
    },
  ];
  const newButton = (
    <Button component={Link} to="/ondersteuningsplannen/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuw ondersteuningsplan
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Ondersteuningsplannen"
        description="Het meerjarige ondersteuningsplan met zijn ambities; de activiteitenplannen werken het per schooljaar uit."
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={ondersteuningsplannen}
        noun="ondersteuningsplannen"
        columns={columns}
        defaults={{ sort: '-vanJaar' }}
        searchLabel="Zoeken"
        searchPlaceholder="Titel"
        rowHref={(p) => `/ondersteuningsplannen/${p.id}`}
        emptyTitle="Nog geen ondersteuningsplan"
        emptyDescription={
          writable
            ? 'Leg het ondersteuningsplan vast met de knop "Nieuw ondersteuningsplan", en daarna zijn ambities.'
            : 'Er is nog geen ondersteuningsplan vastgelegd. Een beheerder of consulent kan het toevoegen.'
        }
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
