import { Text } from '@mantine/core';
import { tlvs } from '../../api/resources';
import type { Tlv } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { NewButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { AANVRAAG_LABELS, TLV_SOORT_LABELS, TLV_STATUS_LABELS, options } from '../../lib/labels';
import { soortTekst, toegestaneSoorten } from '../../lib/tlv';
import { useSchooljaar } from '../arrangementen/hooks';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { LeerlingCel } from '../leerlingen/parts';
import { useScholen, useSector, useWerkgebieden } from '../lookups';
import { Beslisdatum, TlvStatusBadge } from './parts';

export default function TlvsPage() {
  const scholen = useScholen();
  const werkgebieden = useWerkgebieden();
  const sector = useSector();
  const writable = useCanWrite('tlvs');
  const { opties } = useSchooljaar();
  const soorten = toegestaneSoorten(sector);

  const columns: Column<Tlv>[] = [
    { key: 'leerlingId', header: 'Leerling', render: (t) => <LeerlingCel id={t.leerlingId} /> },
    {
      key: 'soort',
      header: 'Soort',
      link: true,
      render: (t) => soortTekst(t),
      aside: (t) =>
        t.tijdelijk ? (
          <Text span size="xs" c="dimmed" ml={6}>
            tijdelijk
          </Text>
        ) : null,
    },
    { key: 'aanvraag', header: 'Aanvraag', visibleFrom: 'lg', render: (t) => AANVRAAG_LABELS[t.aanvraag] },
    {
      key: 'ontvangenOp',
      header: 'Ontvangen',
      sortable: true,
      nowrap: true,
      visibleFrom: 'md',
      render: (t) => formatDate(t.ontvangenOp),
    },
    {
      key: 'uiterlijkeBeslisdatum',
      header: 'Uiterlijke beslisdatum',
      sortable: true,
      render: (t) => <Beslisdatum tlv={t} />,
    },
    { key: 'status', header: 'Status', sortable: true, render: (t) => <TlvStatusBadge status={t.status} /> },
  ];

  return (
    <>
      <PageHeader
        title="TLV-aanvragen"
        description="Aanvragen van een toelaatbaarheidsverklaring voor het speciaal (basis)onderwijs, met de beslistermijn. Wie de lijst bekijkt, staat in het auditlog."
        actions={writable ? <NewButton to="/tlv/nieuw">TLV-aanvraag registreren</NewButton> : undefined}
      />
      <DataList
        resource={tlvs}
        noun="TLV's"
        columns={columns}
        defaults={{ sort: '-ontvangenOp' }}
        rowHref={(t) => `/tlv/${t.id}`}
        filters={[
          {
            key: 'status',
            label: 'Status',
            options: options(TLV_STATUS_LABELS),
          },
          {
            key: 'soort',
            label: 'Soort',
            options: soorten.map((s) => ({ value: s, label: TLV_SOORT_LABELS[s] })),
          },
          { key: 'schooljaar', label: 'Schooljaar', options: opties.map((j) => ({ value: j, label: j })) },
          { key: 'schoolVanHerkomstId', label: 'School van herkomst', options: scholen.options },
          { key: 'werkgebiedId', label: 'Werkgebied', options: werkgebieden.options },
          {
            key: 'termijnOverschreden',
            label: 'Beslistermijn',
            placeholder: 'Binnen en buiten',
            options: options({ true: 'Termijn overschreden', false: 'Binnen de termijn' }),
          },
          { key: 'leerlingId', label: 'Leerling', control: LeerlingZoeker },
        ]}
        emptyTitle="Nog geen TLV-aanvragen"
        emptyDescription={
          writable
            ? 'Registreer een aanvraag met de knop hierboven, of vanaf de pagina van de leerling. Vanaf de dag van ontvangst loopt de beslistermijn.'
            : 'Zodra er TLV-aanvragen zijn geregistreerd, staan ze hier.'
        }
        emptyAction={writable ? <NewButton to="/tlv/nieuw">TLV-aanvraag registreren</NewButton> : undefined}
      />
    </>
  );
}
