import { Text } from '@mantine/core';
import { schoolcontacten } from '../../api/resources';
import type { Schoolcontact } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { schooljaarOpties } from '../../lib/arrangementen';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { CONTACT_SOORT_LABELS, options } from '../../lib/labels';
import { useScholen } from '../lookups';
import { useConsulenten, useHuidigSchooljaar } from './hooks';
import { ContactKnop, ContactSignaalBadge, VervolgBadge } from './parts';

/** `/schoolcontacten`: every contact of the SWV's consulenten with its schools, newest first. */
export default function ContactenPage() {
  const schrijven = useCanWrite('schoolcontacten');
  const scholen = useScholen();
  const consulenten = useConsulenten();
  const huidig = useHuidigSchooljaar();
  const vandaag = vandaagNl();
  const columns: Column<Schoolcontact>[] = [
    {
      key: 'datum',
      header: 'Datum',
      sortable: true,
      nowrap: true,
      link: true,
      render: (c) => <span className="tabular">{formatDate(c.datum)}</span>,
    },
    { key: 'schoolId', header: 'School', render: (c) => scholen.name(c.schoolId) },
    { key: 'soort', header: 'Soort', nowrap: true, render: (c) => CONTACT_SOORT_LABELS[c.soort] },
    {
      key: 'onderwerp',
      header: 'Onderwerp',
      visibleFrom: 'md',
      render: (c) => (
        <Text size="sm" lineClamp={2}>
          {c.onderwerp}
        </Text>
      ),
    },
    {
      key: 'signaal',
      header: 'Signaal',
      render: (c) =>
        c.signaal ? (
          <ContactSignaalBadge signaal={c.signaal} />
        ) : (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    {
      key: 'vervolgOp',
      header: 'Vervolg',
      sortable: true,
      render: (c) =>
        c.vervolgOp ? (
          <VervolgBadge contact={c} vandaag={vandaag} />
        ) : (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    {
      key: 'consulentId',
      header: 'Consulent',
      visibleFrom: 'lg',
      render: (c) => consulenten.name(c.consulentId) || '—',
    },
  ];

  return (
    <>
      <PageHeader
        title="Schoolcontacten"
        description="De contacten van de consulenten met de scholen: gesprekken, consultaties, observaties en signalen, met wat er nog moet volgen."
        actions={schrijven ? <ContactKnop terug="/schoolcontacten" size="md" /> : undefined}
      />
      <DataList
        resource={schoolcontacten}
        noun="contacten"
        columns={columns}
        defaults={{ sort: '-datum' }}
        rowHref={(c) => `/schoolcontacten/${c.id}?terug=${encodeURIComponent('/schoolcontacten')}`}
        filters={[
          { key: 'schoolId', label: 'School', options: scholen.options },
          { key: 'consulentId', label: 'Consulent', options: consulenten.options },
          { key: 'soort', label: 'Soort', options: options(CONTACT_SOORT_LABELS) },
          {
            key: 'schooljaar',
            label: 'Schooljaar',
            options: schooljaarOpties(huidig).map((j) => ({ value: j, label: j })),
          },
          {
            key: 'vervolgOpen',
            label: 'Vervolg',
            placeholder: 'Alle contacten',
            options: [
              { value: 'true', label: 'Vervolg staat open' },
              { value: 'false', label: 'Geen open vervolg' },
            ],
          },
        ]}
        emptyTitle="Nog geen schoolcontacten"
        emptyDescription={
          schrijven
            ? 'Leg het eerste contact met een school vast met de knop "Contact vastleggen".'
            : 'Er zijn nog geen contacten met scholen vastgelegd.'
        }
        emptyAction={schrijven ? <ContactKnop terug="/schoolcontacten" /> : undefined}
      />
    </>
  );
}
