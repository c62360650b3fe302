import { Fieldset, Grid, NumberInput, Radio, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { bijeenkomsten } from '../../api/resources';
import type { Bijeenkomst } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { ChoiceSelect, CountInput, RecordSelect } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import {
  herinneringOpties,
  bijeenkomstFouten,
  invoerVan,
  LEGE_BIJEENKOMST,
  waardenVan,
  type BijeenkomstWaarden,
} from '../../lib/bijeenkomsten';
import { BIJEENKOMST_SOORT_LABELS, BIJEENKOMST_STATUS_LABELS, options, VORM_LABELS } from '../../lib/labels';
import { schooljaarOf } from '../../lib/planning';
import { faseVan } from '../../lib/tijd';
import { optionsOf, usePortefeuilles, useProjecten } from '../planning/hooks';
import { useActiviteitenVan } from './hooks';
import { DateField, DateTimeField } from '../../components/DateField';

const labels: Record<keyof BijeenkomstWaarden & string, string> = {
  titel: 'Titel',
  omschrijving: 'Omschrijving',
  soort: 'Soort',
  datum: 'Datum',
  begintijd: 'Begintijd',
  einddatum: 'Einddatum',
  eindtijd: 'Eindtijd',
  vorm: 'Vorm',
  locatie: 'Locatie',
  status: 'Status',
  minDeelnemers: 'Minimum aantal deelnemers',
  maxDeelnemers: 'Maximum aantal deelnemers',
  streef: 'Streefopkomst',
  streefOpkomst: 'Streefaantal deelnemers',
  streefPercentage: 'Streefpercentage',
  doelgroepOmvang: 'Omvang van de doelgroep',
  activiteitId: 'Activiteit',
  projectId: 'Project',
  portefeuilleId: 'Portefeuille',
  publiek: 'Open voor inschrijving',
  aanmeldenTot: 'Aanmelden kan tot',
  herinnering: 'Herinnering per mail',
};

/** API names shown in other fields of this form. */
const aliases = { start: 'begintijd', eind: 'eindtijd', herinneringUrenVooraf: 'herinnering' };

export default function BijeenkomstFormPage() {
  return <RecordRoute resource={bijeenkomsten} area="bijeenkomsten" form={BijeenkomstForm} />;
}

function BijeenkomstForm({ loaded }: RecordFormProps<Bijeenkomst>) {
  const portefeuilles = usePortefeuilles();
  const projecten = useProjecten();
  const f = useRecordForm({
    resource: bijeenkomsten,
    loaded,
    empty: LEGE_BIJEENKOMST,
    toValues: waardenVan,
    toInput: invoerVan,
    validate: (values) => bijeenkomstFouten(values),
    area: 'bijeenkomsten',
    labels,
    aliases,
    display: {
      soort: (v) => (v ? BIJEENKOMST_SOORT_LABELS[v as keyof typeof BIJEENKOMST_SOORT_LABELS] : '(leeg)'),
      status: (v) => BIJEENKOMST_STATUS_LABELS[v as keyof typeof BIJEENKOMST_STATUS_LABELS],
      vorm: (v) => VORM_LABELS[v as keyof typeof VORM_LABELS],
      projectId: (v) => projecten.data?.find((p) => p.id === v)?.naam ?? '(geen)',
      portefeuilleId: (v) => portefeuilles.data?.find((p) => p.id === v)?.naam ?? '(geen)',
    },
    savedMessage: 'De bijeenkomst is opgeslagen.',
    savedTo: (saved) => `/bijeenkomsten/${saved.id}`,
  });
  const values = f.form.getValues();
  const schooljaar = values.datum ? schooljaarOf(new Date(`${values.datum}T12:00`)) : null;
  const activiteiten = useActiviteitenVan(schooljaar);
  const aangemeld = loaded?.data.aantalAangemeld ?? 0;
  // A meeting that is over can no longer be cancelled (unless it already was).
  const statusLabels: Record<string, string> =
    loaded && loaded.data.status !== 'geannuleerd' && faseVan(loaded.data, new Date()) === 'afgelopen'
      ? { gepland: 'Afgelopen — aanwezigheid invullen', doorgegaan: 'Gehouden' }
      : BIJEENKOMST_STATUS_LABELS;
  /** The project or portefeuille the meeting belongs to, if any. */
  const koppeling = (
    field: 'projectId' | 'portefeuilleId',
    label: string,
    records: { id: string; naam: string }[] | undefined,
  ) => (
    <Grid.Col span={{ base: 12, md: 4 }}>
      <RecordSelect
        label={label}
        clearable
        searchable
        nothingFoundMessage={`Geen ${label.toLowerCase()} gevonden`}
        data={optionsOf(records, (r) => r.naam)}
        placeholder="Geen"
        {...f.field(field)}
      />
    </Grid.Col>
  );

  return (
    <RecordFormPage
      form={f}
      back={loaded && { to: `/bijeenkomsten/${loaded.data.id}`, label: 'Naar de bijeenkomst' }}
      title={loaded ? `${loaded.data.titel} bewerken` : 'Nieuwe bijeenkomst'}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(b) => `de bijeenkomst ${b.titel}`}
      maw={880}
      gap="lg"
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label="Titel" required maxLength={200} {...f.field('titel')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Soort"
            required
            searchable
            data={options(BIJEENKOMST_SOORT_LABELS)}
            placeholder="Kies…"
            nothingFoundMessage="Niets gevonden"
            {...f.field('soort')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Omschrijving" autosize minRows={2} maxRows={8} {...f.field('omschrijving')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, sm: 3 }}>
          <DateField label="Datum" required {...f.field('datum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput type="time" label="Begintijd" required {...f.field('begintijd')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <TextInput type="time" label="Eindtijd" required {...f.field('eindtijd')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, sm: 3 }}>
          <DateField label="Einddatum" {...f.field('einddatum', 'Alleen bij meer dagen')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <ChoiceSelect label="Vorm" labels={VORM_LABELS} {...f.field('vorm')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Locatie" {...f.field('locatie', 'Adres, zaal of de link van de online sessie')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 3 }}>
          <ChoiceSelect label="Status" labels={statusLabels} {...f.field('status')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <CountInput label="Minimum deelnemers" min={0} {...f.field('minDeelnemers', 'Anders gaat het niet door')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <CountInput
            label="Maximum deelnemers"
            min={Math.max(1, aangemeld)}
            {...f.field(
              'maxDeelnemers',
              aangemeld > 0
                ? `Niet minder dan de ${aangemeld} aangemelde deelnemers`
                : 'Daarna komt men op de wachtlijst',
            )}
          />
        </Grid.Col>
      </Grid>

      <Fieldset legend="Streefopkomst" variant="filled" radius="md">
        <Stack gap="sm">
          <Radio.Group
            aria-label="Soort streefopkomst"
            value={values.streef}
            onChange={(value) => f.form.setFieldValue('streef', value)}
            readOnly={f.readOnly}
          >
            <Stack gap={6}>
              <Radio value="geen" label="Geen streef" disabled={f.readOnly} />
              <Radio value="aantal" label="Aantal deelnemers" disabled={f.readOnly} />
              <Radio value="percentage" label="Percentage van de doelgroep" disabled={f.readOnly} />
            </Stack>
          </Radio.Group>
          {values.streef === 'aantal' && (
            <CountInput
              label="Streefaantal deelnemers"
              required
              min={1}
              maw={260}
              {...f.field('streefOpkomst', 'Hoeveel deelnemers u aanwezig wilt hebben')}
            />
          )}
          {values.streef === 'percentage' && (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  label="Streefpercentage"
                  required
                  min={0}
                  max={100}
                  decimalScale={1}
                  decimalSeparator=","
                  suffix=" %"
                  allowNegative={false}
                  {...f.field('streefPercentage', 'Van de doelgroep aanwezig')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <CountInput
                  label="Omvang van de doelgroep"
                  required
                  min={1}
                  {...f.field('doelgroepOmvang', 'Bijv. het aantal intern begeleiders in het SWV')}
                />
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Hoort bij" variant="filled" radius="md">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label="Activiteit"
              clearable
              searchable
              nothingFoundMessage="Geen activiteit gevonden"
              data={optionsOf(activiteiten.data, (a) => a.omschrijving) ?? []}
              placeholder={schooljaar === null ? 'Kies eerst de datum' : activiteiten.data ? 'Geen' : 'Laden…'}
              {...f.field('activiteitId', schooljaar ? `Uit het activiteitenplan ${schooljaar}` : undefined)}
            />
          </Grid.Col>
          {koppeling('projectId', 'Project', projecten.data)}
          {koppeling('portefeuilleId', 'Portefeuille', portefeuilles.data)}
        </Grid>
      </Fieldset>

      <Fieldset legend="Inschrijving" variant="filled" radius="md">
        <Stack gap="sm">
          <Switch
            label="Open voor inschrijving"
            description="Deelnemers melden zich zelf aan via een openbare link"
            disabled={f.readOnly}
            {...f.form.getInputProps('publiek', { type: 'checkbox' })}
          />
          {values.publiek && (
            <DateTimeField
              label="Aanmelden kan tot"
              maw={300}
              {...f.field('aanmeldenTot', 'Leeg: tot het begin van de bijeenkomst')}
            />
          )}
          {!values.publiek && (
            <Text size="sm" c="dimmed">
              Alleen medewerkers van het samenwerkingsverband melden deelnemers aan.
            </Text>
          )}
          <Select
            label="Herinnering per mail"
            data={herinneringOpties(values.herinnering)}
            allowDeselect={false}
            maw={300}
            comboboxProps={{ withinPortal: true }}
            {...f.field('herinnering', 'Aan de aangemelde deelnemers, met de afmeldlink')}
          />
        </Stack>
      </Fieldset>
    </RecordFormPage>
  );
}
