import { ondersteuningsplannen } from '../../api/resources';
import type { Ondersteuningsplan } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';

export default function OndersteuningsplannenPage() {
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
  return (
    <ListPage
      area="ondersteuningsplannen"
      description="Het meerjarige ondersteuningsplan met zijn ambities; de activiteitenplannen werken het per schooljaar uit."
      newLabel="Nieuw ondersteuningsplan"
      resource={ondersteuningsplannen}
      columns={columns}
      sort="-vanJaar"
      searchPlaceholder="Titel"
      emptyTitle="Nog geen ondersteuningsplan"
      emptyDescription='Leg het ondersteuningsplan vast met de knop "Nieuw ondersteuningsplan", en daarna zijn ambities.'
      emptyReadOnly="Er is nog geen ondersteuningsplan vastgelegd. Een beheerder of consulent kan het toevoegen."
    />
  );
}
