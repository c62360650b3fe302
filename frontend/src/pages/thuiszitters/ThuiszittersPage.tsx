import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { thuiszitters, type ListSource } from '../../api/resources';
import type { Thuiszitter } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { DataList, type Column } from '../../components/DataList';
import { NewButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatNumber } from '../../lib/format';
import { options, PERSPECTIEF_LABELS, THUISZITTER_CATEGORIE_LABELS } from '../../lib/labels';
import { dreigendTotaal, huidigeSituatie, situatieTekst, zonderPerspectiefEerst } from '../../lib/thuiszitters';
import { useReferentie } from '../leerlingen/hooks';
import { useGemeenten } from '../lookups';
import { PerspectiefCel, ThuisBadge } from './parts';

/** The open cases, those without perspective first on every page (the server orders by date only). */
const bord: ListSource<'/thuiszitters', Thuiszitter> = {
  path: thuiszitters.path,
  list: async (query) => {
    const page = await thuiszitters.list(query);
    return { ...page, items: zonderPerspectiefEerst(page.items) };
  },
};

/** The gemeenten with a case today, with how many (from the count, which names no pupil). */
function useGemeentenMetDossiers(vandaag: string) {
  const telling = useQuery({
    queryKey: [thuiszitters.path, 'telling', vandaag],
    queryFn: () => thuiszitters.telling(vandaag),
    staleTime: 60_000,
  });
  return telling.data?.gemeenten.map((g) => ({
    value: g.gemeenteId,
    label: `${g.naam} (${formatNumber(g.totaal + dreigendTotaal(g))})`,
  }));
}

function Referentie({ leerlingId }: { leerlingId: string }) {
  const referentie = useReferentie(leerlingId);
  return <span className="tabular nowrap">{referentie.data ?? 'Leerling'}</span>;
}

export default function ThuiszittersPage() {
  const writable = useCanWrite('thuiszitters');
  const gemeenten = useGemeenten();
  const vandaag = vandaagNl();
  const metDossiers = useGemeentenMetDossiers(vandaag);

  const columns: Column<Thuiszitter>[] = [
    { key: 'leerlingId', header: 'Leerling', render: (t) => <Referentie leerlingId={t.leerlingId} /> },
    { key: 'gemeenteId', header: 'Gemeente', visibleFrom: 'md', render: (t) => gemeenten.name(t.gemeenteId) },
    {
      key: 'categorie',
      header: 'Situatie',
      render: (t) => {
        const situatie = huidigeSituatie(t);
        return situatie ? situatieTekst(situatie) : '';
      },
    },
    { key: 'perspectief', header: 'Perspectief', render: (t) => <PerspectiefCel t={t} /> },
    { key: 'thuis', header: 'Thuis', render: (t) => <ThuisBadge t={t} /> },
    {
      key: 'startdatum',
      header: 'Sinds',
      sortable: true,
      nowrap: true,
      visibleFrom: 'lg',
      render: (t) => <span className="tabular">{formatDate(t.startdatum)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title="Thuiszittersbord"
        description="De dossiers die vandaag lopen: leerplichtige leerlingen die thuiszitten en dreigende thuiszitters. Wie de lijst bekijkt, staat in het auditlog."
        actions={writable ? <NewButton to="/thuiszitters/nieuw">Thuiszitter registreren</NewButton> : undefined}
      />
      <DataList
        resource={bord}
        noun="dossiers"
        columns={columns}
        vast={{ actiefOp: vandaag }}
        defaults={{ sort: 'startdatum' }}
        rowHref={(t) => `/thuiszitters/${t.id}`}
        filters={[
          { key: 'gemeenteId', label: 'Gemeente', options: metDossiers },
          { key: 'categorie', label: 'Situatie', options: options(THUISZITTER_CATEGORIE_LABELS) },
          { key: 'perspectief', label: 'Perspectief', options: options(PERSPECTIEF_LABELS) },
        ]}
        emptyTitle="Geen thuiszitters vandaag"
        emptyDescription={
          writable
            ? 'Er loopt vandaag geen dossier. Registreer een leerling die thuiszit of dreigt thuis te komen zitten met de knop hierboven, of vanaf de pagina van de leerling.'
            : 'Zodra er dossiers van thuiszitters lopen, staan ze hier.'
        }
        emptyAction={writable ? <NewButton to="/thuiszitters/nieuw">Thuiszitter registreren</NewButton> : undefined}
      />
      <Text size="xs" c="dimmed" mt="sm">
        Op elke pagina staan de dossiers zonder perspectief bovenaan (niet vastgelegd of thuis zonder perspectief),
        daarna de langst lopende. Eerdere dossiers staan bij de leerling; de aantallen per peildatum onder{' '}
        <Anchor component={Link} to="/thuiszitters/peildata" size="xs" underline="always">
          Peildata
        </Anchor>
        .
      </Text>
    </>
  );
}
