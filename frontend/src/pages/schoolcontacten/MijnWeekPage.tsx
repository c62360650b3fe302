import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/problem';
import { bijeenkomsten, fetchAll, schoolcontacten, werkvoorraad, type MijnWerkItem } from '../../api/resources';
import type { Bijeenkomst, Schoolcontact } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { Section } from '../../components/Cijfers';
import { SIGNAAL_BG } from '../../components/SignalCounts';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { TableHead } from '../../components/TableHead';
import { ErrorState } from '../../components/states';
import { formatStart, localParts, vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatDecimal, formatNumber } from '../../lib/format';
import { BIJEENKOMST_SOORT_LABELS, BIJEENKOMST_STATUS_LABELS, WERK_SOORT_LABELS } from '../../lib/labels';
import { etagOf } from '../../lib/planning';
import {
  contactIdVan,
  eersteZichtbaar,
  dagMaand,
  geledenTekst,
  groepeerWerk,
  verwaarloosdEerst,
  weekTekst,
  weekVan,
  werkRoute,
} from '../../lib/schoolcontacten';
import { VervalBadge } from '../tlv/parts';
import { useContactOverzicht, useHuidigSchooljaar } from './hooks';
import { ContactKnop, OnderMinimum, ZorgSignalen } from './parts';

/** The whole worklist at once (it is the caller's own: tens of items, not thousands). */
const ALLES = { page: 1, pageSize: 200, sort: 'datum' };

/**
 * The start page of a consulent: what waits for her (by kind, soonest first, a follow-up done in
 * one tap), the meetings of this week, and her schools with the neglected ones first.
 */
export default function MijnWeekPage() {
  const vandaag = vandaagNl();
  return (
    <>
      <PageHeader title="Mijn week" description={weekTekst(vandaag)} actions={<ContactKnop terug="/" size="lg" />} />
      <Stack gap="xl">
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <TeDoen vandaag={vandaag} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <DezeWeek vandaag={vandaag} />
          </Grid.Col>
        </Grid>
        <MijnScholen vandaag={vandaag} />
      </Stack>
    </>
  );
}

/** The caller's open follow-ups as records: their versions are the If-Match of "Afgerond". */
function useOpenVervolgen() {
  const me = useMe();
  return useQuery({
    queryKey: ['/schoolcontacten', 'list', 'open-vervolgen', me.id],
    queryFn: () => fetchAll(schoolcontacten, { consulentId: me.id, vervolgOpen: true, sort: 'vervolgOp' }),
  });
}

function TeDoen({ vandaag }: { vandaag: string }) {
  const query = useQuery({
    queryKey: [...(werkvoorraad.queryKey ?? [werkvoorraad.path]), 'list', ALLES],
    queryFn: () => werkvoorraad.list(ALLES),
  });
  const vervolgen = useOpenVervolgen();
  // Done here: gone at once, before the worklist is read again.
  const [afgerond, setAfgerond] = useState<Set<string>>(() => new Set());
  const items = (query.data?.items ?? []).filter((w) => !afgerond.has(w.id));
  const groepen = groepeerWerk(items);
  // Kinds with many items show the soonest first; the rest on request.
  const [open, setOpen] = useState<Set<string>>(() => new Set());

  return (
    <Section id="te-doen" title="Te doen">
      {query.isPending ? (
        <Stack gap="sm" aria-label="Laden">
          {[1, 2, 3].map((i) => (
            <Skeleton key={i} height={64} radius="md" />
          ))}
        </Stack>
      ) : query.isError ? (
        <ErrorState
          title="Uw werkvoorraad kon niet worden geladen"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : groepen.length === 0 ? (
        <Paper withBorder radius="md" p="lg" data-testid="te-doen-leeg">
          <Text fw={600}>Niets te doen</Text>
          <Text size="sm" c="dimmed">
            Er staat geen vervolg van een schoolcontact open en er wacht geen TLV-aanvraag, thuiszitter, evaluatie of
            presentielijst op u.
          </Text>
        </Paper>
      ) : (
        <Stack gap="md">
          {groepen.map((groep) => (
            <Paper
              key={groep.soort}
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-labelledby={`werk-${groep.soort}`}
              data-testid="werk-groep"
            >
              <Group justify="space-between" mb={4}>
                <Title order={3} size="h5" id={`werk-${groep.soort}`}>
                  {WERK_SOORT_LABELS[groep.soort]}
                </Title>
                <Text size="sm" c="dimmed" className="tabular">
                  {groep.items.length} {groep.items.length === 1 ? 'taak' : 'taken'}
                </Text>
              </Group>
              <ul className="balie-lijst">
                {(open.has(groep.soort) ? groep.items : eersteZichtbaar(groep.items, vandaag)).map((w) => (
                  <WerkRegel
                    key={w.id}
                    item={w}
                    vandaag={vandaag}
                    contact={vervolgen.data?.find((c) => c.id === contactIdVan(w.link))}
                    onAfgerond={() => setAfgerond((s) => new Set(s).add(w.id))}
                  />
                ))}
              </ul>
              {eersteZichtbaar(groep.items, vandaag).length < groep.items.length && !open.has(groep.soort) && (
                <Button variant="subtle" size="sm" mt={4} onClick={() => setOpen((s) => new Set(s).add(groep.soort))}>
                  Alle {groep.items.length} tonen
                </Button>
              )}
            </Paper>
          ))}
          {query.data.total > query.data.items.length && (
            <Text size="sm" c="dimmed">
              De eerste {formatNumber(query.data.items.length)} van {formatNumber(query.data.total)} taken, wat het
              eerst moet bovenaan.
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}

/** One item: its due date in the deadline's colours, why, and a link to its page; a follow-up can be done here. */
function WerkRegel({
  item,
  vandaag,
  contact,
  onAfgerond,
}: {
  item: MijnWerkItem;
  vandaag: string;
  contact: Schoolcontact | undefined;
  onAfgerond: () => void;
}) {
  const route = werkRoute(item);
  const contactId = contactIdVan(item.link);
  const inhoud = (
    <>
      <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
        <Text size="sm" fw={600} c="koers.8">
          {item.reden}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text span size="sm" className="tabular nowrap">
            {formatDate(item.datum)}
          </Text>
          <VervalBadge datum={item.datum} vandaag={vandaag} />
        </Group>
      </Group>
      {item.referentie && (
        <Text size="sm" c="dimmed">
          Leerling {item.referentie}
        </Text>
      )}
    </>
  );
  return (
    <li data-testid="werk-item">
      <Group gap="xs" wrap="nowrap" align="center">
        {route ? (
          <UnstyledButton component={Link} to={route} className="balie-item" style={{ flex: 1, minWidth: 0 }}>
            {inhoud}
          </UnstyledButton>
        ) : (
          <div className="balie-item" style={{ flex: 1, minWidth: 0 }}>
            {inhoud}
          </div>
        )}
        {contactId && <AfrondKnop contactId={contactId} contact={contact} reden={item.reden} onAfgerond={onAfgerond} />}
      </Group>
    </li>
  );
}

/**
 * "Afgerond": the follow-up is done, in one tap. Sent with the version of the contact as read with
 * the page (If-Match): when someone changed the contact meanwhile, it says so and reads it again.
 */
function AfrondKnop({
  contactId,
  contact,
  reden,
  onAfgerond,
}: {
  contactId: string;
  contact: Schoolcontact | undefined;
  reden: string;
  onAfgerond: () => void;
}) {
  const queryClient = useQueryClient();
  const [bezig, setBezig] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const rond = async () => {
    setBezig(true);
    setFout(null);
    try {
      const etag = contact ? etagOf(contact) : (await schoolcontacten.get(contactId)).etag;
      await schoolcontacten.vervolgGedaan(contactId, etag);
      onAfgerond();
      notifications.show({ color: 'green', message: 'Het vervolg is afgerond.' });
      void queryClient.invalidateQueries({ queryKey: ['/schoolcontacten'] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setFout(
          'Iemand anders heeft dit contact intussen gewijzigd. De lijst is opnieuw geladen: bekijk het contact en rond het daarna af.',
        );
        void queryClient.invalidateQueries({ queryKey: ['/schoolcontacten'] });
      } else {
        setFout(errorMessage(error));
      }
    } finally {
      setBezig(false);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button
        // The green of "op koers": white on it is well above AA.
        color={SIGNAAL_BG.op_koers}
        size="md"
        leftSection={<IconCheck size={18} aria-hidden />}
        loading={bezig}
        onClick={() => void rond()}
        aria-label={`Afgerond: ${reden}`}
      >
        Afgerond
      </Button>
      {fout && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert" p="xs" maw={280}>
          <Text size="xs">{fout}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/** The meetings of this week (Monday to Sunday), in order of their start. */
function DezeWeek({ vandaag }: { vandaag: string }) {
  const { maandag, zondag } = weekVan(vandaag);
  const query = useQuery({
    queryKey: ['/bijeenkomsten', 'list', 'week', maandag],
    queryFn: () => fetchAll(bijeenkomsten, { vanaf: maandag, tot: zondag, sort: 'start' }),
  });
  return (
    <Section
      id="deze-week"
      title="Deze week"
      actions={
        <Anchor component={Link} to="/bijeenkomsten" size="sm" fw={500}>
          <Group gap={4} component="span" wrap="nowrap">
            Alle bijeenkomsten
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      }
    >
      <Paper withBorder radius="md" p="md">
        {query.isPending ? (
          <Stack gap="sm" aria-label="Laden">
            {[1, 2].map((i) => (
              <Skeleton key={i} height={48} />
            ))}
          </Stack>
        ) : query.isError ? (
          <ErrorState
            title="De bijeenkomsten konden niet worden geladen"
            error={query.error}
            onRetry={() => void query.refetch()}
          />
        ) : query.data.length === 0 ? (
          <Stack gap={4}>
            <Text fw={600}>Geen bijeenkomsten deze week</Text>
            <Text size="sm" c="dimmed">
              Van {dagMaand(maandag)} tot en met {dagMaand(zondag)} staat er niets in de agenda van het
              samenwerkingsverband.
            </Text>
          </Stack>
        ) : (
          <ul className="balie-lijst" data-testid="deze-week">
            {query.data.map((b) => (
              <WeekBijeenkomst key={b.id} b={b} vandaag={vandaag} />
            ))}
          </ul>
        )}
      </Paper>
    </Section>
  );
}

const WEEKDAGEN = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

function WeekBijeenkomst({ b, vandaag }: { b: Bijeenkomst; vandaag: string }) {
  const { datum, tijd } = localParts(b.start);
  const weekdag = WEEKDAGEN[new Date(`${datum}T00:00:00Z`).getUTCDay()] ?? '';
  const geweest = datum < vandaag;
  return (
    <li>
      <UnstyledButton component={Link} to={`/bijeenkomsten/${b.id}`} className="balie-item">
        <Group justify="space-between" align="baseline" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} c="koers.8">
            {b.titel}
          </Text>
          {b.status !== 'gepland' && (
            <Badge variant="outline" color="gray.8" radius="sm" tt="none" className="badge-heel">
              {BIJEENKOMST_STATUS_LABELS[b.status]}
            </Badge>
          )}
        </Group>
        <Text size="sm" c={geweest ? 'dimmed' : undefined} title={formatStart(b.start)}>
          {datum === vandaag ? 'Vandaag' : weekdag.charAt(0).toUpperCase() + weekdag.slice(1)} {tijd} ·{' '}
          {BIJEENKOMST_SOORT_LABELS[b.soort]}
          {b.locatie ? ` · ${b.locatie}` : ''}
        </Text>
      </UnstyledButton>
    </li>
  );
}

/** The caller's schools this school year, the neglected ones first, each with a way to record a contact. */
function MijnScholen({ vandaag }: { vandaag: string }) {
  const me = useMe();
  const schooljaar = useHuidigSchooljaar();
  const query = useContactOverzicht(schooljaar, me.id);
  const data = query.data;
  const onder = new Set(data?.onderMinimum ?? []);
  const scholen = data ? verwaarloosdEerst(data.scholen, data.onderMinimum) : [];
  const aantalOnder = scholen.filter((s) => onder.has(s.schoolId)).length;
  return (
    <Section
      id="mijn-scholen"
      title="Mijn scholen"
      actions={
        <Anchor component={Link} to={`/schoolcontacten/overzicht?consulentId=${me.id}`} size="sm" fw={500}>
          <Group gap={4} component="span" wrap="nowrap">
            Contacten per school
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      }
    >
      {query.isPending ? (
        <Skeleton height={200} radius="md" aria-label="Laden" />
      ) : query.isError ? (
        <ErrorState
          title="Uw scholen konden niet worden geladen"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : scholen.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text fw={600}>Nog geen eigen scholen</Text>
          <Text size="sm" c="dimmed">
            U bent van geen enkele school de consulent. Een beheerder wijst de consulent van een school aan op de pagina
            van die school.
          </Text>
        </Paper>
      ) : (
        <Stack gap="xs">
          <Text size="sm" c="dimmed" data-testid="mijn-scholen-samenvatting">
            {formatNumber(scholen.length)} scholen in {schooljaar}
            {aantalOnder > 0
              ? `, waarvan ${formatNumber(aantalOnder)} onder het minimum van ${formatDecimal(data?.minimumTotNu)} contacten tot nu toe`
              : `, alle op of boven het minimum van ${formatDecimal(data?.minimumTotNu)} contacten tot nu toe`}
            . Wie het langst niet gezien is, staat bovenaan.
          </Text>
          <Paper withBorder radius="md">
            <ScrollTable label="Mijn scholen" minWidth={620}>
              <Table verticalSpacing="xs" className="mijn-scholen">
                <TableHead
                  cells={[
                    'School',
                    'Laatste contact',
                    { label: 'Contacten', ta: 'right' },
                    'Signalen',
                    { label: 'Vastleggen', key: 'actie' },
                  ]}
                />
                <Table.Tbody>
                  {scholen.map((s) => {
                    const isOnder = onder.has(s.schoolId);
                    return (
                      <Table.Tr key={s.schoolId} data-onder-minimum={isOnder || undefined} data-testid="mijn-school">
                        <Table.Th scope="row" fw={400}>
                          <Stack gap={2} align="flex-start">
                            <Anchor component={Link} to={`/scholen/${s.schoolId}`} fw={500} size="sm">
                              {s.naam}
                            </Anchor>
                            {isOnder && <OnderMinimum />}
                          </Stack>
                        </Table.Th>
                        <Table.Td>
                          {s.laatsteContact ? (
                            <Stack gap={0}>
                              <Text size="sm" className="tabular">
                                {formatDate(s.laatsteContact)}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {geledenTekst(s.laatsteContact, vandaag)}
                              </Text>
                            </Stack>
                          ) : (
                            <Text size="sm" fw={600} className="nog-niet-gezien">
                              Nog niet dit jaar
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" className="tabular">
                          {formatNumber(s.contacten)}
                        </Table.Td>
                        <Table.Td>
                          <ZorgSignalen signalen={s.signalen} />
                        </Table.Td>
                        <Table.Td>
                          <ContactKnop
                            schoolId={s.schoolId}
                            terug="/"
                            label="Contact"
                            variant="default"
                            size="sm"
                            ariaLabel={`Contact met ${s.naam} vastleggen`}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Paper>
        </Stack>
      )}
    </Section>
  );
}
