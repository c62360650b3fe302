import { Button, Grid, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { samenwerkingsverbanden } from '../../api/resources';
import type { Samenwerkingsverband, SamenwerkingsverbandInput, Sector, Versioned } from '../../api/types';
import {
  BackLink,
  ConflictAlert,
  DeleteButton,
  FormActions,
  GeneralErrors,
  RecordMeta,
} from '../../components/FormParts';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoader } from '../../components/RecordLoader';
import { useRecordForm } from '../../components/recordForm';
import { options, SECTOR_LABELS } from '../../lib/labels';
import * as v from '../../lib/validation';

interface Values extends Record<string, unknown> {
  naam: string;
  code: string;
  sector: Sector | null;
}

const empty: Values = { naam: '', code: '', sector: null };
const labels = { naam: 'Naam', code: 'Code', sector: 'Sector' };
const toValues = (s: Samenwerkingsverband): Values => ({ naam: s.naam, code: s.code, sector: s.sector });
const toInput = (x: Values): SamenwerkingsverbandInput => ({
  naam: x.naam.trim(),
  code: x.code.trim(),
  sector: x.sector as Sector,
});

export default function SamenwerkingsverbandPage() {
  const { id } = useParams();
  const recordId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader
      resource={samenwerkingsverbanden}
      id={recordId}
      listPath="/samenwerkingsverbanden"
      listLabel="samenwerkingsverbanden"
    >
      {(loaded) => <SwvForm key={recordId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function SwvForm({ loaded }: { loaded: Versioned<Samenwerkingsverband> | null }) {
  const navigate = useNavigate();
  const f = useRecordForm({
    resource: samenwerkingsverbanden,
    loaded,
    empty,
    toValues,
    toInput,
    labels,
    display: { sector: (x) => (x ? SECTOR_LABELS[x as Sector] : '(leeg)') },
    validate: {
      naam: v.name('Naam'),
      code: (value, values) => v.swvCode(value, values.sector),
      sector: v.required('Sector'),
    },
    savedMessage: loaded
      ? 'Het samenwerkingsverband is opgeslagen.'
      : 'Het samenwerkingsverband is aangemaakt. Voeg nu de eerste beheerder toe.',
    // A new SWV opens on its own page, where its first beheerder is added.
    onSaved: (swv, created) => void navigate(created ? `/samenwerkingsverbanden/${swv.id}` : '/samenwerkingsverbanden'),
  });

  return (
    <>
      <BackLink to="/samenwerkingsverbanden">Alle samenwerkingsverbanden</BackLink>
      <PageHeader
        title={loaded ? loaded.data.naam : 'Nieuw samenwerkingsverband'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
      />
      <Stack gap="lg" maw={820}>
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={f.submit} noValidate>
            <Stack gap="md">
              <ConflictAlert
                conflict={f.conflict}
                changedFields={Object.keys(f.changedByOthers).map((k) => labels[k as keyof typeof labels])}
                onReload={() => void f.reloadLatest()}
                reloading={f.reloading}
              />
              <GeneralErrors messages={f.general} />
              <TextInput label="Naam" required maxLength={200} {...f.field('naam')} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <Select
                    label="Sector"
                    required
                    data={options(SECTOR_LABELS)}
                    allowDeselect={false}
                    {...f.field('sector')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput
                    label="Code"
                    required
                    maxLength={6}
                    autoComplete="off"
                    {...f.field('code', 'De code van DUO: PO of VO en 4 cijfers (bijv. PO2703)')}
                    onChange={(event) => {
                      const code = event.currentTarget.value.toUpperCase();
                      f.form.setFieldValue('code', code);
                      // The prefix tells the sector; fill it in when it is still empty.
                      if (f.form.getValues().sector === null && /^(PO|VO)/.test(code)) {
                        f.form.setFieldValue('sector', code.slice(0, 2).toLowerCase() as Sector);
                      }
                    }}
                  />
                </Grid.Col>
              </Grid>
              <FormActions
                cancelTo="/samenwerkingsverbanden"
                saving={f.saving}
                readOnly={false}
                submitLabel={loaded ? 'Opslaan' : 'Aanmaken'}
                extra={
                  loaded ? (
                    <DeleteButton
                      path="/samenwerkingsverbanden"
                      what={`het samenwerkingsverband ${loaded.data.naam}`}
                      remove={() => samenwerkingsverbanden.remove(loaded.data.id, f.etag)}
                      onDeleted={() => void navigate('/samenwerkingsverbanden')}
                    />
                  ) : undefined
                }
              />
            </Stack>
          </form>
        </Paper>
        {loaded && (
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" mb="xs">
              Gebruikers en clients
            </Title>
            <Text size="sm" mb="md">
              Een nieuw samenwerkingsverband heeft een eerste beheerder nodig; die voegt daarna zelf de andere
              gebruikers toe.
            </Text>
            <Group gap="sm">
              <Button
                component={Link}
                to={`/gebruikers/nieuw?samenwerkingsverbandId=${loaded.data.id}&rol=beheerder`}
                leftSection={<IconUserPlus size={16} aria-hidden />}
              >
                Beheerder toevoegen
              </Button>
              <Button
                variant="default"
                component={Link}
                to={`/gebruikers?samenwerkingsverbandId=${loaded.data.id}`}
                leftSection={<IconUsers size={16} aria-hidden />}
              >
                Gebruikers bekijken
              </Button>
              <Button
                variant="default"
                component={Link}
                to={`/clients?samenwerkingsverbandId=${loaded.data.id}`}
                leftSection={<IconKey size={16} aria-hidden />}
              >
                Clients bekijken
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </>
  );
}
