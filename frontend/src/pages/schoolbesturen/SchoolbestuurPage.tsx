import { Button, Grid, Paper, Stack, TextInput } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { schoolbesturen } from '../../api/resources';
import type { Schoolbestuur, SchoolbestuurInput, Versioned } from '../../api/types';
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
import * as v from '../../lib/validation';

interface Values extends Record<string, unknown> {
  naam: string;
  bevoegdGezagNummer: string;
}

const empty: Values = { naam: '', bevoegdGezagNummer: '' };
const labels = { naam: 'Naam', bevoegdGezagNummer: 'Bevoegd-gezagnummer' };
const toValues = (b: Schoolbestuur): Values => ({ naam: b.naam, bevoegdGezagNummer: b.bevoegdGezagNummer });
const toInput = (x: Values): SchoolbestuurInput => ({
  naam: x.naam.trim(),
  bevoegdGezagNummer: x.bevoegdGezagNummer.trim(),
});

export default function SchoolbestuurPage() {
  const { id } = useParams();
  const recordId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader resource={schoolbesturen} id={recordId} listPath="/schoolbesturen" listLabel="schoolbesturen">
      {(loaded) => <SchoolbestuurForm key={recordId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function SchoolbestuurForm({ loaded }: { loaded: Versioned<Schoolbestuur> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const f = useRecordForm({
    resource: schoolbesturen,
    loaded,
    empty,
    toValues,
    toInput,
    readOnly: !canWrite(me.rol, 'schoolbesturen'),
    labels,
    validate: { naam: v.name('Naam'), bevoegdGezagNummer: v.bevoegdGezagNummer },
    savedMessage: 'Het schoolbestuur is opgeslagen.',
    onSaved: () => void navigate('/schoolbesturen'),
  });

  return (
    <>
      <BackLink to="/schoolbesturen">Alle schoolbesturen</BackLink>
      <PageHeader
        title={loaded ? loaded.data.naam : 'Nieuw schoolbestuur'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
        actions={
          loaded ? (
            <Button
              variant="default"
              component={Link}
              to={`/scholen?schoolbestuurId=${loaded.data.id}`}
              leftSection={<IconSchool size={16} aria-hidden />}
            >
              Scholen van dit bestuur
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
            {f.readOnly && <ReadOnlyNote who="een beheerder van het samenwerkingsverband" />}
            <GeneralErrors messages={f.general} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label="Naam" required maxLength={200} {...f.field('naam')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label="Bevoegd-gezagnummer"
                  required
                  inputMode="numeric"
                  maxLength={5}
                  autoComplete="off"
                  {...f.field('bevoegdGezagNummer', 'Het nummer bij DUO, bijv. 41590')}
                />
              </Grid.Col>
            </Grid>
            <FormActions
              cancelTo="/schoolbesturen"
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/schoolbesturen"
                    what={`het schoolbestuur ${loaded.data.naam}`}
                    remove={() => schoolbesturen.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate('/schoolbesturen')}
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
