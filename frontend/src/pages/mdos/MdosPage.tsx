import { Badge } from '@mantine/core';
import { mdos } from '../../api/resources';
import type { Mdo } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { NewButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { MDO_UITKOMST_LABELS, NIVEAU_LABELS, options } from '../../lib/labels';
import { useSchooljaar } from '../arrangementen/hooks';
import { Onbekend } from '../arrangementen/parts';
import { LeerlingCel } from '../leerlingen/parts';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useScholen } from '../lookups';

export default function MdosPage() {
  const scholen = useScholen();
  const writable = useCanWrite('mdos');
  const { opties } = useSchooljaar();

  const columns: Column<Mdo>[] = [
    { key: 'datum', header: 'Datum', sortable: true, nowrap: true, render: (m) => formatDate(m.datum) },
    { key: 'schoolId', header: 'School', render: (m) => scholen.name(m.schoolId) },
    {
      key: 'leerlingId',
      header: 'Leerling',
      render: (m) => (m.leerlingId ? <LeerlingCel id={m.leerlingId} /> : <Onbekend>—</Onbekend>),
      visibleFrom: 'md',
    },
    {
      key: 'ondersteuningsniveau',
      header: 'Niveau',
      sortable: true,
      numeric: true,
      render: (m) => m.ondersteuningsniveau,
    },
    { key: 'uitkomst', header: 'Uitkomst', render: (m) => MDO_UITKOMST_LABELS[m.uitkomst] },
    {
      key: 'consulentAanwezig',
      header: 'Consulent',
      visibleFrom: 'lg',
      render: (m) =>
        m.consulentAanwezig ? (
          <Badge variant="light" color="green" radius="sm" tt="none">
            Aanwezig
          </Badge>
        ) : (
          <Onbekend>Niet aanwezig</Onbekend>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="MDO's"
        description="Multidisciplinaire overleggen over een leerling of op een school, geteld per ondersteuningsniveau. Wie de lijst bekijkt, staat in het auditlog."
        actions={writable ? <NewButton to="/mdos/nieuw">MDO registreren</NewButton> : undefined}
      />
      <DataList
        resource={mdos}
        noun="MDO's"
        columns={columns}
        defaults={{ sort: '-datum' }}
        rowHref={(m) => `/mdos/${m.id}`}
        filters={[
          { key: 'schooljaar', label: 'Schooljaar', options: opties.map((j) => ({ value: j, label: j })) },
          { key: 'schoolId', label: 'School', options: scholen.options },
          { key: 'leerlingId', label: 'Leerling', control: LeerlingZoeker },
          { key: 'ondersteuningsniveau', label: 'Ondersteuningsniveau', options: options(NIVEAU_LABELS) },
        ]}
        emptyTitle="Nog geen MDO's"
        emptyDescription={
          writable
            ? 'Registreer een MDO met de knop hierboven, of vanaf de pagina van de leerling.'
            : "Zodra er MDO's zijn geregistreerd, staan ze hier."
        }
        emptyAction={writable ? <NewButton to="/mdos/nieuw">MDO registreren</NewButton> : undefined}
      />
    </>
  );
}
