import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchAll, portefeuilles, projecten } from '../../api/resources';
import type { Portefeuille } from '../../api/types';
import { RecordViewRoute } from '../../components/RecordFormPage';
import { QueryState } from '../../components/states';
import { Panel } from '../../components/Panel';
import { formatDate } from '../../lib/format';
import { PROJECT_STATUS_LABELS } from '../../lib/labels';
import { byEinddatum } from '../../lib/planning';
import { useActiviteitenplannen, useGebruikersNamen } from './hooks';
import { GekoppeldeActiviteiten, RecordHeader } from './parts';

export default function PortefeuillePage() {
  return <RecordViewRoute resource={portefeuilles} area="portefeuilles" view={PortefeuilleView} />;
}

function PortefeuilleView({ record: p }: { record: Portefeuille }) {
  const gebruikers = useGebruikersNamen();
  const plannen = useActiviteitenplannen();
  const projs = useQuery({
    queryKey: ['/projecten', 'portefeuille', p.id],
    queryFn: () => fetchAll(projecten, { portefeuilleId: p.id }),
  });
  // Owners by name where this role may read users; otherwise the names known from the activities.
  const naam = (uid: string) => gebruikers.find((g) => g.id === uid)?.naam;
  const schooljaar = (planId: string) => plannen.data?.find((x) => x.id === planId)?.schooljaar ?? '';

  return (
    <>
      <RecordHeader area="portefeuilles" record={p} />
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
        <Panel id="proj-kop" title="Projecten">
          <QueryState query={projs}>
            {(data) =>
              data.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Geen projecten in deze portefeuille.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {byEinddatum(data).map((x) => (
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
              )
            }
          </QueryState>
        </Panel>
        <GekoppeldeActiviteiten
          filter={{ portefeuilleId: p.id }}
          empty="Nog geen activiteiten gekoppeld aan deze portefeuille."
          schooljaar={schooljaar}
        />
      </Stack>
    </>
  );
}
