import { Text } from '@mantine/core';
import { kengetallen } from '../../api/resources';
import type { Kengetal } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { NewButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { BIJEENKOMST_SOORT_LABELS, options } from '../../lib/labels';
import { formatStreef, KENGETAL_BRON_LABELS } from '../../lib/kengetallen';

/** The SWV's KPIs: what it steers by, with the target and where the value comes from. */
export default function KengetallenPage() {
  const beheer = useCanWrite('kengetallen');
  const columns: Column<Kengetal>[] = [
    { key: 'naam', header: 'Kengetal', sortable: true, render: (k) => k.naam },
    {
      key: 'volgorde',
      header: 'Volgorde',
      sortable: true,
      numeric: true,
      visibleFrom: 'md',
      render: (k) => k.volgorde,
    },
    { key: 'streefwaarde', header: 'Streef', nowrap: true, render: (k) => formatStreef(k) },
    {
      key: 'bron',
      header: 'Bron',
      visibleFrom: 'sm',
      render: (k) => (
        <>
          {KENGETAL_BRON_LABELS[k.bron]}
          {k.bijeenkomstSoort && (
            <Text span size="sm" c="dimmed">
              {' '}
              · {BIJEENKOMST_SOORT_LABELS[k.bijeenkomstSoort]}
            </Text>
          )}
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Kengetallen"
        description="De ken- en stuurgetallen van het samenwerkingsverband: per kengetal de streefwaarde en waar de waarde vandaan komt. Koers berekent ze uit wat is geregistreerd, of de beheerder voert ze per schooljaar in."
        actions={beheer ? <NewButton to="/kengetallen/nieuw">Kengetal toevoegen</NewButton> : undefined}
      />
      <DataList
        resource={kengetallen}
        noun="kengetallen"
        columns={columns}
        defaults={{ sort: 'volgorde' }}
        rowHref={(k) => `/kengetallen/${k.id}`}
        filters={[{ key: 'bron', label: 'Bron', options: options(KENGETAL_BRON_LABELS) }]}
        emptyTitle="Nog geen kengetallen"
        emptyDescription={
          beheer
            ? 'Leg vast waarop het samenwerkingsverband stuurt, bijvoorbeeld de opkomst bij de IB-netwerken of het aantal thuiszitters.'
            : 'Zodra een beheerder de ken- en stuurgetallen vastlegt, staan ze hier.'
        }
        emptyAction={beheer ? <NewButton to="/kengetallen/nieuw">Kengetal toevoegen</NewButton> : undefined}
      />
    </>
  );
}
