import { Grid, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ambities } from '../../api/resources';
import type { Ambitie, AmbitieInput } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { CountInput, LongText } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import * as v from '../../lib/validation';
import { OndersteuningsplanSelect } from './fields';

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
  return <RecordRoute resource={ambities} area="ondersteuningsplannen" form={AmbitieForm} />;
}

function AmbitieForm({ loaded }: RecordFormProps<Ambitie>) {
  const [params] = useSearchParams();
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
    area: 'ondersteuningsplannen',
    labels,
    validate: {
      ondersteuningsplanId: v.required('Ondersteuningsplan'),
      nummer: (value) =>
        value === '' ? 'Nummer is verplicht' : Number(value) < 1 ? 'Nummer moet 1 of hoger zijn' : null,
      titel: v.required('Titel'),
    },
    savedMessage: 'De ambitie is opgeslagen.',
    savedTo: (saved) => `/ondersteuningsplannen/${saved.ondersteuningsplanId}`,
  });

  return (
    <RecordFormPage
      form={f}
      back={{ to: back, label: 'Naar het ondersteuningsplan' }}
      afterDelete={back}
      title={loaded ? `Ambitie ${loaded.data.nummer}: ${loaded.data.titel}` : 'Nieuwe ambitie'}
      readOnlyWho="een beheerder of consulent"
      deleteWhat={(a) => `ambitie ${a.nummer}`}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 9 }}>
          <OndersteuningsplanSelect disabled={loaded !== null} {...f.field('ondersteuningsplanId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <CountInput label="Nummer" required min={1} hideControls {...f.field('nummer', 'Uniek binnen het plan')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label="Titel" required maxLength={300} {...f.field('titel')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <LongText label="Doelstelling" {...f.field('doelstelling')} />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
