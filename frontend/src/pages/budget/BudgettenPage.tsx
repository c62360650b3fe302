import { Text } from '@mantine/core';
import { budgetten } from '../../api/resources';
import type { Budget } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { BackLink } from '../../components/FormParts';
import { NewButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatMoney } from '../../lib/format';
import { BUDGET_SOORT_LABELS, options } from '../../lib/labels';
import { useSchooljaar } from '../arrangementen/hooks';
import { useWerkgebieden } from '../lookups';

/** The budget records: per werkgebied and school year, the regular budget and any extra during the year. */
export default function BudgettenPage() {
  const werkgebieden = useWerkgebieden();
  const beheer = useCanWrite('budgetten');
  const { opties, params } = useSchooljaar();
  const schooljaar = params.get('schooljaar');
  const nieuw = `/budget/budgetten/nieuw${schooljaar ? `?schooljaar=${schooljaar}` : ''}`;

  const columns: Column<Budget>[] = [
    { key: 'datum', header: 'Datum', sortable: true, nowrap: true, render: (b) => formatDate(b.datum) },
    { key: 'werkgebiedId', header: 'Werkgebied', render: (b) => werkgebieden.name(b.werkgebiedId) },
    {
      key: 'schooljaar',
      header: 'Schooljaar',
      sortable: true,
      nowrap: true,
      render: (b) => b.schooljaar,
      visibleFrom: 'lg',
    },
    { key: 'soort', header: 'Soort', render: (b) => BUDGET_SOORT_LABELS[b.soort] },
    {
      key: 'bedragCent',
      header: 'Bedrag',
      sortable: true,
      numeric: true,
      nowrap: true,
      render: (b) => formatMoney(b.bedragCent),
    },
    {
      key: 'toelichting',
      header: 'Toelichting',
      visibleFrom: 'md',
      render: (b) =>
        b.toelichting || (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        ),
    },
  ];

  return (
    <>
      <BackLink to={schooljaar ? `/budget?schooljaar=${schooljaar}` : '/budget'}>
        Naar het budget van de werkgebieden
      </BackLink>
      <PageHeader
        title="Budgetten"
        description="Het budget van elk werkgebied per schooljaar: het reguliere budget en extra budget dat in de loop van het jaar is toegekend, elk met een eigen regel."
        actions={beheer ? <NewButton to={nieuw}>Budget toevoegen</NewButton> : undefined}
      />
      <DataList
        resource={budgetten}
        noun="budgetten"
        columns={columns}
        defaults={{ sort: '-datum' }}
        rowHref={(b) => `/budget/budgetten/${b.id}`}
        filters={[
          { key: 'schooljaar', label: 'Schooljaar', options: opties.map((j) => ({ value: j, label: j })) },
          { key: 'werkgebiedId', label: 'Werkgebied', options: werkgebieden.options },
          { key: 'soort', label: 'Soort', options: options(BUDGET_SOORT_LABELS) },
        ]}
        emptyTitle="Nog geen budgetten"
        emptyDescription={
          beheer
            ? 'Leg per werkgebied het budget van een schooljaar vast; extra budget in de loop van het jaar is een eigen regel.'
            : 'Zodra een beheerder de budgetten van de werkgebieden vastlegt, staan ze hier.'
        }
        emptyAction={beheer ? <NewButton to={nieuw}>Budget toevoegen</NewButton> : undefined}
      />
    </>
  );
}
