import { Grid, NumberInput, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ambities } from '../../api/resources';
import type { Ambitie, AmbitieInput, Versioned } from '../../api/types';
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
import { optionsOf, useOndersteuningsplannen } from './hooks';

interface Values extends Record<string, unknown> {
  ondersteuningsplanId: string | null;
  nummer: number | string;
  titel: string;
  doelstelling: string;
}

const labels = {
  ondersteuningsplanId: 'Ondersteuningsplan',
  nummer: 'Nummer',
  titel: 'Titel',
  doelstelling: 'Doelstelling',
};

export default function AmbitiePage() {
  const { id } = useParams();
  const ambitieId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader
      resource={ambities}
      id={ambitieId}
      listPath="/ondersteuningsplannen"
      listLabel="ondersteuningsplannen"
    >
      {(loaded) => <AmbitieForm key={ambitieId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function AmbitieForm({ loaded }: { loaded: Versioned<Ambitie> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const plannen = useOndersteuningsplannen();
  const planId = loaded?.data.ondersteuningsplanId ?? params.get('ondersteuningsplanId');
  const back = planId ? `/ondersteuningsplannen/${planId}` : '/ondersteuningsplannen';
  const f = useRecordForm({
    resource: ambities,
    loaded,
    empty: { ondersteuningsplanId: planId, nummer: '', titel: '', doelstelling: '' },
    toValues: (a: Ambitie): Values => ({
      ondersteuningsplanId: a.ondersteuningsplanId,
      nummer: a.nummer,
      titel: a.titel,
      doelstelling: a.doelstelling,
    }),
    toInput: (values: Values): AmbitieInput => ({
      ondersteuningsplanId: values.ondersteuningsplanId ?? '',
      nummer: Number(values.nummer),
      titel: values.titel.trim(),
      doelstelling: values.doelstelling.trim(),
    }),
    readOnly: !canWrite(me.rol, 'ondersteuningsplannen'),
    labels,
    validate: {
      ondersteuningsplanId: v.required('Ondersteuningsplan'),
      nummer: (value) =>
        value === '' ? 'Nummer is verplicht' : Number(value) < 1 ? 'Nummer moet 1 of hoger zijn' : null,
      titel: v.required('Titel'),
    },
    savedMessage: 'De ambitie is opgeslagen.',
    onSaved: (saved) => void navigate(`/ondersteuningsplannen/${saved.ondersteuningsplanId}`),
  });

  return (
    <>
      <BackLink to={back}>Naar het ondersteuningsplan</BackLink>
      <PageHeader
        title={loaded ? `Ambitie ${loaded.data.nummer}: ${loaded.data.titel}` : 'Nieuwe ambitie'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
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
            {f.readOnly && <ReadOnlyNote who="een beheerder of consulent" />}
            <GeneralErrors messages={f.general} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 9 }}>
                <Select
                  label="Ondersteuningsplan"
                  required
                  data={optionsOf(plannen.data, (p) => `${p.titel} (${p.vanJaar}-${p.totJaar})`) ?? []}
                  placeholder={plannen.data ? 'Kies een plan' : 'Laden…'}
                  allowDeselect={false}
                  disabled={loaded !== null}
                  {...f.field('ondersteuningsplanId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <NumberInput
                  label="Nummer"
                  required
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  {...f.field('nummer', 'Uniek binnen het plan')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput label="Titel" required maxLength={300} {...f.field('titel')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label="Doelstelling" autosize minRows={3} {...f.field('doelstelling')} />
              </Grid.Col>
            </Grid>
            <FormActions
              cancelTo={back}
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/ambities"
                    what={`ambitie ${loaded.data.nummer}`}
                    remove={() => ambities.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate(back)}
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
