import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { gemeenten } from '../../api/resources';
import type { Gemeente } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';

const columns: Column<Gemeente>[] = [
  { key: 'naam', header: 'Naam', sortable: true, render: (g) => g.naam },
  { key: 'cbsCode', header: 'CBS-code', sortable: true, render: (g) => <span className="tabular">{g.cbsCode}</span> },
];

export default function GemeentenPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'gemeenten');
  const newButton = (
    <Button component={Link} to="/gemeenten/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuwe gemeente
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Gemeenten"
        description={
          writable
            ? 'De gemeenten van deze Koers-installatie, gedeeld door alle samenwerkingsverbanden.'
            : 'De gemeenten waarmee samenwerkingsverbanden in Koers werken. De platformbeheerder houdt deze lijst bij.'
        }
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={gemeenten}
        noun="gemeenten"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of CBS-code"
        rowHref={(g) => `/gemeenten/${g.id}`}
        emptyTitle="Nog geen gemeenten"
        emptyDescription={
          writable
            ? 'Voeg de gemeenten toe waarin de samenwerkingsverbanden scholen hebben, met hun CBS-code.'
            : 'Er zijn nog geen gemeenten vastgelegd. Vraag de platformbeheerder ze toe te voegen.'
        }
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
