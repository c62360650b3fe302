import { Badge, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { auditregels } from '../../api/resources';
import type { Auditregel } from '../../api/types';
import { DataList, type Column } from '../../components/DataList';
import { BackLink } from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { leerlingenVanRegel, padOmschrijving } from '../../lib/audit';
import { AUDIT_ACTIE_COLORS, AUDIT_ACTIE_LABELS } from '../../lib/labels';
import { formatMoment } from '../../lib/meetingTime';
import { useReferentie } from '../leerlingen/hooks';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useGebruikers } from '../lookups';

export default function AuditregelsPage() {
  const [params] = useSearchParams();
  const leerlingId = params.get('leerlingId');
  const referentie = useReferentie(leerlingId);
  const gebruikers = useGebruikers();

  const columns: Column<Auditregel>[] = [
    {
      key: 'tijdstip',
      header: 'Tijdstip',
      sortable: true,
      // Date and time stay whole; on a narrow screen the time goes below the date.
      render: (r) => {
        const [datum, tijd] = formatMoment(r.tijdstip).split(', ');
        return (
          <span className="tabular">
            <span className="nowrap">{datum},</span> <span className="nowrap">{tijd}</span>
          </span>
        );
      },
    },
    {
      key: 'gebruikerId',
      header: 'Gebruiker',
      render: (r) => gebruikers.name(r.gebruikerId) || 'Onbekende gebruiker',
    },
    {
      key: 'actie',
      header: 'Actie',
      render: (r) => (
        // The whole word, never cut off: the paths get what room is left.
        <Badge
          variant="light"
          color={AUDIT_ACTIE_COLORS[r.actie]}
          radius="sm"
          tt="none"
          size="md"
          fw={600}
          style={{ minWidth: 'max-content' }}
        >
          {AUDIT_ACTIE_LABELS[r.actie]}
        </Badge>
      ),
    },
    { key: 'wat', header: 'Wat', render: (r) => padOmschrijving(r.pad, r.actie) },
    {
      key: 'pad',
      header: 'Pad',
      render: (r) => (
        <Text span size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {r.pad}
        </Text>
      ),
      visibleFrom: 'lg',
    },
    {
      key: 'leerlingIds',
      header: leerlingId ? 'Leerling' : 'Leerlingen',
      render: (r) =>
        leerlingenVanRegel(r.leerlingIds, leerlingId ? { id: leerlingId, referentie: referentie.data } : undefined),
    },
  ];

  const title = !leerlingId
    ? 'Auditlog'
    : referentie.data !== undefined
      ? `Wie heeft dossier ${referentie.data} bekeken`
      : referentie.isError
        ? 'Wie heeft het dossier van deze leerling bekeken'
        : 'Auditlog';

  return (
    <>
      {leerlingId && (
        <BackLink to={`/leerlingen/${leerlingId}`}>
          {referentie.data ? `Naar leerling ${referentie.data}` : 'Naar de leerling'}
        </BackLink>
      )}
      <PageHeader
        title={title}
        pageTitle={leerlingId ? 'Auditlog van een leerling' : 'Auditlog'}
        description={
          leerlingId
            ? 'Iedereen die deze leerling heeft bekeken, geëxporteerd of gewijzigd, ook in lijsten en zoekresultaten. Nieuwste eerst.'
            : 'Wie welke leerlinggegevens heeft bekeken, geëxporteerd of gewijzigd, nieuwste eerst. Het auditlog kan niemand wijzigen.'
        }
      />
      <DataList
        resource={auditregels}
        noun="auditregels"
        columns={columns}
        defaults={{ sort: '-tijdstip' }}
        filters={[
          { key: 'leerlingId', label: 'Leerling', control: LeerlingZoeker },
          { key: 'gebruikerId', label: 'Gebruiker', options: gebruikers.options },
          { key: 'van', label: 'Van', type: 'date' },
          { key: 'tot', label: 'Tot en met', type: 'date' },
        ]}
        emptyTitle="Nog niets vastgelegd"
        emptyDescription="Zodra iemand leerlinggegevens bekijkt, exporteert of wijzigt, staat hier wie dat deed en wanneer."
      />
    </>
  );
}
