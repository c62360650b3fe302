import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { arrangementen } from '../../api/resources';
import type { Arrangement } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { formatMoney } from '../../lib/format';
import { ARRANGEMENT_SOORT_LABELS, ARRANGEMENT_STATUS_LABELS, CATEGORIE_LABELS, options } from '../../lib/labels';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useScholen, useWerkgebieden } from '../lookups';
import { useSchooljaar } from './hooks';
import { LeerlingCel } from '../leerlingen/parts';
import { Periode, soortTekst, StatusBadge, VerlengingBadge } from './parts';

/** The ways to register an arrangement: for a pupil, a group or an innovation at a school. */
export function NieuwArrangementMenu({ variant }: { variant?: 'filled' | 'outline' }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant={variant}
          leftSection={<IconPlus size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Arrangement registreren
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/arrangementen/nieuw?soort=individueel">
          Individueel, voor een leerling
        </Menu.Item>
        <Menu.Item component={Link} to="/arrangementen/nieuw?soort=groep">
          Groepsarrangement op een school
        </Menu.Item>
        <Menu.Item component={Link} to="/arrangementen/nieuw?soort=innovatie">
          Innovatiearrangement op een school
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export default function ArrangementenPage() {
  const scholen = useScholen();
  const werkgebieden = useWerkgebieden();
  const writable = useCanWrite('arrangementen');
  const { opties } = useSchooljaar();

  const columns: Column<Arrangement>[] = [
    {
      key: 'startdatum',
      header: 'Periode',
      sortable: true,
      render: (a) => <Periode a={a} />,
      aside: (a) => (a.verlenging ? <VerlengingBadge /> : null),
    },
    {
      // For whom: the pupil of an individual arrangement, or the kind of the others.
      key: 'leerlingId',
      header: 'Voor',
      render: (a) =>
        a.soort === 'individueel' && a.leerlingId ? <LeerlingCel id={a.leerlingId} /> : soortTekst(a, true),
      visibleFrom: 'md',
    },
    {
      key: 'schoolId',
      header: 'School',
      render: (a) => (
        <>
          {scholen.name(a.schoolId)}
          {/* Where the column "Voor" is left out (a tablet beside the menu), the kind is said here. */}
          <Text size="xs" c="dimmed" hiddenFrom="md">
            {soortTekst(a, true)}
          </Text>
        </>
      ),
    },
    {
      key: 'categorie',
      header: 'Categorie',
      render: (a) => CATEGORIE_LABELS[a.categorie],
      visibleFrom: 'xl',
    },
    {
      key: 'bedragCent',
      header: 'Bedrag',
      sortable: true,
      numeric: true,
      nowrap: true,
      render: (a) => formatMoney(a.bedragCent),
    },
    { key: 'status', header: 'Status', sortable: true, render: (a) => <StatusBadge status={a.status} /> },
  ];

  return (
    <>
      <PageHeader
        title="Arrangementen"
        description="Extra ondersteuning voor een leerling, een groep of een innovatie op een school, betaald uit het budget van het werkgebied. Wie de lijst bekijkt, staat in het auditlog."
        actions={writable ? <NieuwArrangementMenu /> : undefined}
      />
      <DataList
        resource={arrangementen}
        noun="arrangementen"
        columns={columns}
        defaults={{ sort: '-startdatum' }}
        rowHref={(a) => `/arrangementen/${a.id}`}
        filters={[
          { key: 'schooljaar', label: 'Schooljaar', options: opties.map((j) => ({ value: j, label: j })) },
          { key: 'soort', label: 'Soort', options: options(ARRANGEMENT_SOORT_LABELS) },
          { key: 'status', label: 'Status', options: options(ARRANGEMENT_STATUS_LABELS) },
          { key: 'categorie', label: 'Categorie', options: options(CATEGORIE_LABELS) },
          { key: 'werkgebiedId', label: 'Werkgebied', options: werkgebieden.options },
          { key: 'schoolId', label: 'School', options: scholen.options },
          {
            key: 'verlenging',
            label: 'Verlenging',
            placeholder: 'Nieuw en verlengd',
            options: options({ false: 'Alleen nieuw', true: 'Alleen verlengingen' }),
          },
          { key: 'leerlingId', label: 'Leerling', control: LeerlingZoeker },
        ]}
        emptyTitle="Nog geen arrangementen"
        emptyDescription={
          writable ? (
            <Text size="sm" component="span">
              Registreer een individueel arrangement vanaf de pagina van de leerling, of een groeps- of
              innovatiearrangement met de knop hierboven.
            </Text>
          ) : (
            'Zodra er arrangementen zijn geregistreerd, staan ze hier.'
          )
        }
      />
    </>
  );
}
