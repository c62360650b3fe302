import { Button, Paper, Stack, TextInput } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { werkgebieden } from '../../api/resources';
import type { Versioned, Werkgebied, WerkgebiedInput } from '../../api/types';
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
}

const empty: Values = { naam: '' };
const labels = { naam: 'Naam' };
const toValues = (w: Werkgebied): Values => ({ naam: w.naam });
const toInput = (x: Values): WerkgebiedInput => ({ naam: x.naam.trim() });

export default function WerkgebiedPage() {
  const { id } = useParams();
  const recordId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader resource={werkgebieden} id={recordId} listPath="/werkgebieden" listLabel="werkgebieden">
      {(loaded) => <WerkgebiedForm key={recordId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function WerkgebiedForm({ loaded }: { loaded: Versioned<Werkgebied> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const f = useRecordForm({
    resource: werkgebieden,
    loaded,
    empty,
    toValues,
    toInput,
    readOnly: !canWrite(me.rol, 'werkgebieden'),
    labels,
    validate: { naam: v.name('Naam') },
    savedMessage: 'Het werkgebied is opgeslagen.',
    onSaved: () => void navigate('/werkgebieden'),
  });

  return (
    <>
      <BackLink to="/werkgebieden">Alle werkgebieden</BackLink>
      <PageHeader
        title={loaded ? loaded.data.naam : 'Nieuw werkgebied'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
        actions={
          loaded ? (
            <Button
              variant="default"
              component={Link}
              to={`/scholen?werkgebiedId=${loaded.data.id}`}
              leftSection={<IconSchool size={16} aria-hidden />}
            >
              Scholen in dit werkgebied
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
            <TextInput label="Naam" required maxLength={200} {...f.field('naam')} />
            <FormActions
              cancelTo="/werkgebieden"
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/werkgebieden"
                    what={`het werkgebied ${loaded.data.naam}`}
                    remove={() => werkgebieden.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate('/werkgebieden')}
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
