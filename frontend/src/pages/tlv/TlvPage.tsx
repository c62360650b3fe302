import { Alert, Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { tlvs } from '../../api/resources';
import type { Tlv, Versioned } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Fact, RecordFact } from '../../components/Fact';
import { BackLink, RecordMeta } from '../../components/FormParts';
import { EditButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { RecordLoader } from '../../components/RecordLoader';
import { formatDate } from '../../lib/format';
import { AANVRAAG_LABELS, TLV_SOORT_LABELS, TLV_CATEGORIE_LABELS } from '../../lib/labels';
import { inBehandeling, lopendeOpschorting } from '../../lib/tlv';
import { useReferentie } from '../leerlingen/hooks';
import { useScholen } from '../lookups';
import { Besluit, Bezwaar, EerdereBesluiten, Uitstroom } from './besluit';
import { Besluitbrief } from './Besluitbrief';
import { KlokBadge, TlvStatusBadge } from './parts';
import { Adviezen, Opschortingen, Verdaging } from './secties';
import { useNaStap } from './stap';

/** `/tlv/:id`: one request with its clock and every step towards (and after) the decision. */
export default function TlvPage() {
  const { id } = useParams();
  return (
    <RecordLoader resource={tlvs} id={id} listPath="/tlv" listLabel="de TLV-aanvragen">
      {(loaded) => (loaded ? <Aanvraag tlv={loaded} /> : null)}
    </RecordLoader>
  );
}

export interface TlvProps {
  tlv: Versioned<Tlv>;
  /** Whether the caller may take steps on the request. */
  schrijven: boolean;
}

function Aanvraag({ tlv }: { tlv: Versioned<Tlv> }) {
  const t = tlv.data;
  const schrijven = useCanWrite('tlvs');
  const referentie = useReferentie(t.leerlingId);
  const naStap = useNaStap(t.id);
  const props = { tlv, schrijven };
  return (
    <>
      <BackLink to="/tlv">Alle TLV-aanvragen</BackLink>
      <PageHeader
        title={`TLV-aanvraag ${referentie.data ? `van ${referentie.data}` : ''}`.trim()}
        description={
          <Group gap="xs" component="span">
            <TlvStatusBadge status={t.status} />
            <RecordMeta record={t} />
          </Group>
        }
        actions={
          schrijven ? (
            <>
              {t.besluit && <Besluitbrief tlv={t} />}
              <EditButton to={`/tlv/${t.id}/bewerken`}>Aanvraag bewerken</EditButton>
              {inBehandeling(t) && (
                <ConfirmButton
                  label="Intrekken"
                  title="Aanvraag intrekken"
                  confirmLabel="Intrekken"
                  confirmColor="red.8"
                  buttonProps={{ variant: 'outline', color: 'red.8' }}
                  leftSection={<IconArrowBackUp size={16} aria-hidden />}
                  onConfirm={async () => naStap(await tlvs.trekIn(t.id, tlv.etag))}
                >
                  De aanvraag wordt ingetrokken: er komt geen besluit en de beslistermijn stopt. Dit kan niet ongedaan
                  worden gemaakt.
                </ConfirmButton>
              )}
            </>
          ) : undefined
        }
      />
      <Stack gap="lg" maw={1100}>
        <Termijn tlv={t} />
        <Adviezen {...props} />
        <Opschortingen {...props} />
        <Verdaging {...props} />
        <Besluit {...props} />
        <Bezwaar {...props} />
        <Uitstroom {...props} />
        <EerdereBesluiten tlv={t} />
        <Text size="xs" c="dimmed">
          Dat u deze aanvraag hebt geopend, staat in het auditlog van het samenwerkingsverband.
        </Text>
      </Stack>
    </>
  );
}

/** The request and its clock: the deadline, the days left, whether it is suspended or was decided in time. */
function Termijn({ tlv: t }: { tlv: Tlv }) {
  const scholen = useScholen();
  const referentie = useReferentie(t.leerlingId);
  const opschorting = lopendeOpschorting(t);
  const herkomst = t.schoolVanHerkomstId
    ? { id: t.schoolVanHerkomstId, naam: scholen.name(t.schoolVanHerkomstId) }
    : undefined;
  return (
    <Panel id="termijn-kop" title="Aanvraag en beslistermijn" titleGap="sm">
      <Stack gap="md">
        <Group gap="lg" align="flex-start" wrap="wrap" data-testid="tlv-termijn">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={700} tt="uppercase">
              Uiterlijke beslisdatum
            </Text>
            <Group gap="sm" align="center">
              <Text fw={700} size="xl" className="tabular">
                {t.uiterlijkeBeslisdatum
                  ? formatDate(t.uiterlijkeBeslisdatum)
                  : opschorting
                    ? 'Volgt na de opschorting'
                    : '—'}
              </Text>
              <KlokBadge tlv={t} size="lg" />
            </Group>
            <Text size="sm" c="dimmed">
              {klokUitleg(t)}
            </Text>
          </Stack>
        </Group>
        {opschorting && (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />} p="sm">
            <Text size="sm">
              De termijn is opgeschort sinds {formatDate(opschorting.van)}: de klok staat stil tot de opschorting wordt
              beëindigd. Daarna staat hier de nieuwe uiterlijke beslisdatum.
            </Text>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
          <Fact
            label="Leerling"
            value={
              <Anchor component={Link} to={`/leerlingen/${t.leerlingId}`} size="sm">
                {referentie.data ?? 'Naar de leerling'}
              </Anchor>
            }
          />
          <Fact label="Soort" value={`${TLV_SOORT_LABELS[t.soort]}${t.tijdelijk ? ', tijdelijke plaatsing' : ''}`} />
          {t.categorie && <Fact label="Categorie" value={TLV_CATEGORIE_LABELS[t.categorie]} />}
          <Fact
            label="Aanvraag"
            value={
              t.verlengingVanId ? (
                <>
                  {AANVRAAG_LABELS[t.aanvraag]} van{' '}
                  <Anchor component={Link} to={`/tlv/${t.verlengingVanId}`} size="sm">
                    de eerdere TLV
                  </Anchor>
                </>
              ) : (
                AANVRAAG_LABELS[t.aanvraag]
              )
            }
          />
          <RecordFact label="School van herkomst" record={herkomst} path="/scholen" />
          <Fact label="Ontvangen op" value={<span className="tabular">{formatDate(t.ontvangenOp)}</span>} />
          {t.termijnVanaf !== t.ontvangenOp && (
            <Fact
              label="Termijn opnieuw vanaf"
              value={<span className="tabular">{formatDate(t.termijnVanaf)} (gegrond bezwaar)</span>}
            />
          )}
          <Fact label="Schooljaar" value={t.schooljaar} />
        </SimpleGrid>
      </Stack>
    </Panel>
  );
}

/** One sentence on the clock, beside the badge. */
function klokUitleg(t: Tlv): string {
  if (t.status === 'ingetrokken') return 'De aanvraag is ingetrokken; er komt geen besluit.';
  if (t.besluit) {
    const wanneer = `Besloten op ${formatDate(t.besluit.datum)}`;
    return t.binnenTermijn ? `${wanneer}, binnen de termijn.` : `${wanneer}, na de uiterlijke beslisdatum.`;
  }
  const verdaagd = t.verdagingDagen > 0 ? ` Inclusief een verdaging van ${t.verdagingDagen} dagen.` : '';
  if (lopendeOpschorting(t)) {
    return `Bij de opschorting waren er nog ${t.dagenResterend ?? 0} dagen over; die tellen weer zodra de klok loopt.${verdaagd}`;
  }
  const rest = t.dagenResterend ?? 0;
  if (rest < 0)
    return `De termijn is ${-rest} ${-rest === 1 ? 'dag' : 'dagen'} verstreken: beslis zo snel mogelijk.${verdaagd}`;
  return `Beslis uiterlijk op deze dag.${verdaagd}`;
}
