import { Anchor, Button, Grid, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { ondersteuningsplannen } from '../../api/resources';
import type { Ondersteuningsplan, OndersteuningsplanInput, Versioned } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWrite } from '../../auth/roles';
import {
  BackLink,
  ConflictAlert,
  DeleteButton,
  FormActions,
  GeneralErrors,
  ReadOnlyNote,
  RecordMeta,
} from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoader } from '../../components/RecordLoader';
import { useRecordForm } from '../../components/recordForm';
import { ErrorState, LoadingState } from '../../components/states';
import * as v from '../../lib/validation';
import { useActiviteitenplannen, useAmbities } from './hooks';

interface Values extends Record<string, unknown> {
  titel: string;
  vanJaar: number | string;
  totJaar: number | string;
}

const empty: Values = { titel: '', vanJaar: '', totJaar: '' };
const labels = { titel: 'Titel', vanJaar: 'Vanaf jaar', totJaar: 'Tot en met jaar' };

const year = (label: string) => (value: unknown) =>
  value === '' || value === null || value === undefined
    ? `${label} is verplicht`
    : Number(value) < 2000 || Number(value) > 2100
      ? `${label} moet een jaartal zijn, bijv. 2026`
      : null;

export default function OndersteuningsplanPage() {
  const { id } = useParams();
  const planId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader
      resource={ondersteuningsplannen}
      id={planId}
      listPath="/ondersteuningsplannen"
      listLabel="ondersteuningsplannen"
    >
      {(loaded) => <PlanForm key={planId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function PlanForm({ loaded }: { loaded: Versioned<Ondersteuningsplan> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const f = useRecordForm({
    resource: ondersteuningsplannen,
    loaded,
    empty,
    toValues: (p: Ondersteuningsplan): Values => ({ titel: p.titel, vanJaar: p.vanJaar, totJaar: p.totJaar }),
    toInput: (values: Values): OndersteuningsplanInput => ({
      titel: values.titel.trim(),
      vanJaar: Number(values.vanJaar),
      totJaar: Number(values.totJaar),
    }),
    readOnly: !canWrite(me.rol, 'ondersteuningsplannen'),
    labels,
    validate: {
      titel: v.required('Titel'),
      vanJaar: year('Vanaf jaar'),
      totJaar: (value, values) =>
        year('Tot en met jaar')(value) ??
        (Number(value) < Number(values.vanJaar) ? 'Tot en met jaar mag niet voor het beginjaar liggen' : null),
    },
    savedMessage: 'Het ondersteuningsplan is opgeslagen.',
    onSaved: (saved, created) => {
      if (created) void navigate(`/ondersteuningsplannen/${saved.id}`);
    },
  });

  return (
    <>
      <BackLink to="/ondersteuningsplannen">Alle ondersteuningsplannen</BackLink>
      <PageHeader
        title={loaded ? loaded.data.titel : 'Nieuw ondersteuningsplan'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
      />
      <Stack gap="xl" maw={960}>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={f.submit} noValidate>
            <Stack gap="md">
              <ConflictAlert
                conflict={f.conflict}
                changedFields={Object.keys(f.changedByOthers).map((k) => labels[k as keyof typeof labels])}
                onReload={() => void f.reloadLatest()}
                reloading={f.reloading}
              />
              {f.readOnly && <ReadOnlyNote who="een beheerder of consulent" />}
              <GeneralErrors messages={f.general} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput label="Titel" required maxLength={200} {...f.field('titel')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <NumberInput
                    label="Vanaf jaar"
                    required
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    {...f.field('vanJaar', 'Bijv. 2022')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <NumberInput
                    label="Tot en met jaar"
                    required
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    {...f.field('totJaar', 'Bijv. 2026')}
                  />
                </Grid.Col>
              </Grid>
              <FormActions
                cancelTo="/ondersteuningsplannen"
                saving={f.saving}
                readOnly={f.readOnly}
                extra={
                  loaded && !f.readOnly ? (
                    <DeleteButton
                      path="/ondersteuningsplannen"
                      what={`het ondersteuningsplan ${loaded.data.titel}`}
                      remove={() => ondersteuningsplannen.remove(loaded.data.id, f.etag)}
                      onDeleted={() => void navigate('/ondersteuningsplannen')}
                    />
                  ) : undefined
                }
              />
            </Stack>
          </form>
        </Paper>
        {loaded && <AmbitiesSection planId={loaded.data.id} writable={!f.readOnly} />}
        {loaded && <JaarplannenSection planId={loaded.data.id} />}
      </Stack>
    </>
  );
}

function AmbitiesSection({ planId, writable }: { planId: string; writable: boolean }) {
  const q = useAmbities(planId);
  return (
    <section aria-labelledby="ambities-kop">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="ambities-kop">
          Ambities
        </Title>
        {writable && (
          <Button
            component={Link}
            to={`/ambities/nieuw?ondersteuningsplanId=${planId}`}
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            Nieuwe ambitie
          </Button>
        )}
      </Group>
      {q.isPending ? (
        <LoadingState label="Ambities laden…" />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Text c="dimmed">Dit plan heeft nog geen ambities.</Text>
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={60}>
                  Nr.
                </Table.Th>
                <Table.Th scope="col">Ambitie</Table.Th>
                <Table.Th scope="col" visibleFrom="md">
                  Doelstelling
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td className="tabular">{a.nummer}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/ambities/${a.id}`} fw={500}>
                      {a.titel}
                    </Anchor>
                  </Table.Td>
                  <Table.Td visibleFrom="md">
                    <Text size="sm" lineClamp={2}>
                      {a.doelstelling}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </section>
  );
}

/** The activity plans (per school year) that work this plan out. */
function JaarplannenSection({ planId }: { planId: string }) {
  const q = useActiviteitenplannen();
  return (
    <section aria-labelledby="jaarplannen-kop">
      <Title order={2} size="h3" id="jaarplannen-kop" mb="sm">
        Activiteitenplannen
      </Title>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Group gap="sm">
          {q.data
            .filter((p) => p.ondersteuningsplanId === planId)
            .map((p) => (
              <Button key={p.id} component={Link} to={`/activiteitenplannen/${p.id}`} variant="default">
                Activiteitenplan {p.schooljaar}
              </Button>
            ))}
          {!q.data.some((p) => p.ondersteuningsplanId === planId) && (
            <Text c="dimmed">Nog geen activiteitenplan bij dit ondersteuningsplan.</Text>
          )}
        </Group>
      )}
    </section>
  );
}
