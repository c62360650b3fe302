import { Anchor, Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowRight, IconMessage, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { scholen, schoolcontacten } from '../../api/resources';
import type { School, Schoolcontact } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Fact } from '../../components/Fact';
import { Panel } from '../../components/Panel';
import { ErrorState, LoadingState } from '../../components/states';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatNumber } from '../../lib/format';
import { CONTACT_SOORT_LABELS } from '../../lib/labels';
import { etagOf } from '../../lib/planning';
import { schooljaarOpties } from '../../lib/arrangementen';
import { geledenTekst } from '../../lib/schoolcontacten';
import { useConsulenten, useHuidigSchooljaar } from '../schoolcontacten/hooks';
import { ContactKnop, ContactSignaalBadge, VervolgBadge } from '../schoolcontacten/parts';

/** The newest contacts on the school's page; the rest are in the list of contacts. */
const NIEUWSTE = 25;

/** What a consulent reads before she visits a school: its consulent, and the contacts, newest first. */
export function SchoolContacten({ school }: { school: School }) {
  const consulenten = useConsulenten();
  const consulent = school.consulentId ? consulenten.name(school.consulentId) : '';
  return (
    <>
      <Kerncijfers school={school} />
      <Panel id="school-contacten-kop" title="Contacten" titleGap="sm">
        <Stack gap="md">
          <Group gap="xl" wrap="wrap">
            <Fact label="Consulent" value={school.consulentId ? consulent || '…' : 'Nog geen consulent toegewezen'} />
          </Group>
          <Tijdlijn school={school} naam={(id) => consulenten.name(id)} />
        </Stack>
      </Panel>
    </>
  );
}

function Tijdlijn({ school, naam }: { school: School; naam: (id: string) => string }) {
  const me = useMe();
  const schrijven = canWrite(me, 'schoolcontacten');
  const queryClient = useQueryClient();
  const vandaag = vandaagNl();
  const terug = `/scholen/${school.id}`;
  const query = useQuery({
    queryKey: ['/schoolcontacten', 'list', 'school', school.id],
    queryFn: () => schoolcontacten.list({ schoolId: school.id, sort: '-datum', pageSize: NIEUWSTE }),
  });
  if (query.isPending) return <LoadingState label="Contacten laden…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="De contacten konden niet worden geladen"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const { items, total } = query.data;
  if (items.length === 0) {
    return (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">Er is nog geen contact met deze school vastgelegd.</Text>
        {schrijven && <ContactKnop schoolId={school.id} terug={terug} variant="light" />}
      </Stack>
    );
  }
  const verwijder = async (c: Schoolcontact) => {
    await schoolcontacten.remove(c.id, etagOf(c));
    await queryClient.invalidateQueries({ queryKey: ['/schoolcontacten'] });
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Laatste contact {formatDate(items[0]?.datum)} ({geledenTekst(items[0]?.datum ?? vandaag, vandaag)}) ·{' '}
        {formatNumber(total)} {total === 1 ? 'contact' : 'contacten'} in totaal
      </Text>
      <Timeline bulletSize={26} lineWidth={2} active={-1}>
        {items.map((c) => (
          <Timeline.Item
            key={c.id}
            bullet={<IconMessage size={14} aria-hidden />}
            data-testid="contact-regel"
            title={
              <Group gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {CONTACT_SOORT_LABELS[c.soort]}
                </Text>
                <Text size="sm" c="dimmed" className="tabular">
                  {formatDate(c.datum)}
                </Text>
                {c.signaal && <ContactSignaalBadge signaal={c.signaal} />}
                <VervolgBadge contact={c} vandaag={vandaag} />
              </Group>
            }
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.onderwerp}
            </Text>
            <Group gap="xs" mt={4} wrap="wrap">
              <Text size="xs" c="dimmed">
                {naam(c.consulentId) || 'Consulent onbekend'}
              </Text>
              {schrijven && (
                <>
                  <Button
                    component={Link}
                    to={`/schoolcontacten/${c.id}?terug=${encodeURIComponent(terug)}`}
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={`Contact van ${formatDate(c.datum)} bewerken`}
                  >
                    Bewerken
                  </Button>
                  <ConfirmButton
                    label="Verwijderen"
                    ariaLabel={`Contact van ${formatDate(c.datum)} verwijderen`}
                    title="Contact verwijderen"
                    confirmLabel="Verwijderen"
                    confirmColor="red.8"
                    buttonProps={{ variant: 'subtle', color: 'red.8', size: 'compact-sm' }}
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onConfirm={() => verwijder(c)}
                  >
                    Het contact van {formatDate(c.datum)} ({CONTACT_SOORT_LABELS[c.soort].toLowerCase()}) wordt
                    verwijderd. Dit kan niet ongedaan worden gemaakt.
                  </ConfirmButton>
                </>
              )}
            </Group>
          </Timeline.Item>
        ))}
      </Timeline>
      {total > items.length && (
        <Anchor component={Link} to={`/schoolcontacten?schoolId=${school.id}`} size="sm" fw={500}>
          <Group gap={4} component="span" wrap="nowrap">
            Alle {formatNumber(total)} contacten met deze school
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      )}
    </Stack>
  );
}

/** The school's year in counts: contacts, and what the SWV did with its pupils and staff (no pupil named). */
function Kerncijfers({ school }: { school: School }) {
  const huidig = useHuidigSchooljaar();
  const [schooljaar, setSchooljaar] = useState(huidig);
  const query = useQuery({
    queryKey: ['/schoolcontacten', 'kerncijfers', school.id, schooljaar],
    queryFn: () => scholen.kerncijfers(school.id, schooljaar),
    placeholderData: keepPreviousData,
  });
  const k = query.data;
  const cijfers: { label: string; waarde: number | undefined; noot?: string; to?: string }[] = [
    {
      label: 'Contacten',
      waarde: k?.contacten,
      noot: k?.laatsteContact ? `Laatste ${formatDate(k.laatsteContact)}` : 'Nog geen dit jaar',
    },
    { label: 'Open vervolgen', waarde: k?.openVervolgen, noot: 'Uit elk jaar' },
    { label: 'Arrangementen', waarde: k?.arrangementen },
    { label: 'TLV-aanvragen', waarde: k?.tlvAanvragen },
    { label: "MDO's", waarde: k?.mdos },
    { label: 'Thuiszitters open', waarde: k?.thuiszittersOpen, noot: 'Dossiers die nu lopen' },
    {
      label: 'Bijeenkomsten',
      waarde: k?.bijeenkomstenBijgewoond,
      noot: k ? `${formatNumber(k.aanwezigen)} keer iemand aanwezig` : undefined,
    },
  ];
  return (
    <Panel id="kerncijfers-kop" title="Kerncijfers" titleGap="sm">
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Text size="sm" c="dimmed">
          Wat het samenwerkingsverband in {schooljaar} met de school deed. Alleen aantallen.
        </Text>
        <Select
          aria-label="Schooljaar van de kerncijfers"
          size="xs"
          w={130}
          allowDeselect={false}
          data={schooljaarOpties(huidig).filter((j) => j <= huidig)}
          value={schooljaar}
          onChange={(j) => j && setSchooljaar(j)}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {query.isError ? (
        <ErrorState
          title="De kerncijfers konden niet worden geladen"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <SimpleGrid
          cols={{ base: 2, xs: 3, md: 4 }}
          spacing="md"
          verticalSpacing="md"
          component="ul"
          aria-label={`Kerncijfers ${schooljaar}`}
          aria-busy={query.isFetching}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="kerncijfers"
        >
          {cijfers.map((c) => (
            <li key={c.label}>
              <Text size="xs" c="dimmed" fw={700} tt="uppercase" lh={1.3}>
                {c.label}
              </Text>
              {c.waarde === undefined ? (
                <Skeleton height={28} width={40} my={2} />
              ) : (
                <Text fz={24} fw={700} lh={1.3} c="koers.8" className="tabular">
                  {formatNumber(c.waarde)}
                </Text>
              )}
              {c.noot && (
                <Text size="xs" c="dimmed">
                  {c.noot}
                </Text>
              )}
            </li>
          ))}
        </SimpleGrid>
      )}
    </Panel>
  );
}
