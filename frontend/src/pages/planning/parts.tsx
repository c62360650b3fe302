import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { activiteiten, fetchAll } from '../../api/resources';
import { useCanWrite } from '../../auth/authContext';
import { AREA_PATHS, areaNoun, type Area } from '../../auth/roles';
import { BackLink, RecordMeta } from '../../components/FormParts';
import { EditButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SignalBadge } from '../../components/SignalCounts';
import { QueryState } from '../../components/states';
import { Panel } from '../../components/Panel';
import { EVALUATIE_STATUS_LABELS } from '../../lib/labels';

/** The top of a record's page: back to its list, its name and versions, and its form for who may change it. */
export function RecordHeader({
  area,
  record,
}: {
  area: Area;
  record: { id: string; naam: string; createdAt: string; updatedAt: string; versie: number };
}) {
  const path = AREA_PATHS[area];
  const writable = useCanWrite(area);
  return (
    <>
      <BackLink to={path}>Alle {areaNoun(area)}</BackLink>
      <PageHeader
        title={record.naam}
        description={<RecordMeta record={record} />}
        actions={writable ? <EditButton to={`${path}/${record.id}/bewerken`} /> : undefined}
      />
    </>
  );
}

/** The activities that work on a portefeuille or project, with how far their evaluation is. */
export function GekoppeldeActiviteiten({
  filter,
  empty,
  schooljaar,
}: {
  filter: { portefeuilleId: string } | { projectId: string };
  /** Said when there are none. */
  empty: string;
  /** The school year of an activity's plan, when the activities span more than one. */
  schooljaar?: (activiteitenplanId: string) => string;
}) {
  const [kind, id] = 'projectId' in filter ? ['project', filter.projectId] : ['portefeuille', filter.portefeuilleId];
  const acts = useQuery({
    queryKey: ['/activiteiten', kind, id],
    queryFn: () => fetchAll(activiteiten, { ...filter, sort: 'omschrijving' }),
  });
  return (
    <Panel id="act-kop" title="Gekoppelde activiteiten">
      <QueryState query={acts}>
        {(data) =>
          data.length === 0 ? (
            <Text size="sm" c="dimmed">
              {empty}
            </Text>
          ) : (
            <Stack gap={6}>
              {data.map((a) => (
                <Group key={a.id} justify="space-between" wrap="nowrap" gap="sm">
                  <Anchor component={Link} to={`/activiteiten/${a.id}`} size="sm">
                    {a.omschrijving}
                  </Anchor>
                  <Group gap={6} wrap="nowrap">
                    {schooljaar && (
                      <Badge variant="outline" color="gray.8">
                        {schooljaar(a.activiteitenplanId)}
                      </Badge>
                    )}
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {a.evaluatie ? EVALUATIE_STATUS_LABELS[a.evaluatie.status] : 'Open'}
                    </Text>
                    <SignalBadge signaal={a.evaluatie?.signaal} />
                  </Group>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Panel>
  );
}
