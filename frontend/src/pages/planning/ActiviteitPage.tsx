import { Alert, Grid, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { activiteiten } from '../../api/resources';
import type { Activiteit, ActiviteitInput, ActiviteitSoort } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWriteActiviteiten } from '../../auth/roles';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { SignalBadge } from '../../components/SignalCounts';
import { ChoiceSelect, OptionalSelect, RecordSelect } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { ACTIVITEIT_SOORT_LABELS, EVALUATIE_STATUS_LABELS } from '../../lib/labels';
import { verantwoordelijken } from '../../lib/planning';
import * as v from '../../lib/validation';
import {
  optionsOf,
  useActiviteitenplannen,
  useAmbities,
  useGebruikersNamen,
  usePortefeuilles,
  useProjecten,
  useVerslag,
} from './hooks';

interface Values extends Record<string, unknown> {
  activiteitenplanId: string | null;
  ambitieId: string | null;
  omschrijving: string;
  soort: ActiviteitSoort;
  portefeuilleId: string | null;
  projectId: string | null;
  streefwaarde: string;
  verantwoordelijkeId: string | null;
}

const labels = {
  activiteitenplanId: 'Activiteitenplan',
  ambitieId: 'Ambitie',
  omschrijving: 'Omschrijving',
  soort: 'Soort',
  portefeuilleId: 'Portefeuille',
  projectId: 'Project',
  streefwaarde: 'Streefwaarde',
  verantwoordelijkeId: 'Verantwoordelijke',
};

function toValues(a: Activiteit): Values {
  return {
    activiteitenplanId: a.activiteitenplanId,
    ambitieId: a.ambitieId,
    omschrijving: a.omschrijving,
    soort: a.soort,
    portefeuilleId: a.portefeuilleId ?? null,
    projectId: a.projectId ?? null,
    streefwaarde: a.streefwaarde ?? '',
    verantwoordelijkeId: a.verantwoordelijkeId ?? null,
  };
}

function toInput(values: Values): ActiviteitInput {
  return {
    activiteitenplanId: values.activiteitenplanId ?? '',
    ambitieId: values.ambitieId ?? '',
    omschrijving: values.omschrijving.trim(),
    soort: values.soort,
    portefeuilleId: values.portefeuilleId,
    projectId: values.projectId,
    streefwaarde: values.streefwaarde.trim() || null,
    verantwoordelijkeId: values.verantwoordelijkeId,
  };
}

export default function ActiviteitPage() {
  return <RecordRoute resource={activiteiten} area="activiteitenplannen" form={ActiviteitForm} />;
}

function ActiviteitForm({ loaded }: RecordFormProps<Activiteit>) {
  const me = useMe();
  const [params] = useSearchParams();
  const plannen = useActiviteitenplannen();
  const portefeuilles = usePortefeuilles();
  const projecten = useProjecten();
  const gebruikers = useGebruikersNamen();
  const startPlan = loaded?.data.activiteitenplanId ?? params.get('activiteitenplanId');
  const f = useRecordForm({
    resource: activiteiten,
    area: 'activiteitenplannen',
    loaded,
    empty: {
      activiteitenplanId: startPlan,
      ambitieId: params.get('ambitieId'),
      omschrijving: '',
      soort: 'gepland',
      portefeuilleId: null,
      projectId: null,
      streefwaarde: '',
      verantwoordelijkeId: me.id,
    },
    toValues,
    toInput,
    readOnly: !canWriteActiviteiten(me),
    labels,
    validate: {
      activiteitenplanId: v.required('Activiteitenplan'),
      ambitieId: v.required('Ambitie'),
      omschrijving: v.required('Omschrijving'),
    },
    savedMessage: 'De activiteit is opgeslagen.',
    savedTo: (saved) => `/activiteitenplannen/${saved.activiteitenplanId}`,
  });
  const planId = f.form.getValues().activiteitenplanId;
  const plan = plannen.data?.find((p) => p.id === planId);
  const ambities = useAmbities(plan?.ondersteuningsplanId);
  const verslag = useVerslag(planId);
  const mensen = new Map<string, string>([[me.id, me.naam]]);
  for (const g of gebruikers) mensen.set(g.id, g.naam);
  for (const o of verantwoordelijken(verslag.data?.ambities ?? [])) mensen.set(o.value, o.label);
  const mensOptions = [...mensen]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  const back = planId ? `/activiteitenplannen/${planId}` : '/activiteitenplannen';
  const evaluatie = loaded?.data.evaluatie;

  return (
    <RecordFormPage
      form={f}
      back={{ to: back, label: 'Naar het activiteitenplan' }}
      afterDelete={back}
      title={loaded ? 'Activiteit' : 'Nieuwe activiteit'}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={() => 'deze activiteit'}
      maw={880}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <RecordSelect
            label="Activiteitenplan"
            required
            allowDeselect={false}
            data={optionsOf(plannen.data, (p) => `Activiteitenplan ${p.schooljaar}`)}
            placeholder="Kies een plan"
            {...f.field('activiteitenplanId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect
            label="Soort"
            labels={ACTIVITEIT_SOORT_LABELS}
            {...f.field('soort', 'Een vastgesteld plan krijgt alleen nog extra activiteiten')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Select
            label="Ambitie"
            required
            allowDeselect={false}
            data={optionsOf(ambities.data, (a) => `${a.nummer}. ${a.titel}`) ?? []}
            placeholder={planId ? (ambities.data ? 'Kies een ambitie' : 'Laden…') : 'Kies eerst een plan'}
            {...f.field('ambitieId')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Omschrijving" required autosize minRows={2} {...f.field('omschrijving')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Streefwaarde" maxLength={300} {...f.field('streefwaarde', 'Bijv. opkomst > 60%')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Verantwoordelijke"
            data={mensOptions}
            placeholder="Niemand"
            {...f.field('verantwoordelijkeId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Portefeuille"
            searchable={false}
            data={optionsOf(portefeuilles.data, (p) => p.naam)}
            placeholder="Geen portefeuille"
            {...f.field('portefeuilleId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Project"
            data={optionsOf(projecten.data, (p) => p.naam)}
            placeholder="Geen project"
            {...f.field('projectId')}
          />
        </Grid.Col>
      </Grid>
      {loaded && (
        <Alert color="gray" title="Evaluatie">
          {evaluatie ? (
            <Stack gap={4} align="flex-start">
              <Text size="sm">
                {EVALUATIE_STATUS_LABELS[evaluatie.status]}
                {evaluatie.resultaat != null ? ` · resultaat ${String(evaluatie.resultaat)}` : ''}
              </Text>
              <SignalBadge signaal={evaluatie.signaal} />
              {evaluatie.toelichting && <Text size="sm">{evaluatie.toelichting}</Text>}
            </Stack>
          ) : (
            <Text size="sm">Nog niet geëvalueerd. Evalueer op de pagina Evalueren.</Text>
          )}
        </Alert>
      )}
    </RecordFormPage>
  );
}
