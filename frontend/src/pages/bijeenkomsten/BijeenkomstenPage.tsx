import { Group, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarMonth, IconList, type Icon as TablerIcon } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { bijeenkomsten } from '../../api/resources';
import type { Bijeenkomst } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import type { Column } from '../../components/DataList';
import { NewButton } from '../../components/LinkButton';
import { RecordList } from '../../components/ListPage';
import { PageHeader } from '../../components/PageHeader';
import { schooljaarKeuzes } from '../../lib/bijeenkomsten';
import { formatStart } from '../../lib/bijeenkomsten';
import { formatNumber } from '../../lib/format';
import { BIJEENKOMST_SOORT_LABELS, BIJEENKOMST_STATUS_LABELS, options, VORM_LABELS } from '../../lib/labels';
import { MaandKalender } from './MaandKalender';
import { StatusBadge } from './parts';
import { heeftOpkomst, schooljaarNl } from '../../lib/tijd';

/** A choice of view, with its icon. */
function weergave(value: string, Icon: TablerIcon, label: string) {
  return {
    value,
    label: (
      <Group gap={6} wrap="nowrap">
        <Icon size={16} aria-hidden />
        <Text size="sm">{label}</Text>
      </Group>
    ),
  };
}

export default function BijeenkomstenPage() {
  const writable = useCanWrite('bijeenkomsten');
  const [params, setParams] = useSearchParams();
  const kalender = params.get('weergave') === 'kalender';
  const schooljaren = schooljaarKeuzes(schooljaarNl(new Date())).map((s) => ({ value: s, label: s }));

  const columns: Column<Bijeenkomst>[] = [
    {
      key: 'start',
      header: 'Datum en tijd',
      sortable: true,
      nowrap: true,
      render: (b) => <span className="tabular">{formatStart(b.start)}</span>,
    },
    { key: 'titel', header: 'Titel', sortable: true, link: true, render: (b) => b.titel },
    {
      key: 'soort',
      header: 'Soort',
      sortable: true,
      render: (b) => BIJEENKOMST_SOORT_LABELS[b.soort],
      visibleFrom: 'md',
    },
    { key: 'vorm', header: 'Vorm', render: (b) => VORM_LABELS[b.vorm], visibleFrom: 'lg' },
    { key: 'status', header: 'Status', sortable: true, render: (b) => <StatusBadge bijeenkomst={b} /> },
    {
      key: 'aangemeld',
      header: 'Aangemeld',
      numeric: true,
      nowrap: true,
      render: (b) =>
        b.maxDeelnemers != null ? (
          <>
            {formatNumber(b.aantalAangemeld)}
            <VisuallyHidden> van maximaal </VisuallyHidden>
            <span aria-hidden>/</span>
            {formatNumber(b.maxDeelnemers)}
          </>
        ) : (
          formatNumber(b.aantalAangemeld)
        ),
    },
    { key: 'wachtlijst', header: 'Wachtlijst', numeric: true, render: (b) => formatNumber(b.aantalWachtlijst) },
    {
      key: 'aanwezig',
      header: 'Aanwezig',
      numeric: true,
      render: (b) =>
        heeftOpkomst(b, new Date()) ? (
          formatNumber(b.aantalAanwezig)
        ) : (
          <Text span c="dimmed" aria-label="nog niet">
            –
          </Text>
        ),
    },
  ];

  const setWeergave = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'kalender') next.set('weergave', 'kalender');
    else {
      next.delete('weergave');
      next.delete('maand');
    }
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title="Bijeenkomsten"
        description="Netwerken, trainingen en andere bijeenkomsten: aanmeldingen, wachtlijst en opkomst."
        actions={
          <Group gap="sm">
            <SegmentedControl
              aria-label="Weergave"
              value={kalender ? 'kalender' : 'lijst'}
              onChange={setWeergave}
              data={[weergave('lijst', IconList, 'Lijst'), weergave('kalender', IconCalendarMonth, 'Kalender')]}
            />
            {writable && <NewButton to="/bijeenkomsten/nieuw">Nieuwe bijeenkomst</NewButton>}
          </Group>
        }
      />
      {kalender ? (
        <MaandKalender writable={writable} />
      ) : (
        <RecordList
          area="bijeenkomsten"
          newLabel="Nieuwe bijeenkomst"
          resource={bijeenkomsten}
          columns={columns}
          sort="-start"
          searchPlaceholder="Titel"
          filters={[
            { key: 'schooljaar', label: 'Schooljaar', options: schooljaren },
            { key: 'soort', label: 'Soort', options: options(BIJEENKOMST_SOORT_LABELS) },
            { key: 'status', label: 'Status', options: options(BIJEENKOMST_STATUS_LABELS) },
            { key: 'vorm', label: 'Vorm', options: options(VORM_LABELS) },
          ]}
          emptyTitle="Nog geen bijeenkomsten"
          emptyDescription='Plan de eerste bijeenkomst met de knop "Nieuwe bijeenkomst". Daarna kunt u deelnemers aanmelden of de inschrijving openzetten.'
          emptyReadOnly="Er zijn nog geen bijeenkomsten gepland. Een beheerder, consulent of medewerker kan ze toevoegen."
        />
      )}
    </>
  );
}
