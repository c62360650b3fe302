import { Grid, TextInput } from '@mantine/core';
import { activiteitenplannen } from '../../api/resources';
import type { Activiteitenplan, ActiviteitenplanInput, PlanStatus } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { ChoiceSelect, LongText } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { PLAN_STATUS_LABELS } from '../../lib/labels';
import { schooljaarNl } from '../../lib/tijd';
import * as v from '../../lib/validation';
import { useOndersteuningsplannen } from './hooks';
import { OndersteuningsplanSelect } from './fields';

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
  return <RecordRoute resource={activiteitenplannen} area="activiteitenplannen" form={PlanForm} />;
}

function PlanForm({ loaded }: RecordFormProps<Activiteitenplan>) {
  const plannen = useOndersteuningsplannen();
  const f = useRecordForm({
    resource: activiteitenplannen,
    loaded,
    empty: {
      ondersteuningsplanId: plannen.data?.[0]?.id ?? null,
      schooljaar: schooljaarNl(new Date()),
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
    area: 'activiteitenplannen',
    labels,
    validate: {
      ondersteuningsplanId: v.required('Ondersteuningsplan'),
      schooljaar: (value) =>
        /^(\d{4})-(\d{4})$/.test(value) && Number(value.slice(5)) === Number(value.slice(0, 4)) + 1
          ? null
          : 'Schooljaar als 2025-2026',
    },
    savedMessage: 'Het activiteitenplan is opgeslagen.',
    savedTo: (saved) => `/activiteitenplannen/${saved.id}`,
  });

  return (
    <RecordFormPage
      form={f}
      back={loaded && { to: `/activiteitenplannen/${loaded.data.id}`, label: 'Naar het plan' }}
      title={loaded ? `Activiteitenplan ${loaded.data.schooljaar} bewerken` : 'Nieuw activiteitenplan'}
      readOnlyWho="een beheerder of consulent"
      deleteWhat={(p) => `het activiteitenplan ${p.schooljaar}`}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OndersteuningsplanSelect {...f.field('ondersteuningsplanId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput label="Schooljaar" required maxLength={9} {...f.field('schooljaar', 'Bijv. 2025-2026')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <ChoiceSelect label="Status" labels={PLAN_STATUS_LABELS} {...f.field('status')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <LongText
            label="Vooruitblik"
            {...f.field('vooruitblik', 'Wat het samenwerkingsverband volgend jaar wil; komt in de verantwoording')}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
