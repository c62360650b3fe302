import { werkgebieden } from '../../api/resources';
import type { Werkgebied } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { formatDate } from '../../lib/format';

const columns: Column<Werkgebied>[] = [
  { key: 'naam', header: 'Naam', sortable: true, render: (w) => w.naam },
  { key: 'updatedAt', header: 'Gewijzigd', sortable: true, render: (w) => formatDate(w.updatedAt), visibleFrom: 'sm' },
];

export default function WerkgebiedenPage() {
  return (
    <ListPage
      area="werkgebieden"
      description="De deelgebieden (kerngebieden) van het samenwerkingsverband, elk met een eigen groep scholen."
      newLabel="Nieuw werkgebied"
      resource={werkgebieden}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam"
      emptyTitle="Nog geen werkgebieden"
      emptyDescription='Deelt het samenwerkingsverband zijn scholen in gebieden in? Voeg ze toe met de knop "Nieuw werkgebied".'
      emptyReadOnly="Er zijn nog geen werkgebieden vastgelegd. Een beheerder van het samenwerkingsverband kan ze toevoegen."
    />
  );
}
