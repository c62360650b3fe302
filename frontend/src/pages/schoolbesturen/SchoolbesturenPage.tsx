import { schoolbesturen } from '../../api/resources';
import type { Schoolbestuur } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
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
  return (
    <ListPage
      area="schoolbesturen"
      description="De besturen (bevoegd gezag) van de scholen in het samenwerkingsverband."
      newLabel="Nieuw schoolbestuur"
      resource={schoolbesturen}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam of bevoegd-gezagnummer"
      emptyTitle="Nog geen schoolbesturen"
      emptyDescription='Voeg het eerste schoolbestuur toe met de knop "Nieuw schoolbestuur"; daarna kunt u er scholen aan koppelen.'
      emptyReadOnly="Er zijn nog geen schoolbesturen vastgelegd. Een beheerder van het samenwerkingsverband kan ze toevoegen."
    />
  );
}
