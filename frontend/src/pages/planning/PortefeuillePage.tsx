import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { activiteiten, fetchAll, portefeuilles, projecten } from '../../api/resources';
import type { Portefeuille } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import { BackLink, RecordMeta } from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoader } from '../../components/RecordLoader';
import { SignalBadge } from '../../components/SignalCounts';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { EVALUATIE_STATUS_LABELS, PROJECT_STATUS_LABELS } from '../../lib/labels';
import { byEinddatum } from '../../lib/planning';
import { useActiviteitenplannen, useGebruikersNamen } from './hooks';

export default function PortefeuillePage() {
  const { id } = useParams();
  return (
    <RecordLoader resource={portefeuilles} id={id} listPath="/portefeuilles" listLabel="portefeuilles">
      {(loaded) => (loaded ? <PortefeuilleView portefeuille={loaded.data} /> : null)}
    </RecordLoader>
  );
}

function PortefeuilleView({ portefeuille: p }: { portefeuille: Portefeuille }) {
  const me = useMe();
  const gebruikers = useGebruikersNamen();
  const plannen = useActiviteitenplannen();
  const acts = useQuery({
    queryKey: ['/activiteiten', 'portefeuille', p.id],
    queryFn: () => fetchAll(activiteiten, { portefeuilleId: p.id, sort: 'omschrijving' }),
  });
  const projs = useQuery({
    queryKey: ['/projecten', 'portefeuille', p.id],
    queryFn: () => fetchAll(projecten, { portefeuilleId: p.id }),
  });
  // Owners by name where this role may read users; otherwise the names known from the activities.
  const naam = (uid: string) => gebruikers.find((g) => g.id === uid)?.naam;
  const schooljaar = (planId: string) => plannen.data?.find((x) => x.id === planId)?.schooljaar ?? '';

  return (
    <>
      <BackLink to="/portefeuilles">Alle portefeuilles</BackLink>
      <PageHeader
        title={p.naam}
        description={<RecordMeta record={p} />}
        actions={
          canWrite(me.rol, 'portefeuilles') ? (
            <Button
              component={Link}
              to={`/portefeuilles/${p.id}/bewerken`}
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
            >
              Bewerken
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg" maw={1100}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              Over deze portefeuille
            </Title>
            <Text size="sm">{p.omschrijving ?? 'Geen omschrijving.'}</Text>
            {p.jaarplan && (
              <Text size="sm" mt="sm">
                <strong>Jaarplan:</strong> {p.jaarplan}
              </Text>
            )}
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              Eigenaren
            </Title>
            {p.eigenaarIds.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nog geen eigenaar.
              </Text>
            ) : (
              <List size="sm">
                {p.eigenaarIds.map((uid) => (
                  <List.Item key={uid}>{naam(uid) ?? 'Consulent van het samenwerkingsverband'}</List.Item>
                ))}
              </List>
            )}
          </Paper>
        </SimpleGrid>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proj-kop">
          <Title order={2} size="h4" mb="xs" id="proj-kop">
            Projecten
          </Title>
          {projs.isPending ? (
            <LoadingState />
          ) : projs.isError ? (
            <ErrorState error={projs.error} onRetry={() => void projs.refetch()} />
          ) : projs.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              Geen projecten in deze portefeuille.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {byEinddatum(projs.data).map((x) => (
                <List.Item key={x.id}>
                  <Anchor component={Link} to={`/projecten/${x.id}`}>
                    {x.naam}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    · {PROJECT_STATUS_LABELS[x.status]}
                    {x.einddatum ? ` · eindigt ${formatDate(x.einddatum)}` : ''}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="act-kop">
          <Title order={2} size="h4" mb="xs" id="act-kop">
            Gekoppelde activiteiten
          </Title>
          {acts.isPending ? (
            <LoadingState />
          ) : acts.isError ? (
            <ErrorState error={acts.error} onRetry={() => void acts.refetch()} />
          ) : acts.data.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nog geen activiteiten gekoppeld aan deze portefeuille.
            </Text>
          ) : (
            <Stack gap={6}>
              {acts.data.map((a) => (
                <Group key={a.id} justify="space-between" wrap="nowrap" gap="sm">
                  <Anchor component={Link} to={`/activiteiten/${a.id}`} size="sm">
                    {a.omschrijving}
                  </Anchor>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="outline" color="gray.8">
                      {schooljaar(a.activiteitenplanId)}
                    </Badge>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {a.evaluatie ? EVALUATIE_STATUS_LABELS[a.evaluatie.status] : 'Open'}
                    </Text>
                    <SignalBadge signaal={a.evaluatie?.signaal} />
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
