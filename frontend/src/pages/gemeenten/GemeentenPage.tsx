import { gemeenten } from '../../api/resources';
import type { Gemeente } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';

const columns: Column<Gemeente>[] = [
  { key: 'naam', header: 'Naam', sortable: true, render: (g) => g.naam },
  { key: 'cbsCode', header: 'CBS-code', sortable: true, render: (g) => <span className="tabular">{g.cbsCode}</span> },
];

export default function GemeentenPage() {
  const writable = useCanWrite('gemeenten');
  return (
    <ListPage
      area="gemeenten"
      description={
        writable
          ? 'De gemeenten van deze Koers-installatie, gedeeld door alle samenwerkingsverbanden.'
          : 'De gemeenten waarmee samenwerkingsverbanden in Koers werken. De platformbeheerder houdt deze lijst bij.'
      }
      newLabel="Nieuwe gemeente"
      resource={gemeenten}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam of CBS-code"
      emptyTitle="Nog geen gemeenten"
      emptyDescription="Voeg de gemeenten toe waarin de samenwerkingsverbanden scholen hebben, met hun CBS-code."
      emptyReadOnly="Er zijn nog geen gemeenten vastgelegd. Vraag de platformbeheerder ze toe te voegen."
    />
  );
}
