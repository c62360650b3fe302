import { Text } from '@mantine/core';
import { leerlingen } from '../../api/resources';
import type { Leerling } from '../../api/types';
import type { Column } from '../../components/DataList';
import { ListPage } from '../../components/ListPage';
import { formatMaand } from '../../lib/format';
import { GESLACHT_LABELS, leerjaarLabel, options } from '../../lib/labels';
import { useGemeenten, useScholen, useSector } from '../lookups';
import { GeanonimiseerdBadge } from './parts';

export default function LeerlingenPage() {
  const scholen = useScholen();
  const gemeenten = useGemeenten();
  const sector = useSector();

  const columns: Column<Leerling>[] = [
    {
      key: 'referentie',
      header: 'Referentie',
      sortable: true,
      nowrap: true,
      render: (l) => l.referentie,
      aside: (l) => (l.geanonimiseerd ? <GeanonimiseerdBadge ml="xs" /> : null),
    },
    {
      key: 'schoolId',
      header: 'School',
      render: (l) =>
        l.schoolId ? (
          scholen.name(l.schoolId)
        ) : (
          <Text span size="sm" c="dimmed">
            Geen school
          </Text>
        ),
    },
    {
      key: 'woongemeenteId',
      header: 'Woongemeente',
      render: (l) => gemeenten.name(l.woongemeenteId),
      visibleFrom: 'lg',
    },
    {
      key: 'leerjaar',
      header: leerjaarLabel(sector),
      sortable: true,
      numeric: true,
      render: (l) => l.leerjaar ?? '—',
    },
    {
      key: 'geboortemaand',
      header: 'Geboortemaand',
      sortable: true,
      nowrap: true,
      render: (l) => formatMaand(l.geboortemaand),
      visibleFrom: 'sm',
    },
    { key: 'geslacht', header: 'Geslacht', render: (l) => GESLACHT_LABELS[l.geslacht], visibleFrom: 'md' },
  ];

  return (
    <ListPage
      area="leerlingen"
      description="Leerlingen onder de referentie van het samenwerkingsverband, zonder naam of BSN. Elke keer dat leerlinggegevens worden bekeken, staat dat in het auditlog."
      newLabel="Nieuwe leerling"
      resource={leerlingen}
      columns={columns}
      sort="referentie"
      searchPlaceholder="Referentie of een deel ervan"
      filters={[
        { key: 'schoolId', label: 'School', options: scholen.options },
        { key: 'woongemeenteId', label: 'Woongemeente', options: gemeenten.options },
        {
          key: 'geanonimiseerd',
          label: 'Geanonimiseerde leerlingen',
          placeholder: 'Tonen',
          options: options({ false: 'Verbergen', true: 'Alleen deze' }),
        },
      ]}
      emptyTitle="Nog geen leerlingen"
      emptyDescription='Voeg de eerste leerling toe met de knop "Nieuwe leerling". U hebt alleen de referentie van het samenwerkingsverband nodig, geen naam of BSN.'
    />
  );
}
