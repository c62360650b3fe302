import { Alert, Anchor, EmptyState, Group, SimpleGrid, Stack, Text, Timeline } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  IconFileCertificate,
  IconHomeExclamation,
  IconInfoCircle,
  IconPuzzle,
  IconShieldSearch,
  IconTimeline,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { leerlingen } from '../../api/resources';
import type { Dossier, Leerling } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canRead, canWrite } from '../../auth/roles';
import { Fact, RecordFact } from '../../components/Fact';
import { BackLink, RecordMeta } from '../../components/FormParts';
import { EditButton, LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { Panel } from '../../components/Panel';
import { RecordViewRoute } from '../../components/RecordFormPage';
import { legeDossierTekst, tijdlijn, type DossierLijst } from '../../lib/dossier';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatMaand, leeftijd } from '../../lib/format';
import { GESLACHT_LABELS, leerjaarLabel } from '../../lib/labels';
import { useGemeenten, useScholen, useSector, type Lookup } from '../lookups';
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
        <DossierTijdlijn dossier={dossier} />
        <Text size="xs" c="dimmed">
          Dat u dit dossier hebt geopend, staat in het auditlog van het samenwerkingsverband.
        </Text>
      </Stack>
    </>
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
