import { Anchor, Button, Grid, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ondersteuningsplannen } from '../../api/resources';
import type { Ondersteuningsplan, OndersteuningsplanInput } from '../../api/types';
import { NewButton } from '../../components/LinkButton';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { CountInput } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
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
  return <RecordRoute resource={ondersteuningsplannen} area="ondersteuningsplannen" form={PlanForm} />;
}

function PlanForm({ loaded }: RecordFormProps<Ondersteuningsplan>) {
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
    area: 'ondersteuningsplannen',
    labels,
    validate: {
      titel: v.required('Titel'),
      vanJaar: year('Vanaf jaar'),
      totJaar: (value, values) =>
        year('Tot en met jaar')(value) ??
        (Number(value) < Number(values.vanJaar) ? 'Tot en met jaar mag niet voor het beginjaar liggen' : null),
    },
    savedMessage: 'Het ondersteuningsplan is opgeslagen.',
    savedTo: (saved, created) => (created ? `/ondersteuningsplannen/${saved.id}` : undefined),
  });

  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.titel : 'Nieuw ondersteuningsplan'}
      readOnlyWho="een beheerder of consulent"
      deleteWhat={(p) => `het ondersteuningsplan ${p.titel}`}
      maw={960}
      sections={{
        gap: 'xl',
        after: loaded && (
          <>
            <AmbitiesSection planId={loaded.data.id} writable={!f.readOnly} />
            <JaarplannenSection planId={loaded.data.id} />
          </>
        ),
      }}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Titel" required maxLength={200} {...f.field('titel')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <CountInput label="Vanaf jaar" required hideControls {...f.field('vanJaar', 'Bijv. 2022')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <CountInput label="Tot en met jaar" required hideControls {...f.field('totJaar', 'Bijv. 2026')} />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
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
          <NewButton to={`/ambities/nieuw?ondersteuningsplanId=${planId}`} variant="light">
            Nieuwe ambitie
          </NewButton>
        )}
      </Group>
      <QueryState query={q} loadingLabel="Ambities laden…">
        {(data) =>
          data.length === 0 ? (
            <Text c="dimmed">Dit plan heeft nog geen ambities.</Text>
          ) : (
            <Paper withBorder radius="md">
              <Table verticalSpacing="sm" striped>
                <TableHead cells={[{ label: 'Nr.', w: 60 }, 'Ambitie', { label: 'Doelstelling', visibleFrom: 'md' }]} />
                <Table.Tbody>
                  {data.map((a) => (
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
          )
        }
      </QueryState>
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
      <QueryState query={q}>
        {(data) => (
          <Group gap="sm">
            {data
              .filter((p) => p.ondersteuningsplanId === planId)
              .map((p) => (
                <Button key={p.id} component={Link} to={`/activiteitenplannen/${p.id}`} variant="default">
                  Activiteitenplan {p.schooljaar}
                </Button>
              ))}
            {!data.some((p) => p.ondersteuningsplanId === planId) && (
              <Text c="dimmed">Nog geen activiteitenplan bij dit ondersteuningsplan.</Text>
            )}
          </Group>
        )}
      </QueryState>
    </section>
  );
}
