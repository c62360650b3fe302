import { Code } from '@mantine/core';
import { clients } from '../../api/resources';
import type { Client } from '../../api/types';
import { useMe } from '../../auth/authContext';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { SCOPE_LABELS } from '../../lib/labels';
import { statusColumn, statusFilter, swvColumns, swvFilters } from '../accounts';
import { useSamenwerkingsverbanden } from '../lookups';

export default function ClientsPage() {
  const me = useMe();
  const platform = me.rol === 'platformbeheerder';
  const swvs = useSamenwerkingsverbanden(platform);

  const columns: Column<Client>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (c) => c.naam },
    {
      key: 'clientId',
      header: 'Client-id',
      sortable: true,
      render: (c) => <Code>{c.clientId}</Code>,
      visibleFrom: 'sm',
    },
    {
      key: 'scopes',
      header: 'Rechten',
      render: (c) => c.scopes.map((s) => SCOPE_LABELS[s]).join(', '),
      visibleFrom: 'md',
    },
    ...swvColumns<Client>(platform ? swvs : null, 'Alle (gemeente-client)', 'lg'),
    statusColumn({ label: 'Ingetrokken', color: 'red' }),
  ];

  return (
    <ListPage
      area="clients"
      description="Koppelingen die de API gebruiken met een eigen client-id en geheim, zoals de JOP-monitor van een gemeente."
      newLabel="Nieuwe client"
      resource={clients}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam of client-id"
      filters={[statusFilter('Ingetrokken'), ...swvFilters(platform ? swvs : null)]}
      emptyTitle="Nog geen clients"
      emptyDescription='Moet een gemeente of leverancier gegevens ophalen via de API? Maak een client aan met de knop "Nieuwe client"; u ziet het geheim dan één keer.'
    />
  );
}
