import { Alert, Anchor, Button, EmptyState, Group, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconFileCertificate,
  IconHomeExclamation,
  IconInfoCircle,
  IconPlus,
  IconPuzzle,
  IconRepeat,
  IconShieldSearch,
  IconTimeline,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { leerlingen } from '../../api/resources';
import type { Arrangement, Dossier, Leerling, Mdo, Thuiszitter, Tlv } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canRead, canWrite } from '../../auth/roles';
import { Fact, RecordFact } from '../../components/Fact';
import { BackLink, RecordMeta } from '../../components/FormParts';
import { EditButton, LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { RecordViewRoute } from '../../components/RecordFormPage';
import { kanVerlengen } from '../../lib/arrangementen';
import { legeDossierTekst, tijdlijn, type DossierLijst } from '../../lib/dossier';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatMaand, formatMoney, leeftijd } from '../../lib/format';
import {
  CATEGORIE_LABELS,
  EINDREDEN_LABELS,
  GESLACHT_LABELS,
  leerjaarLabel,
  MDO_UITKOMST_LABELS,
} from '../../lib/labels';
import { huidigeSituatie, perspectiefTekst, situatieTekst } from '../../lib/thuiszitters';
import { Periode, StatusBadge, VerlengingBadge } from '../arrangementen/parts';
import { useGemeenten, useScholen, useSector, type Lookup } from '../lookups';
import { soortTekst, standTekst } from '../../lib/tlv';
import { KlokBadge, TlvStatusBadge } from '../tlv/parts';
import { ThuisBadge } from '../thuiszitters/parts';
import { rememberReferentie } from './hooks';
import { GeanonimiseerdBadge } from './parts';

/** The bullet of each kind of record on the timeline. */
const ICONEN: Record<DossierLijst, Icon> = {
  arrangementen: IconPuzzle,
  toelaatbaarheidsverklaringen: IconFileCertificate,
  mdo: IconUsersGroup,
  thuiszitters: IconHomeExclamation,
};

export default function LeerlingPage() {
  return <RecordViewRoute resource={leerlingen.dossier} area="leerlingen" view={DossierView} />;
}

function DossierView({ record: dossier }: { record: Dossier }) {
  const l = dossier.leerling;
  const me = useMe();
  const queryClient = useQueryClient();
  useEffect(() => rememberReferentie(queryClient, l), [queryClient, l]);
  return (
    <>
      <BackLink to="/leerlingen">Alle leerlingen</BackLink>
      <PageHeader
        title={`Leerling ${l.referentie}`}
        description={
          <Group gap="xs" component="span">
            {l.geanonimiseerd && <GeanonimiseerdBadge />}
            <RecordMeta record={l} />
          </Group>
        }
        actions={
          <>
            {canRead(me, 'auditregels') && (
              <LinkButton to={`/auditregels?leerlingId=${l.id}`} icon={IconShieldSearch} variant="default">
                Wie heeft dit dossier bekeken
              </LinkButton>
            )}
            {canWrite(me, 'leerlingen') && <EditButton to={`/leerlingen/${l.id}/bewerken`} />}
            {canWrite(me, 'tlvs') && (
              <LinkButton to={nieuwVoor('/tlv', l)} icon={IconFileCertificate} variant="default">
                TLV-aanvraag registreren
              </LinkButton>
            )}
            {canWrite(me, 'mdos') && (
              <LinkButton to={nieuwVoor('/mdos', l)} icon={IconUsersGroup} variant="default">
                MDO registreren
              </LinkButton>
            )}
            {canWrite(me, 'thuiszitters') && (
              <LinkButton to={nieuwVoor('/thuiszitters', l)} icon={IconHomeExclamation} variant="default">
                Thuiszitter registreren
              </LinkButton>
            )}
            {canWrite(me, 'arrangementen') && (
              <LinkButton to={nieuwVoor('/arrangementen', l)} icon={IconPlus}>
                Arrangement registreren
              </LinkButton>
            )}
          </>
        }
      />
      <Stack gap="lg" maw={1100}>
        {l.geanonimiseerd && (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />} title="Geanonimiseerd">
            De bewaartermijn van deze leerling is verstreken. De referentie is vervangen door een willekeurige en de
            geboortemaand is afgerond op januari; de cijfers van vorige jaren blijven kloppen.
          </Alert>
        )}
        <Gegevens leerling={l} />
        <Thuiszitters dossier={dossier} schrijven={canWrite(me, 'thuiszitters')} />
        <Tlvs dossier={dossier} schrijven={canWrite(me, 'tlvs')} />
        <Arrangementen dossier={dossier} schrijven={canWrite(me, 'arrangementen')} />
        <Mdos dossier={dossier} schrijven={canWrite(me, 'mdos')} />
        <DossierTijdlijn dossier={dossier} />
        <Text size="xs" c="dimmed">
          Dat u dit dossier hebt geopend, staat in het auditlog van het samenwerkingsverband.
        </Text>
      </Stack>
    </>
  );
}

/** The form of a new record for this pupil, with its school filled in. */
function nieuwVoor(pad: '/arrangementen' | '/mdos' | '/tlv' | '/thuiszitters', l: Leerling): string {
  const q = new URLSearchParams({ leerlingId: l.id });
  if (l.schoolId) q.set('schoolId', l.schoolId);
  return `${pad}/nieuw?${q.toString()}`;
}

/** The pupil's arrangementen, newest first, each with a one-click extension once granted. */
function Arrangementen({ dossier, schrijven }: { dossier: Dossier; schrijven: boolean }) {
  const navigate = useNavigate();
  const items = [...dossier.arrangementen].reverse();
  const verlengd = new Set(dossier.arrangementen.map((a) => a.verlengingVanId).filter(Boolean));
  const verleng = (a: Arrangement) =>
    void navigate(`/arrangementen/nieuw?verlengingVan=${a.id}`, { state: { verlengingVan: a } });
  return (
    <Panel id="arrangementen-kop" title={`Arrangementen (${items.length})`} titleGap="sm">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nog geen arrangementen.{schrijven ? ' Registreer er een met "Arrangement registreren" bovenaan.' : ''}
        </Text>
      ) : (
        <RecordRegels label="Arrangementen van de leerling">
          {items.map((a) => (
            <RecordRegel
              key={a.id}
              testId="leerling-arrangement"
              titel={
                <>
                  <Anchor component={Link} to={`/arrangementen/${a.id}`} fw={600} size="sm">
                    <Periode a={a} />
                  </Anchor>
                  {a.verlenging && <VerlengingBadge />}
                </>
              }
              regel={
                <>
                  {CATEGORIE_LABELS[a.categorie]} · <span className="nowrap">{formatMoney(a.bedragCent)}</span>
                </>
              }
              status={<StatusBadge status={a.status} />}
              actie={
                !schrijven ? null : verlengd.has(a.id) ? (
                  <Text size="sm" c="dimmed">
                    Verlengd
                  </Text>
                ) : kanVerlengen(a) ? (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRepeat size={14} aria-hidden />}
                    onClick={() => verleng(a)}
                    aria-label={`Verlengen: arrangement van ${formatDate(a.startdatum)}`}
                  >
                    Verlengen
                  </Button>
                ) : null
              }
            />
          ))}
        </RecordRegels>
      )}
    </Panel>
  );
}

/** The pupil's TLV's, newest first, with the deadline or the decision. */
function Tlvs({ dossier, schrijven }: { dossier: Dossier; schrijven: boolean }) {
  const items: Tlv[] = [...dossier.toelaatbaarheidsverklaringen].reverse();
  return (
    <Panel id="tlvs-kop" title={`TLV's (${items.length})`} titleGap="sm">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nog geen TLV&apos;s.{schrijven ? ' Registreer een aanvraag met "TLV-aanvraag registreren" bovenaan.' : ''}
        </Text>
      ) : (
        <RecordRegels label="TLV's van de leerling">
          {items.map((t) => (
            <RecordRegel
              key={t.id}
              testId="leerling-tlv"
              titel={
                <Anchor component={Link} to={`/tlv/${t.id}`} fw={600} size="sm">
                  {soortTekst(t)}, ontvangen {formatDate(t.ontvangenOp)}
                </Anchor>
              }
              regel={standTekst(t)}
              status={
                <>
                  <TlvStatusBadge status={t.status} />
                  <KlokBadge tlv={t} />
                </>
              }
            />
          ))}
        </RecordRegels>
      )}
    </Panel>
  );
}

/**
 * The pupil's thuiszitter cases, newest first: where the pupil stands now (or stood when the case
 * ended) and how long at home. An open case comes first: it is what a meeting is about.
 */
function Thuiszitters({ dossier, schrijven }: { dossier: Dossier; schrijven: boolean }) {
  const items: Thuiszitter[] = [...dossier.thuiszitters].reverse();
  // Most pupils never are one: the panel shows only when there is something, or something to register.
  if (items.length === 0 && !schrijven) return null;
  return (
    <Panel id="thuiszitters-kop" title={`Thuiszitters (${items.length})`} titleGap="sm">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Geen thuiszittersdossier. Zit de leerling thuis of dreigt dat, registreer het dan met &quot;Thuiszitter
          registreren&quot; bovenaan.
        </Text>
      ) : (
        <RecordRegels label="Thuiszittersdossiers van de leerling">
          {items.map((t) => {
            const situatie = huidigeSituatie(t);
            return (
              <RecordRegel
                key={t.id}
                testId="leerling-thuiszitter"
                titel={
                  <Anchor component={Link} to={`/thuiszitters/${t.id}`} fw={600} size="sm">
                    {t.einddatum
                      ? `Thuiszitter van ${formatDate(t.startdatum)} tot ${formatDate(t.einddatum)}`
                      : `Thuiszitter ${t.startdatum > vandaagNl() ? 'vanaf' : 'sinds'} ${formatDate(t.startdatum)}`}
                  </Anchor>
                }
                regel={
                  <>
                    {situatie ? `${situatieTekst(situatie)} · ${perspectiefTekst(situatie)}` : ''}
                    {t.eindreden ? ` · afgesloten: ${EINDREDEN_LABELS[t.eindreden].toLowerCase()}` : ''}
                  </>
                }
                status={<ThuisBadge t={t} metThuis />}
              />
            );
          })}
        </RecordRegels>
      )}
    </Panel>
  );
}

/** The MDO's about the pupil, newest first. */
function Mdos({ dossier, schrijven }: { dossier: Dossier; schrijven: boolean }) {
  const scholen = useScholen();
  const items: Mdo[] = [...dossier.mdo].reverse();
  return (
    <Panel id="mdos-kop" title={`MDO's (${items.length})`} titleGap="sm">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nog geen MDO&apos;s.{schrijven ? ' Registreer er een met "MDO registreren" bovenaan.' : ''}
        </Text>
      ) : (
        <RecordRegels label="MDO's van de leerling">
          {items.map((m) => (
            <RecordRegel
              key={m.id}
              titel={
                <Anchor component={Link} to={`/mdos/${m.id}`} fw={600} size="sm" className="tabular">
                  {formatDate(m.datum)}
                </Anchor>
              }
              regel={`${scholen.name(m.schoolId)} · niveau ${m.ondersteuningsniveau} · uitkomst ${MDO_UITKOMST_LABELS[m.uitkomst]} · ${m.consulentAanwezig ? 'consulent aanwezig' : 'zonder consulent'}`}
            />
          ))}
        </RecordRegels>
      )}
    </Panel>
  );
}

/** Records of the pupil as a list of lines that wrap on a phone (a table would hide its last columns). */
function RecordRegels({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap={0} aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {children}
    </Stack>
  );
}

function RecordRegel({
  titel,
  regel,
  status,
  actie,
  testId,
}: {
  titel: ReactNode;
  regel: ReactNode;
  status?: ReactNode;
  actie?: ReactNode;
  testId?: string;
}) {
  return (
    <Group
      component="li"
      justify="space-between"
      gap="xs"
      py="xs"
      wrap="wrap"
      data-testid={testId}
      style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Stack gap={2} style={{ flex: '1 1 16rem' }}>
        <Group gap={4} wrap="wrap">
          {titel}
        </Group>
        <Text size="sm">{regel}</Text>
      </Stack>
      <Group gap="sm" wrap="nowrap">
        {status}
        {actie}
      </Group>
    </Group>
  );
}

/** A fact naming a record of a lookup, as a link to its page. */
function named(lookup: Lookup, id: string | null | undefined) {
  const naam = lookup.name(id);
  return id && naam ? { id, naam } : undefined;
}

function Gegevens({ leerling: l }: { leerling: Leerling }) {
  const scholen = useScholen();
  const gemeenten = useGemeenten();
  const sector = useSector();
  const jaren = leeftijd(l.geboortemaand, vandaagNl());
  return (
    <Panel id="gegevens-kop" title="Gegevens" titleGap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <Fact label="Referentie" value={<span className="tabular">{l.referentie}</span>} />
        <Fact
          label="Geboortemaand"
          value={`${formatMaand(l.geboortemaand)}${jaren === null ? '' : ` (${jaren} jaar)`}`}
        />
        <Fact label="Geslacht" value={GESLACHT_LABELS[l.geslacht]} />
        {l.schoolId ? (
          <RecordFact label="School" record={named(scholen, l.schoolId)} path="/scholen" />
        ) : (
          <Fact label="School" value="Niet ingeschreven op een school van het samenwerkingsverband" />
        )}
        <Fact label={leerjaarLabel(sector)} value={l.leerjaar ?? 'Onbekend'} />
        <RecordFact label="Woongemeente" record={named(gemeenten, l.woongemeenteId)} path="/gemeenten" />
      </SimpleGrid>
    </Panel>
  );
}

/** Everything recorded about the pupil on one timeline, oldest first. */
function DossierTijdlijn({ dossier }: { dossier: Dossier }) {
  const items = tijdlijn(dossier);
  return (
    <Panel id="dossier-kop" title="Dossier" titleGap="md">
      {items.length === 0 ? (
        <EmptyState
          icon={<IconTimeline size={28} aria-hidden />}
          withIndicatorBackground
          title={legeDossierTekst()}
          description="Wat over deze leerling wordt vastgelegd, komt hier op een tijdlijn te staan, van oud naar nieuw."
          py="md"
        />
      ) : (
        <Timeline active={items.length - 1} bulletSize={28} lineWidth={2}>
          {items.map((item) => {
            const ItemIcon = ICONEN[item.lijst];
            return (
              <Timeline.Item
                key={item.key}
                bullet={<ItemIcon size={16} aria-hidden />}
                title={
                  item.href ? (
                    <Anchor component={Link} to={item.href} fw={600}>
                      {item.titel}
                    </Anchor>
                  ) : (
                    item.titel
                  )
                }
              >
                <Text size="xs" c="dimmed" className="tabular">
                  {formatDate(item.datum)}
                </Text>
                {item.omschrijving && <Text size="sm">{item.omschrijving}</Text>}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Panel>
  );
}
