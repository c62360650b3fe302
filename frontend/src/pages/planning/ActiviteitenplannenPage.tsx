import { Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { activiteitenplannen } from '../../api/resources';
import type { Activiteitenplan } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { options, PLAN_STATUS_LABELS } from '../../lib/labels';
import { useActiviteitenplannen, useOndersteuningsplannen } from './hooks';

export default function ActiviteitenplannenPage() {
  const me = useMe();
  const writable = canWrite(me.rol, 'activiteitenplannen');
  const alle = useActiviteitenplannen();
  const ondersteuningsplannen = useOndersteuningsplannen();
  const schooljaren = alle.data
    ? [...new Set(alle.data.map((p) => p.schooljaar))].map((s) => ({ value: s, label: s }))
    : undefined;
  const planNaam = (id: string) => ondersteuningsplannen.data?.find((p) => p.id === id)?.titel ?? '';

  const columns: Column<Activiteitenplan>[] = [
    {
      key: 'schooljaar',
      header: 'Schooljaar',
      sortable: true,
      nowrap: true,
      render: (p) => `Activiteitenplan ${p.schooljaar}`,
    },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      render: (p) => (
        <Badge variant={p.status === 'vastgesteld' ? 'filled' : 'outline'} color="koers.8">
          {PLAN_STATUS_LABELS[p.status]}
        </Badge>
      ),
    },
    {
      key: 'ondersteuningsplanId',
      header: 'Ondersteuningsplan',
      render: (p) => planNaam(p.ondersteuningsplanId),
      visibleFrom: 'sm',
    },
    { key: 'updatedAt', header: 'Laatst gewijzigd', render: (p) => formatDateTime(p.updatedAt), visibleFrom: 'md' },
  ];
  const newButton = (
    <Button component={Link} to="/activiteitenplannen/nieuw" leftSection={<IconPlus size={16} aria-hidden />}>
      Nieuw activiteitenplan
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Activiteitenplannen"
        description="Per schooljaar: de activiteiten onder elke ambitie, hun evaluatie en de verantwoording."
        actions={writable ? newButton : undefined}
      />
      <DataList
        resource={activiteitenplannen}
        noun="activiteitenplannen"
        columns={columns}
        defaults={{ sort: '-schooljaar' }}
        searchLabel="Zoeken"
        searchPlaceholder="Schooljaar of vooruitblik"
        filters={[
          { key: 'schooljaar', label: 'Schooljaar', options: schooljaren },
          { key: 'status', label: 'Status', options: options(PLAN_STATUS_LABELS) },
        ]}
        rowHref={(p) => `/activiteitenplannen/${p.id}`}
        emptyTitle="Nog geen activiteitenplan"
        emptyDescription={
          writable
            ? 'Maak het plan voor een schooljaar met de knop "Nieuw activiteitenplan". Zorg eerst voor het ondersteuningsplan met zijn ambities.'
            : 'Er is nog geen activiteitenplan vastgelegd. Een beheerder of consulent kan het toevoegen.'
        }
        emptyAction={writable ? newButton : undefined}
      />
    </>
  );
}
