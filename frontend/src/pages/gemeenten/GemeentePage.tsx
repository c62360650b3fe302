import { Button, Grid, Paper, Stack, TextInput } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { gemeenten } from '../../api/resources';
import type { Gemeente, GemeenteInput, Versioned } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canRead, canWrite } from '../../auth/roles';
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
import * as v from '../../lib/validation';

interface Values extends Record<string, unknown> {
  naam: string;
  cbsCode: string;
}

const empty: Values = { naam: '', cbsCode: '' };
const labels = { naam: 'Naam', cbsCode: 'CBS-code' };
const toValues = (g: Gemeente): Values => ({ naam: g.naam, cbsCode: g.cbsCode });
const toInput = (x: Values): GemeenteInput => ({ naam: x.naam.trim(), cbsCode: x.cbsCode.trim() });

export default function GemeentePage() {
  const { id } = useParams();
  const recordId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader resource={gemeenten} id={recordId} listPath="/gemeenten" listLabel="gemeenten">
      {(loaded) => <GemeenteForm key={recordId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function GemeenteForm({ loaded }: { loaded: Versioned<Gemeente> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const f = useRecordForm({
    resource: gemeenten,
    loaded,
    empty,
    toValues,
    toInput,
    readOnly: !canWrite(me.rol, 'gemeenten'),
    labels,
    validate: { naam: v.name('Naam'), cbsCode: v.cbsCode },
    savedMessage: 'De gemeente is opgeslagen.',
    onSaved: () => void navigate('/gemeenten'),
  });

  return (
    <>
      <BackLink to="/gemeenten">Alle gemeenten</BackLink>
      <PageHeader
        title={loaded ? loaded.data.naam : 'Nieuwe gemeente'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
        actions={
          loaded && canRead(me.rol, 'scholen') ? (
            <Button
              variant="default"
              component={Link}
              to={`/scholen?gemeenteId=${loaded.data.id}`}
              leftSection={<IconSchool size={16} aria-hidden />}
            >
              Scholen in deze gemeente
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder p="lg" radius="md" maw={820}>
        <form onSubmit={f.submit} noValidate>
          <Stack gap="md">
            <ConflictAlert
              conflict={f.conflict}
              changedFields={Object.keys(f.changedByOthers).map((k) => labels[k as keyof typeof labels])}
              onReload={() => void f.reloadLatest()}
              reloading={f.reloading}
            />
            {f.readOnly && <ReadOnlyNote who="de platformbeheerder" />}
            <GeneralErrors messages={f.general} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label="Naam" required maxLength={200} {...f.field('naam')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label="CBS-code"
                  required
                  inputMode="numeric"
                  maxLength={4}
                  autoComplete="off"
                  {...f.field('cbsCode', '4 cijfers (Haarlem: 0392)')}
                />
              </Grid.Col>
            </Grid>
            <FormActions
              cancelTo="/gemeenten"
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/gemeenten"
                    what={`de gemeente ${loaded.data.naam}`}
                    remove={() => gemeenten.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate('/gemeenten')}
                  />
                ) : undefined
              }
            />
          </Stack>
        </form>
      </Paper>
    </>
  );
}
