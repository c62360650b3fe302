import { Badge } from '@mantine/core';
import { activiteitenplannen } from '../../api/resources';
import type { Activiteitenplan } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { formatDateTime } from '../../lib/format';
import { options, PLAN_STATUS_LABELS } from '../../lib/labels';
import { useActiviteitenplannen, useOndersteuningsplannen } from './hooks';

export default function ActiviteitenplannenPage() {
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
  return (
    <ListPage
      area="activiteitenplannen"
      description="Per schooljaar: de activiteiten onder elke ambitie, hun evaluatie en de verantwoording."
      newLabel="Nieuw activiteitenplan"
      resource={activiteitenplannen}
      columns={columns}
      sort="-schooljaar"
      searchPlaceholder="Schooljaar of vooruitblik"
      filters={[
        { key: 'schooljaar', label: 'Schooljaar', options: schooljaren },
        { key: 'status', label: 'Status', options: options(PLAN_STATUS_LABELS) },
      ]}
      emptyTitle="Nog geen activiteitenplan"
      emptyDescription='Maak het plan voor een schooljaar met de knop "Nieuw activiteitenplan". Zorg eerst voor het ondersteuningsplan met zijn ambities.'
      emptyReadOnly="Er is nog geen activiteitenplan vastgelegd. Een beheerder of consulent kan het toevoegen."
    />
  );
}
