import { Badge, Button, Code } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { clients } from '../../api/resources';
import type { Client } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { SCOPE_LABELS } from '../../lib/labels';
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
    ...(platform
      ? [
          {
            key: 'samenwerkingsverbandId',
            header: 'Samenwerkingsverband',
            render: (c: Client) => swvs.name(c.samenwerkingsverbandId) || 'Alle (gemeente-client)',
            visibleFrom: 'lg' as const,
          },
        ]
      : []),
    {
      key: 'actief',
      header: 'Status',
      sortable: true,
      render: (c) =>
        c.actief ? (
          <Badge variant="outline" color="green">
            Actief
          </Badge>
        ) : (
          <Badge variant="outline" color="red">
            Ingetrokken
          </Badge>
        ),
    },
  ];

  const newButton = (
    <Button component={Link} to="/clients/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuwe client
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Clients"
        description="Koppelingen die de API gebruiken met een eigen client-id en geheim, zoals de JOP-monitor van een gemeente."
        actions={newButton}
      />
      <DataList
        resource={clients}
        noun="clients"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of client-id"
        filters={[
          {
            key: 'actief',
            label: 'Status',
            options: [
              { value: 'true', label: 'Actief' },
              { value: 'false', label: 'Ingetrokken' },
            ],
          },
          ...(platform
            ? [{ key: 'samenwerkingsverbandId' as const, label: 'Samenwerkingsverband', options: swvs.options }]
            : []),
        ]}
        rowHref={(c) => `/clients/${c.id}`}
        emptyTitle="Nog geen clients"
        emptyDescription='Moet een gemeente of leverancier gegevens ophalen via de API? Maak een client aan met de knop "Nieuwe client"; u ziet het geheim dan één keer.'
        emptyAction={newButton}
      />
    </>
  );
}
