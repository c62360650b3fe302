import { Text } from '@mantine/core';
import { tlvWerkvoorraad, type WerkvoorraadItem } from '../../api/resources';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { WERK_SOORT_LABELS } from '../../lib/labels';
import { werkLink } from '../../lib/tlv';
import { VervalBadge } from './parts';

/** `/tlv/werkvoorraad`: the TLV desk, everything that waits for someone, soonest first. */
export default function WerkvoorraadPage() {
  const vandaag = vandaagNl();
  const columns: Column<WerkvoorraadItem>[] = [
    {
      key: 'datum',
      header: 'Uiterlijk',
      sortable: true,
      nowrap: true,
      link: true,
      render: (w) => formatDate(w.datum),
      aside: (w) => <VervalBadge datum={w.datum} vandaag={vandaag} ml={6} />,
    },
    { key: 'soort', header: 'Wat', nowrap: true, render: (w) => WERK_SOORT_LABELS[w.soort] },
    { key: 'reden', header: 'Reden', render: (w) => w.reden },
    {
      key: 'referentie',
      header: 'Leerling',
      visibleFrom: 'md',
      nowrap: true,
      render: (w) =>
        w.referentie ?? (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Werkvoorraad TLV"
        description="Alles wat bij de TLV-balie op een handeling wacht: beslissen, adviezen, uitgebleven aanvullingen, bezwaren en aflopende TLV's, wat het eerst moet bovenaan. Wie de lijst bekijkt, staat in het auditlog."
      />
      <DataList
        resource={tlvWerkvoorraad}
        noun="taken"
        columns={columns}
        defaults={{ sort: 'datum' }}
        rowHref={(w) => werkLink(w.link) ?? '/tlv'}
        filters={[
          {
            key: 'binnenMaanden',
            label: "Aflopende TLV's binnen",
            placeholder: '6 maanden',
            options: [
              { value: '3', label: '3 maanden' },
              { value: '12', label: '12 maanden' },
            ],
          },
        ]}
        emptyTitle="Niets in de werkvoorraad"
        emptyDescription="Er wacht geen aanvraag op een besluit, advies of aanvulling, er is geen open bezwaar en er loopt binnenkort geen TLV af."
      />
    </>
  );
}
