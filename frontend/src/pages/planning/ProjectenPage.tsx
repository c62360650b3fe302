import { Anchor, Badge, Box, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { projecten } from '../../api/resources';
import type { Project } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import type { Column } from '../../components/DataList';
import { NewButton } from '../../components/LinkButton';
import { RecordList } from '../../components/ListPage';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { formatDate } from '../../lib/format';
import { options, PROJECT_STATUS_LABELS } from '../../lib/labels';
import { projectStatusTekst, projectVerlopen } from '../../lib/tijd';
import { byEinddatum, timelineBar } from '../../lib/planning';
import { optionsOf, usePortefeuilles, useProjecten } from './hooks';

export default function ProjectenPage() {
  const writable = useCanWrite('projecten');
  const portefeuilles = usePortefeuilles();
  const naam = (id: string | null | undefined) => portefeuilles.data?.find((p) => p.id === id)?.naam ?? '—';
  const columns: Column<Project>[] = [
    { key: 'naam', header: 'Naam', sortable: true, render: (p) => p.naam },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      render: (p) => (
        <Badge variant="outline" color={projectVerlopen(p, new Date()) ? 'orange.9' : 'gray.8'} className="badge-heel">
          {projectStatusTekst(p, PROJECT_STATUS_LABELS[p.status], new Date())}
        </Badge>
      ),
    },
    { key: 'portefeuilleId', header: 'Portefeuille', render: (p) => naam(p.portefeuilleId), visibleFrom: 'md' },
    {
      key: 'einddatum',
      header: 'Einddatum',
      sortable: true,
      nowrap: true,
      render: (p) => <span className="tabular">{formatDate(p.einddatum) || '—'}</span>,
    },
  ];
  return (
    <>
      <PageHeader
        title="Projecten"
        description="Projecten met hun looptijd, partners, financiering en voortgang."
        actions={writable ? <NewButton to="/projecten/nieuw">Nieuw project</NewButton> : undefined}
      />
      <Stack gap="xl">
        <Timeline />
        <section aria-labelledby="lijst-kop">
          <Title order={2} size="h3" mb="sm" id="lijst-kop">
            Alle projecten
          </Title>
          <RecordList
            area="projecten"
            newLabel="Nieuw project"
            resource={projecten}
            columns={columns}
            sort="naam"
            searchPlaceholder="Naam of partner"
            filters={[
              { key: 'status', label: 'Status', options: options(PROJECT_STATUS_LABELS) },
              { key: 'portefeuilleId', label: 'Portefeuille', options: optionsOf(portefeuilles.data, (p) => p.naam) },
            ]}
            emptyTitle="Nog geen projecten"
            emptyDescription="Er zijn nog geen projecten vastgelegd."
          />
        </section>
      </Stack>
    </>
  );
}

/** The projects in the order of their end date, each as a bar over the whole period. */
function Timeline() {
  const q = useProjecten();
  if (q.isPending) return <LoadingState label="Tijdlijn laden…" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const items = byEinddatum(q.data);
  if (items.length === 0) return null;
  const dates = items
    .flatMap((p) => [p.startdatum, p.einddatum])
    .filter((d): d is string => Boolean(d))
    .sort();
  const from = dates[0] ?? '2020-01-01';
  const to = dates[dates.length - 1] ?? from;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="tijdlijn-kop">
      <Title order={2} size="h3" mb={4} id="tijdlijn-kop">
        Tijdlijn
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Op einddatum, van {formatDate(from)} tot {formatDate(to)}.
      </Text>
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((p) => {
            const bar = timelineBar(p, from, to);
            const ended = p.einddatum !== null && p.einddatum !== undefined && p.einddatum < today;
            return (
              <li key={p.id}>
                <Box
                  style={{
                    display: 'grid',
                    gridTemplateColumns: 'minmax(200px, 2fr) 3fr',
                    gap: 12,
                    alignItems: 'center',
                  }}
                >
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/projecten/${p.id}`} size="sm" fw={500}>
                      {p.naam}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatDate(p.startdatum) || 'start onbekend'} – {formatDate(p.einddatum) || 'geen einddatum'} ·{' '}
                      {projectStatusTekst(p, PROJECT_STATUS_LABELS[p.status], new Date())}
                    </Text>
                  </Stack>
                  <Box
                    aria-hidden
                    style={{
                      position: 'relative',
                      height: 14,
                      background: 'var(--mantine-color-gray-1)',
                      borderRadius: 7,
                    }}
                  >
                    <Box
                      style={{
                        position: 'absolute',
                        left: `${bar.left}%`,
                        width: `${bar.width}%`,
                        top: 0,
                        bottom: 0,
                        borderRadius: 7,
                        background: ended ? 'var(--mantine-color-gray-6)' : 'var(--mantine-color-koers-7)',
                      }}
                    />
                  </Box>
                </Box>
              </li>
            );
          })}
        </Stack>
      </Paper>
    </section>
  );
}
