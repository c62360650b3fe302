import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { werkgebieden } from '../../api/resources';
import type { Werkgebied } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';

const columns: Column<Werkgebied>[] = [
  { key: 'naam', header: 'Naam', sortable: true, render: (w) => w.naam },
  { key: 'updatedAt', header: 'Gewijzigd', sortable: true, render: (w) => formatDate(w.updatedAt), visibleFrom: 'sm' },
];

export default function WerkgebiedenPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'werkgebieden');
  const newButton = (
    <Button component={Link} to="/werkgebieden/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuw werkgebied
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Werkgebieden"
        description="De deelgebieden (kerngebieden) van het samenwerkingsverband, elk met een eigen groep scholen."
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={werkgebieden}
        noun="werkgebieden"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam"
        rowHref={(w) => `/werkgebieden/${w.id}`}
        emptyTitle="Nog geen werkgebieden"
        emptyDescription={
          writable
            ? 'Deelt het samenwerkingsverband zijn scholen in gebieden in? Voeg ze toe met de knop "Nieuw werkgebied".'
            : 'Er zijn nog geen werkgebieden vastgelegd. Een beheerder van het samenwerkingsverband kan ze toevoegen.'
        }
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
