import { Anchor, Group, Paper, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { tlvWerkvoorraad, type WerkvoorraadItem } from '../../api/resources';
import { Section } from '../../components/Cijfers';
import { ErrorState } from '../../components/states';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate, formatNumber } from '../../lib/format';
import { WERK_SOORT_LABELS } from '../../lib/labels';
import { vervalTelling, werkLink, type VervalAantal } from '../../lib/tlv';
import { VervalBadge } from './parts';

/** Only the first five items, soonest first: the start page reads (and the audit log names) no more pupils. */
const EERSTE = { page: 1, pageSize: 5, sort: 'datum' };

/** A count above the items; "5+" when the page cannot tell how many more of its kind follow. */
function Teller({ aantal, label, kleur }: { aantal: VervalAantal; label: string; kleur?: string }) {
  return (
    <Group gap={6} align="baseline" wrap="nowrap" component="li">
      <Text fz={24} fw={700} lh={1.2} c={aantal.aantal > 0 ? kleur : undefined} className="tabular">
        {formatNumber(aantal.aantal)}
        {aantal.zeker ? '' : '+'}
      </Text>
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/**
 * The TLV desk at a glance on the start page: how much waits, what is late or due this week, and
 * the first five items, each opening its request. Reading it is audited like the worklist itself.
 */
export function TlvBalie() {
  const vandaag = vandaagNl();
  const query = useQuery({
    queryKey: [...(tlvWerkvoorraad.queryKey ?? [tlvWerkvoorraad.path]), 'list', EERSTE],
    queryFn: () => tlvWerkvoorraad.list(EERSTE),
  });

  return (
    <Section
      id="tlv-balie"
      title="TLV-balie"
      actions={
        <Anchor component={Link} to="/tlv/werkvoorraad" size="sm" fw={500}>
          <Group gap={4} component="span" wrap="nowrap">
            Hele werkvoorraad
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      }
    >
      <Paper withBorder radius="md" p="md" mb="xl">
        {query.isPending ? (
          <Stack gap="sm" aria-label="Laden">
            <Skeleton height={28} width={320} />
            {[1, 2, 3].map((i) => (
              <Skeleton key={i} height={40} />
            ))}
          </Stack>
        ) : query.isError ? (
          <ErrorState
            title="De werkvoorraad kon niet worden geladen"
            error={query.error}
            onRetry={() => void query.refetch()}
          />
        ) : query.data.total === 0 ? (
          <Stack gap={4}>
            <Text fw={600}>Niets in de werkvoorraad</Text>
            <Text size="sm" c="dimmed">
              Er wacht geen aanvraag op een besluit, advies of aanvulling, er is geen open bezwaar en er loopt
              binnenkort geen TLV af.
            </Text>
          </Stack>
        ) : (
          <Inhoud items={query.data.items} totaal={query.data.total} vandaag={vandaag} />
        )}
      </Paper>
    </Section>
  );
}

function Inhoud({ items, totaal, vandaag }: { items: WerkvoorraadItem[]; totaal: number; vandaag: string }) {
  const { verlopen, dezeWeek } = vervalTelling(
    items.map((w) => w.datum),
    totaal,
    vandaag,
  );
  return (
    <Stack gap="sm">
      <Group
        gap="xl"
        component="ul"
        aria-label="Werkvoorraad in getallen"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="tlv-balie-tellingen"
      >
        <Teller aantal={{ aantal: totaal, zeker: true }} label={totaal === 1 ? 'taak wacht' : 'taken wachten'} />
        <Teller aantal={verlopen} label="verlopen" kleur="red.8" />
        <Teller aantal={dezeWeek} label="deze week" kleur="orange.9" />
      </Group>
      <ul className="balie-lijst">
        {items.map((w) => (
          <li key={w.id} data-testid="tlv-balie-item">
            <UnstyledButton component={Link} to={werkLink(w.link) ?? '/tlv'} className="balie-item">
              {/* The due date stays beside the kind, also when a narrow screen wraps the line. */}
              <Group justify="space-between" align="baseline" gap="xs" wrap="wrap">
                <Text size="sm" fw={600} c="koers.8">
                  {WERK_SOORT_LABELS[w.soort]}
                  {w.referentie && (
                    <Text span size="sm" fw={400} c="dark">
                      {' · '}
                      {w.referentie}
                    </Text>
                  )}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Text span size="sm" className="tabular nowrap">
                    {formatDate(w.datum)}
                  </Text>
                  <VervalBadge datum={w.datum} vandaag={vandaag} />
                </Group>
              </Group>
              <Text size="sm" c="dimmed">
                {w.reden}
              </Text>
            </UnstyledButton>
          </li>
        ))}
      </ul>
    </Stack>
  );
}
