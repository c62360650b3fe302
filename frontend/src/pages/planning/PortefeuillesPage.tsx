import { Text } from '@mantine/core';
import { portefeuilles } from '../../api/resources';
import type { Portefeuille } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';

export default function PortefeuillesPage() {
  const columns: Column<Portefeuille>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (p) => p.naam },
    {
      key: 'omschrijving',
      header: 'Omschrijving',
      render: (p) => (
        <Text size="sm" lineClamp={2}>
          {p.omschrijving ?? ''}
        </Text>
      ),
      visibleFrom: 'sm',
    },
    { key: 'eigenaarIds', header: 'Eigenaren', numeric: true, render: (p) => p.eigenaarIds.length, visibleFrom: 'md' },
  ];
  return (
    <ListPage
      area="portefeuilles"
      description="Vaste thema's van het samenwerkingsverband, elk met eigenaren, activiteiten en projecten."
      newLabel="Nieuwe portefeuille"
      resource={portefeuilles}
      columns={columns}
      sort="naam"
      searchPlaceholder="Naam"
      emptyTitle="Nog geen portefeuilles"
      emptyDescription="Er zijn nog geen portefeuilles vastgelegd."
    />
  );
}
