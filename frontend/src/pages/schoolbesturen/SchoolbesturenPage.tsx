import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { schoolbesturen } from '../../api/resources';
import type { Schoolbestuur } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';

const columns: Column<Schoolbestuur>[] = [
  { key: 'naam', header: 'Naam', sortable: true, render: (b) => b.naam },
  {
    key: 'bevoegdGezagNummer',
    header: 'Bevoegd-gezagnummer',
    sortable: true,
    render: (b) => <span className="tabular">{b.bevoegdGezagNummer}</span>,
  },
  { key: 'updatedAt', header: 'Gewijzigd', sortable: true, render: (b) => formatDate(b.updatedAt), visibleFrom: 'sm' },
];

export default function SchoolbesturenPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'schoolbesturen');
  const newButton = (
    <Button component={Link} to="/schoolbesturen/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuw schoolbestuur
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Schoolbesturen"
        description="De besturen (bevoegd gezag) van de scholen in het samenwerkingsverband."
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={schoolbesturen}
        noun="schoolbesturen"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of bevoegd-gezagnummer"
        rowHref={(b) => `/schoolbesturen/${b.id}`}
        emptyTitle="Nog geen schoolbesturen"
        emptyDescription={
          writable
            ? 'Voeg het eerste schoolbestuur toe met de knop "Nieuw schoolbestuur"; daarna kunt u er scholen aan koppelen.'
            : 'Er zijn nog geen schoolbesturen vastgelegd. Een beheerder van het samenwerkingsverband kan ze toevoegen.'
        }
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
