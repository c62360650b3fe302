import {
  Anchor,
  Grid,
  Group,
  Input,
  SimpleGrid,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { activiteiten } from '../../api/resources';
import type { Activiteit, ActiviteitInput, ActiviteitSoort, StreefEenheid, StreefRichting } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWriteActiviteiten } from '../../auth/roles';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { Fact } from '../../components/Fact';
import { Panel } from '../../components/Panel';
import { SIGNAAL_BG, SignalBadge } from '../../components/SignalCounts';
import { ChoiceSelect, OptionalSelect, RecordSelect } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { ACTIVITEIT_SOORT_LABELS, EVALUATIE_STATUS_LABELS } from '../../lib/labels';
import { verantwoordelijken } from '../../lib/planning';
import {
  STREEF_ALIASES,
  streefInvoer,
  streefTekst,
  streefWaardeFout,
  streefWaarden,
  waardeTekst,
  type StreefWaarden,
} from '../../lib/streef';
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

interface Values extends Record<string, unknown>, StreefWaarden {
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
  streefRichting: 'Meetbare streef',
  streefWaarde: 'Waarde',
  streefEenheid: 'Eenheid',
};

const RICHTING_KEUZES = [
  { value: '', label: 'Geen' },
  { value: 'minimaal', label: 'Minimaal (≥)' },
  { value: 'maximaal', label: 'Maximaal (≤)' },
];
const EENHEID_KEUZES = [
  { value: 'percentage', label: 'Percentage' },
  { value: 'aantal', label: 'Aantal' },
];

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
    ...streefWaarden(a.streef),
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
    streef: streefInvoer(values),
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
      ...streefWaarden(null),
    },
    toValues,
    toInput,
    readOnly: !canWriteActiviteiten(me),
    labels,
    aliases: STREEF_ALIASES,
    validate: {
      activiteitenplanId: v.required('Activiteitenplan'),
      ambitieId: v.required('Ambitie'),
      omschrijving: v.required('Omschrijving'),
      streefWaarde: (_, values) => streefWaardeFout(values),
    },
    display: {
      streefRichting: (x) => (typeof x === 'string' ? x : 'geen streef'),
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
  const waarden = f.form.getValues();
  const streefFout = f.form.errors.streefRichting as string | undefined;

  return (
    <RecordFormPage
      form={f}
      back={{ to: back, label: 'Naar het activiteitenplan' }}
      afterDelete={back}
      title={loaded ? 'Activiteit' : 'Nieuwe activiteit'}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={() => 'deze activiteit'}
      maw={880}
      sections={loaded ? { gap: 'lg', before: <Meting activiteit={loaded.data} /> } : undefined}
      heading={
        loaded ? (
          <Title order={2} size="h4">
            De activiteit
          </Title>
        ) : undefined
      }
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
          <TextInput
            label="Streefwaarde in woorden"
            maxLength={300}
            {...f.field('streefwaarde', 'Bijv. opkomst > 60% van de IB’ers')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Verantwoordelijke"
            data={mensOptions}
            placeholder="Niemand"
            {...f.field('verantwoordelijkeId')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Input.Wrapper
            id="streef"
            label="Meetbare streef"
            labelElement="div"
            inputWrapperOrder={['label', 'description', 'input', 'error']}
            error={streefFout}
            description={
              f.readOnly
                ? undefined
                : 'Koers meet dit aan de gehouden bijeenkomsten van de activiteit en stelt bij de evaluatie het resultaat voor'
            }
          >
            <Grid gap="sm" mt={4} align="flex-start">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Input.Wrapper id="streef-richting" label="Richting" labelElement="div" size="sm">
                  <SegmentedControl
                    fullWidth
                    aria-labelledby="streef-richting-label"
                    data={RICHTING_KEUZES}
                    value={waarden.streefRichting ?? ''}
                    readOnly={f.readOnly}
                    onChange={(value) => {
                      f.form.setFieldValue('streefRichting', value === '' ? null : (value as StreefRichting));
                      f.form.clearFieldError('streefWaarde');
                    }}
                  />
                </Input.Wrapper>
              </Grid.Col>
              {waarden.streefRichting && (
                <>
                  <Grid.Col span={{ base: 6, sm: 2 }}>
                    <NumberInput
                      label="Waarde"
                      required
                      min={0}
                      max={waarden.streefEenheid === 'percentage' ? 100 : undefined}
                      decimalSeparator=","
                      allowNegative={false}
                      hideControls
                      {...f.field('streefWaarde')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 6, sm: 4 }}>
                    <Input.Wrapper id="streef-eenheid" label="Eenheid" labelElement="div">
                      <SegmentedControl
                        fullWidth
                        aria-labelledby="streef-eenheid-label"
                        data={EENHEID_KEUZES}
                        value={waarden.streefEenheid}
                        readOnly={f.readOnly}
                        onChange={(value) => {
                          f.form.setFieldValue('streefEenheid', value as StreefEenheid);
                          f.form.clearFieldError('streefWaarde');
                        }}
                      />
                    </Input.Wrapper>
                  </Grid.Col>
                </>
              )}
            </Grid>
          </Input.Wrapper>
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
    </RecordFormPage>
  );
}

/** The target, what Koers measured of it from the activity's held meetings, and the evaluation. */
function Meting({ activiteit: a }: { activiteit: Activiteit }) {
  const streef = a.streef;
  const gemeten = a.gemeten ?? null;
  const evaluatie = a.evaluatie;
  const gehaald = a.voorstel ? a.voorstel.signaal === 'op_koers' : null;
  const magEvalueren = canWriteActiviteiten(useMe());
  return (
    <Panel id="meting-kop" title="Streef, meting en evaluatie" titleGap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md" data-testid="activiteit-meting">
        <Fact label="Streef" value={streef ? streefTekst(streef) : (a.streefwaarde ?? 'Geen meetbare streef')} />
        <Fact
          label="Gemeten"
          value={
            gemeten === null ? (
              <Text span size="sm" c="dimmed">
                {streef ? 'Nog geen gehouden bijeenkomst met aanwezigheid' : '—'}
              </Text>
            ) : (
              <Group gap={6} component="span">
                <span className="tabular">{waardeTekst(gemeten, streef?.eenheid ?? 'aantal')}</span>
                {gehaald !== null && (
                  <span className="signaal" style={{ background: SIGNAAL_BG[gehaald ? 'op_koers' : 'risico'] }}>
                    {gehaald ? 'Streef gehaald' : 'Streef niet gehaald'}
                  </span>
                )}
              </Group>
            )
          }
        />
        <Fact
          label="Evaluatie"
          value={
            evaluatie ? (
              <Stack gap={4} align="flex-start">
                <span>
                  {EVALUATIE_STATUS_LABELS[evaluatie.status]}
                  {evaluatie.resultaat != null ? ` · resultaat ${String(evaluatie.resultaat).replace('.', ',')}` : ''}
                </span>
                <SignalBadge signaal={evaluatie.signaal} />
              </Stack>
            ) : magEvalueren ? (
              <Anchor component={Link} to={`/evalueren?plan=${a.activiteitenplanId}&open=1`} size="sm">
                Nog niet geëvalueerd: evalueren
              </Anchor>
            ) : (
              'Nog niet geëvalueerd'
            )
          }
        />
      </SimpleGrid>
      {evaluatie?.toelichting && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {evaluatie.toelichting}
        </Text>
      )}
    </Panel>
  );
}
