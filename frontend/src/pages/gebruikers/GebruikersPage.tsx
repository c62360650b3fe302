import { Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { gebruikers } from '../../api/resources';
import type { Gebruiker } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { options, ROL_LABELS } from '../../lib/labels';
import { useSamenwerkingsverbanden } from '../lookups';

export default function GebruikersPage() {
  const me = useMe();
  const platform = me.rol === 'platformbeheerder';
  const swvs = useSamenwerkingsverbanden(platform);
  const [params] = useSearchParams();
  const swvFilter = params.get('samenwerkingsverbandId');

  const columns: Column<Gebruiker>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (g) => g.naam },
    { key: 'email', header: 'E-mailadres', sortable: true, nowrap: true, render: (g) => g.email },
    { key: 'rol', header: 'Rol', sortable: true, render: (g) => ROL_LABELS[g.rol] },
    ...(platform
      ? [
          {
            key: 'samenwerkingsverbandId',
            header: 'Samenwerkingsverband',
            render: (g: Gebruiker) => swvs.name(g.samenwerkingsverbandId) || '—',
            visibleFrom: 'md' as const,
          },
        ]
      : []),
    {
      key: 'actief',
      header: 'Status',
      sortable: true,
      render: (g) =>
        g.actief ? (
          <Badge variant="outline" color="green">
            Actief
          </Badge>
        ) : (
          <Badge variant="outline" color="gray.7">
            Inactief
          </Badge>
        ),
    },
  ];

  const rollen = options(ROL_LABELS).filter((o) => platform || o.value !== 'platformbeheerder');
  const newHref = swvFilter
    ? `/gebruikers/nieuw?samenwerkingsverbandId=${encodeURIComponent(swvFilter)}`
    : '/gebruikers/nieuw';
  const newButton = (
    <Button component={Link} to={newHref} leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuwe gebruiker
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Gebruikers"
        description={
          platform
            ? 'De gebruikers van alle samenwerkingsverbanden en de platformbeheerders.'
            : 'Wie met Koers werkt in uw samenwerkingsverband, en met welke rol.'
        }
        actions={newButton}
      />
      <DataList
        resource={gebruikers}
        noun="gebruikers"
        columns={columns}
        defaults={{ sort: 'naam' }}
        searchLabel="Zoeken"
        searchPlaceholder="Naam of e-mailadres"
        filters={[
          { key: 'rol', label: 'Rol', options: rollen },
          {
            key: 'actief',
            label: 'Status',
            options: [
              { value: 'true', label: 'Actief' },
              { value: 'false', label: 'Inactief' },
            ],
          },
          ...(platform
            ? [{ key: 'samenwerkingsverbandId' as const, label: 'Samenwerkingsverband', options: swvs.options }]
            : []),
        ]}
        rowHref={(g) => `/gebruikers/${g.id}`}
        emptyTitle="Nog geen gebruikers"
        emptyDescription='Voeg een gebruiker toe met de knop "Nieuwe gebruiker". Hij kan zich daarna aanmelden met zijn e-mailadres en het wachtwoord dat u kiest.'
        emptyAction={newButton}
      />
    </>
  );
}
