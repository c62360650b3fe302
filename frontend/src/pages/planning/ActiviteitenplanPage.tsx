import {
  Anchor,
  Badge,
  Button,
  type ComboboxItem,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  IconChecklist,
  IconCopy,
  IconDownload,
  IconFileTypeDocx,
  IconTableExport,
  type Icon as TablerIcon,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage, formErrorMessage } from '../../api/problem';
import { activiteitenplannen, exportList } from '../../api/resources';
import type { Activiteitenplan, Evaluatieverslag } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite, canWriteActiviteiten } from '../../auth/roles';
import { BackLink } from '../../components/FormParts';
import { EditButton, LinkButton, NewButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { SignalBadge, SignalCounts } from '../../components/SignalCounts';
import { invalidateLists } from '../../components/recordForm';
import { LoadingState, RecordFout } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { exportFilename, filenameFromDisposition, saveBlob, type ExportFormat } from '../../lib/download';
import { formatNumber } from '../../lib/format';
import { EVALUATIE_STATUS_LABELS, options, PLAN_STATUS_LABELS, SIGNAAL_LABELS } from '../../lib/labels';
import { filterTree, nextSchooljaar, TREE_FILTER_KEYS, verantwoordelijken, type TreeFilters } from '../../lib/planning';
import { optionsOf, usePortefeuilles, useProjecten, useVerslag } from './hooks';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export default function ActiviteitenplanPage() {
  const { id = '' } = useParams();
  const plan = useQuery({
    queryKey: ['/activiteitenplannen', 'detail', id],
    queryFn: () => activiteitenplannen.get(id),
  });
  const verslag = useVerslag(id);

  if (plan.isPending || verslag.isPending) return <LoadingState label="Plan laden…" />;
  if (plan.isError || verslag.isError) {
    return (
      <>
        <BackLink to="/activiteitenplannen">Alle activiteitenplannen</BackLink>
        <RecordFout
          error={plan.error ?? verslag.error}
          listPath="/activiteitenplannen"
          listLabel="alle activiteitenplannen"
          onRetry={() => {
            void plan.refetch();
            void verslag.refetch();
          }}
        />
      </>
    );
  }
  return <PlanTree plan={plan.data.data} verslag={verslag.data} />;
}

function PlanTree({ plan, verslag }: { plan: Activiteitenplan; verslag: Evaluatieverslag }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const portefeuilles = usePortefeuilles();
  const projecten = useProjecten();
  const filters: TreeFilters = {};
  for (const key of TREE_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const setFilter = (key: keyof TreeFilters, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  /** A choice that narrows the tree, kept in the URL; "Alle" when cleared. */
  const filterSelect = (
    key: keyof TreeFilters,
    label: string,
    data: ComboboxItem[],
    { searchable = false, placeholder = 'Alle' } = {},
  ) => (
    <Select
      label={label}
      placeholder={placeholder}
      clearable
      searchable={searchable}
      data={data}
      value={filters[key] ?? null}
      onChange={(value) => setFilter(key, value)}
    />
  );
  const tree = filterTree(verslag.ambities, filters);
  const shown = tree.reduce((n, a) => n + a.activiteiten.length, 0);
  const active = Object.keys(filters).length > 0;
  const writable = canWrite(me, 'activiteitenplannen');
  const activiteitWritable = canWriteActiviteiten(me);

  const ambitieOptions = [...verslag.ambities]
    .sort((a, b) => a.ambitie.nummer - b.ambitie.nummer)
    .map((a) => ({ value: a.ambitie.id, label: `${a.ambitie.nummer}. ${a.ambitie.titel}` }));
  const statusOptions = [{ value: 'open', label: 'Nog niet geëvalueerd' }, ...options(EVALUATIE_STATUS_LABELS)];

  return (
    <>
      <BackLink to="/activiteitenplannen">Alle activiteitenplannen</BackLink>
      <PageHeader
        title={`Activiteitenplan ${plan.schooljaar}`}
        description={
          <>
            {verslag.ondersteuningsplan.titel} ({verslag.ondersteuningsplan.vanJaar}-
            {verslag.ondersteuningsplan.totJaar}) · {PLAN_STATUS_LABELS[plan.status]}
          </>
        }
        actions={
          <>
            {activiteitWritable && (
              <LinkButton to={`/evalueren?plan=${plan.id}`} icon={IconChecklist} variant="light">
                Evalueren
              </LinkButton>
            )}
            {activiteitWritable && (
              <NewButton
                to={`/activiteiten/nieuw?activiteitenplanId=${plan.id}${filters.ambitieId ? `&ambitieId=${filters.ambitieId}` : ''}`}
              >
                Nieuwe activiteit
              </NewButton>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" align="flex-start" gap="md">
            <Stack gap={6}>
              <Text fw={600}>
                {formatNumber(verslag.totaal.aantal)} activiteiten, waarvan {formatNumber(verslag.totaal.geevalueerd)}{' '}
                geëvalueerd
              </Text>
              <SignalCounts telling={verslag.totaal} />
            </Stack>
            <Group gap="sm">
              <DownloadMenu plan={plan} filters={filters} />
              {writable && <EditButton to={`/activiteitenplannen/${plan.id}/bewerken`}>Plan bewerken</EditButton>}
              {writable && <KopieButton plan={plan} />}
            </Group>
          </Group>
          {plan.vooruitblik && (
            <Text size="sm" mt="sm" c="dimmed">
              Vooruitblik: {plan.vooruitblik}
            </Text>
          )}
        </Paper>

        <Paper withBorder p="sm" radius="md" component="section" aria-label="Filters">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4, xl: 7 }} spacing="sm">
            <TextInput
              label="Zoeken"
              placeholder="Omschrijving"
              defaultValue={filters.q ?? ''}
              onChange={(e) => setFilter('q', e.currentTarget.value)}
            />
            {filterSelect('ambitieId', 'Ambitie', ambitieOptions)}
            {filterSelect('portefeuilleId', 'Portefeuille', optionsOf(portefeuilles.data, (p) => p.naam) ?? [])}
            {filterSelect('projectId', 'Project', optionsOf(projecten.data, (p) => p.naam) ?? [], { searchable: true })}
            {filterSelect('status', 'Status', statusOptions)}
            {filterSelect('signaal', 'Signaal', options(SIGNAAL_LABELS))}
            {filterSelect('verantwoordelijkeId', 'Verantwoordelijke', verantwoordelijken(verslag.ambities), {
              searchable: true,
              placeholder: 'Iedereen',
            })}
          </SimpleGrid>
          {active && (
            <Group justify="space-between" mt="sm">
              <Text size="sm" aria-live="polite">
                {formatNumber(shown)} van {formatNumber(verslag.totaal.aantal)} activiteiten
              </Text>
              <Button variant="subtle" size="xs" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                Filters wissen
              </Button>
            </Group>
          )}
        </Paper>

        {verslag.ambities.length === 0 ? (
          <Text c="dimmed">Het ondersteuningsplan van dit activiteitenplan heeft nog geen ambities.</Text>
        ) : tree.length === 0 ? (
          <Text>Geen activiteiten bij deze filters.</Text>
        ) : (
          tree.map((a) => (
            <Paper
              key={a.ambitie.id}
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-labelledby={`amb-${a.ambitie.id}`}
            >
              <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
                <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
                  <Title order={2} size="h4" id={`amb-${a.ambitie.id}`}>
                    Ambitie {a.ambitie.nummer}: {a.ambitie.titel}
                  </Title>
                  {a.ambitie.doelstelling && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {a.ambitie.doelstelling}
                    </Text>
                  )}
                </Stack>
                <SignalCounts telling={a.telling} compact />
              </Group>
              {a.activiteiten.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nog geen activiteiten onder deze ambitie.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="xs" striped>
                    <TableHead
                      cells={[
                        'Activiteit',
                        { label: 'Verantwoordelijke', w: 170 },
                        { label: 'Status', w: 150 },
                        { label: 'Signaal', w: 110 },
                      ]}
                    />
                    <Table.Tbody>
                      {a.activiteiten.map((x) => (
                        <Table.Tr key={x.id}>
                          <Table.Td>
                            <Anchor component={Link} to={`/activiteiten/${x.id}`} size="sm" fw={500}>
                              {x.omschrijving}
                            </Anchor>
                            <Group gap={6} mt={2}>
                              {x.soort === 'extra' && (
                                <Badge size="xs" variant="outline" color="gray.8">
                                  Extra
                                </Badge>
                              )}
                              {x.project && (
                                <Text size="xs" c="dimmed">
                                  Project: {x.project.naam}
                                </Text>
                              )}
                              {x.streefwaarde && (
                                <Text size="xs" c="dimmed">
                                  Streefwaarde: {x.streefwaarde}
                                </Text>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{x.verantwoordelijke?.naam ?? '—'}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {x.evaluatie ? EVALUATIE_STATUS_LABELS[x.evaluatie.status] : 'Nog niet geëvalueerd'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <SignalBadge signaal={x.evaluatie?.signaal} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          ))
        )}
      </Stack>
    </>
  );
}

/** The account as Word, and the (filtered) activities as XLSX or CSV. */
function DownloadMenu({ plan, filters }: { plan: Activiteitenplan; filters: TreeFilters }) {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Downloaden lukte niet', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const account = (accept: string, extension: string) =>
    run(async () => {
      const { blob, disposition } = await activiteitenplannen.verslagBestand(plan.id, accept);
      saveBlob(
        blob,
        filenameFromDisposition(disposition) ?? `evaluatie-activiteitenplan-${plan.schooljaar}.${extension}`,
      );
    });
  const list = (format: ExportFormat) =>
    run(async () => {
      const query: Record<string, string> = { activiteitenplanId: plan.id, sort: 'omschrijving' };
      for (const key of ['ambitieId', 'portefeuilleId', 'projectId', 'signaal', 'verantwoordelijkeId', 'q'] as const) {
        const value = filters[key];
        if (value) query[key] = value;
      }
      if (filters.status && filters.status !== 'open') query.status = filters.status;
      if (filters.status === 'open') query.geevalueerd = 'false';
      const { blob, disposition } = await exportList('/activiteiten', query, format);
      saveBlob(blob, exportFilename(`activiteiten-${plan.schooljaar}`, format, new Date(), disposition));
    });
  const button = (Icon: TablerIcon, label: string, download: () => Promise<void>) => (
    <Button
      variant="default"
      size="sm"
      loading={busy}
      leftSection={<Icon size={16} aria-hidden />}
      onClick={() => void download()}
    >
      {label}
    </Button>
  );
  return (
    <Group gap="xs" role="group" aria-label="Downloaden">
      {button(IconFileTypeDocx, 'Verantwoording als Word', () => account(DOCX, 'docx'))}
      {button(IconDownload, 'Activiteiten als Excel', () => list('xlsx'))}
      {button(IconTableExport, 'Activiteiten als CSV', () => list('csv'))}
    </Group>
  );
}

/** "Kopie naar volgend schooljaar": a concept plan with every activity that is not finished. */
function KopieButton({ plan }: { plan: Activiteitenplan }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [schooljaar, setSchooljaar] = useState(nextSchooljaar(plan.schooljaar) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submit = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{4}$/.test(schooljaar)) {
      setError('Schooljaar als 2025-2026');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const copy = await activiteitenplannen.kopie(plan.id, schooljaar);
      await invalidateLists(queryClient, '/activiteitenplannen');
      await invalidateLists(queryClient, '/activiteiten');
      notifications.show({
        color: 'green',
        message: `Het concept-activiteitenplan ${copy.schooljaar} is gemaakt met de openstaande activiteiten.`,
      });
      close();
      void navigate(`/activiteitenplannen/${copy.id}`);
    } catch (e) {
      setError(formErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" leftSection={<IconCopy size={16} aria-hidden />} onClick={open}>
        Kopie naar volgend schooljaar
      </Button>
      <Modal opened={opened} onClose={close} title="Kopie naar volgend schooljaar">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Text size="sm">
              Er komt een concept-plan met alle activiteiten die niet uitgevoerd of afgerond zijn, zonder hun evaluatie.
            </Text>
            <TextInput
              label="Schooljaar van het nieuwe plan"
              required
              value={schooljaar}
              onChange={(e) => setSchooljaar(e.currentTarget.value)}
              error={error}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Annuleren
              </Button>
              <Button type="submit" loading={busy}>
                Kopie maken
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
