import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import {
  IconBuildingEstate,
  IconKey,
  IconMap2,
  IconMapPin,
  IconSchool,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/problem';
import { clients, gebruikers, gemeenten, scholen, schoolbesturen, werkgebieden } from '../api/resources';
import { useMe } from '../auth/authContext';
import { AREA_LABELS, AREA_PATHS, canRead, startsOnDashboard, type Area } from '../auth/roles';
import { PageHeader } from '../components/PageHeader';
import { LoadingState } from '../components/states';
import { formatNumber } from '../lib/format';

/** The planning dashboard is its own chunk, so the first page stays small. */
const Dashboard = lazy(async () => ({ default: (await import('./Dashboard')).Dashboard }));
/** So are the KPIs, which a director reads first. */
const KengetallenDashboard = lazy(async () => ({
  default: (await import('./kengetallen/KengetallenDashboard')).KengetallenDashboard,
}));
/** So is the TLV desk, which only those who read pupils see. */
const TlvBalie = lazy(async () => ({ default: (await import('./tlv/Balie')).TlvBalie }));

interface Tile {
  area: Area;
  icon: Icon;
  count: () => Promise<number>;
}

const one = { page: 1, pageSize: 1 };

const TILES: Tile[] = [
  { area: 'scholen', icon: IconSchool, count: async () => (await scholen.list(one)).total },
  {
    area: 'schoolbesturen',
    icon: IconBuildingEstate,
    count: async () => (await schoolbesturen.list(one)).total,
  },
  {
    area: 'werkgebieden',
    icon: IconMap2,
    count: async () => (await werkgebieden.list(one)).total,
  },
  { area: 'gemeenten', icon: IconMapPin, count: async () => (await gemeenten.list(one)).total },
  { area: 'gebruikers', icon: IconUsers, count: async () => (await gebruikers.list(one)).total },
  { area: 'clients', icon: IconKey, count: async () => (await clients.list(one)).total },
];

/**
 * The start page (a director's "Dashboard"): the SWV's KPIs of the year, the TLV desk's first items for who works on TLV's, a card per ambitie of the
 * current activity plan, and the counts of the organisation data.
 */
export default function StartPage() {
  const me = useMe();
  const tiles = TILES.filter((t) => canRead(me, t.area));
  const counts = useQueries({
    queries: tiles.map((t) => ({ queryKey: [AREA_PATHS[t.area], 'count'], queryFn: t.count })),
  });
  const firstName = me.naam.split(' ')[0] ?? me.naam;

  return (
    <>
      <PageHeader
        title={`Welkom, ${firstName}`}
        pageTitle={startsOnDashboard(me) ? 'Dashboard' : 'Start'}
        description={me.samenwerkingsverband?.naam}
      />
      {canRead(me, 'kengetallen') && (
        <Suspense fallback={<LoadingState />}>
          <KengetallenDashboard />
        </Suspense>
      )}
      {canRead(me, 'tlvWerkvoorraad') && (
        <Suspense fallback={<LoadingState />}>
          <TlvBalie />
        </Suspense>
      )}
      {canRead(me, 'activiteitenplannen') && (
        <Suspense fallback={<LoadingState />}>
          <Dashboard />
        </Suspense>
      )}
      <Title order={2} size="h3" mb="sm">
        Organisatie
      </Title>
      <Text mb="md">De organisatie van het samenwerkingsverband in Koers:</Text>
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: tiles.length === 4 ? 4 : 3 }}
        spacing="md"
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {tiles.map((tile, i) => {
          const q = counts[i];
          const TileIcon = tile.icon;
          const label = AREA_LABELS[tile.area];
          return (
            <Card key={tile.area} withBorder radius="md" padding="lg" component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm" c="dimmed" fw={600} tt="uppercase">
                    {label}
                  </Text>
                  {q?.isPending ? (
                    <Skeleton height={36} width={64} my={4} aria-label="Laden" />
                  ) : q?.isError ? (
                    <Text size="sm" c="red.8" role="alert">
                      {errorMessage(q.error)}
                    </Text>
                  ) : (
                    <Text fz={36} fw={700} lh={1.2} className="tabular">
                      {formatNumber(q?.data)}
                    </Text>
                  )}
                </Stack>
                <ThemeIcon variant="light" size={44} radius="md" aria-hidden>
                  <TileIcon size={24} stroke={1.6} />
                </ThemeIcon>
              </Group>
              <Anchor component={Link} to={AREA_PATHS[tile.area]} size="sm" mt="sm" fw={500}>
                Naar {label.toLowerCase()}
              </Anchor>
            </Card>
          );
        })}
      </SimpleGrid>
    </>
  );
}
