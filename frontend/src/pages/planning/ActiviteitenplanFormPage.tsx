import { Grid, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { activiteitenplannen } from '../../api/resources';
import type { Activiteitenplan, ActiviteitenplanInput, PlanStatus, Versioned } from '../../api/types';
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
import { options, PLAN_STATUS_LABELS } from '../../lib/labels';
import { schooljaarOf } from '../../lib/planning';
import * as v from '../../lib/validation';
import { optionsOf, useOndersteuningsplannen } from './hooks';

interface Values extends Record<string, unknown> {
  ondersteuningsplanId: string | null;
  schooljaar: string;
  status: PlanStatus;
  vooruitblik: string;
}

const labels = {
  ondersteuningsplanId: 'Ondersteuningsplan',
  schooljaar: 'Schooljaar',
  status: 'Status',
  vooruitblik: 'Vooruitblik',
};

export default function ActiviteitenplanFormPage() {
  const { id } = useParams();
  return (
    <RecordLoader
      resource={activiteitenplannen}
      id={id}
      listPath="/activiteitenplannen"
      listLabel="activiteitenplannen"
    >
      {(loaded) => <PlanForm key={id ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function PlanForm({ loaded }: { loaded: Versioned<Activiteitenplan> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const plannen = useOndersteuningsplannen();
  const back = loaded ? `/activiteitenplannen/${loaded.data.id}` : '/activiteitenplannen';
  const f = useRecordForm({
    resource: activiteitenplannen,
    loaded,
    empty: {
      ondersteuningsplanId: plannen.data?.[0]?.id ?? null,
      schooljaar: schooljaarOf(new Date()),
      status: 'concept',
      vooruitblik: '',
    },
    toValues: (p: Activiteitenplan): Values => ({
      ondersteuningsplanId: p.ondersteuningsplanId,
      schooljaar: p.schooljaar,
      status: p.status,
      vooruitblik: p.vooruitblik ?? '',
    }),
    toInput: (values: Values): ActiviteitenplanInput => ({
      ondersteuningsplanId: values.ondersteuningsplanId ?? '',
      schooljaar: values.schooljaar.trim(),
      status: values.status,
      vooruitblik: values.vooruitblik.trim() || null,
    }),
    readOnly: !canWrite(me.rol, 'activiteitenplannen'),
    labels,
    validate: {
      ondersteuningsplanId: v.required('Ondersteuningsplan'),
      schooljaar: (value) =>
        /^(\d{4})-(\d{4})$/.test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1
          ? null
          : 'Schooljaar als 2025-2026',
    },
    savedMessage: 'Het activiteitenplan is opgeslagen.',
    onSaved: (saved) => void navigate(`/activiteitenplannen/${saved.id}`),
  });

  return (
    <>
      <BackLink to={back}>{loaded ? 'Naar het plan' : 'Alle activiteitenplannen'}</BackLink>
      <PageHeader
        title={loaded ? `Activiteitenplan ${loaded.data.schooljaar} bewerken` : 'Nieuw activiteitenplan'}
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
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label="Ondersteuningsplan"
                  required
                  allowDeselect={false}
                  data={optionsOf(plannen.data, (p) => `${p.titel} (${p.vanJaar}-${p.totJaar})`) ?? []}
                  placeholder={plannen.data ? 'Kies een plan' : 'Laden…'}
                  {...f.field('ondersteuningsplanId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label="Schooljaar" required maxLength={9} {...f.field('schooljaar', 'Bijv. 2025-2026')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <Select
                  label="Status"
                  required
                  allowDeselect={false}
                  data={options(PLAN_STATUS_LABELS)}
                  {...f.field('status')}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label="Vooruitblik"
                  autosize
                  minRows={3}
                  {...f.field(
                    'vooruitblik',
                    'Wat het samenwerkingsverband volgend jaar wil; komt in de verantwoording',
                  )}
                />
              </Grid.Col>
            </Grid>
            <FormActions
              cancelTo={back}
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/activiteitenplannen"
                    what={`het activiteitenplan ${loaded.data.schooljaar}`}
                    remove={() => activiteitenplannen.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate('/activiteitenplannen')}
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
