import { Alert, Anchor, Button, Grid, NumberInput, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconInfoCircle, IconRepeat } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { arrangementen, leerlingen } from '../../api/resources';
import type {
  Arrangement,
  ArrangementInput,
  ArrangementSoort,
  ArrangementStatus,
  Categorie,
  Versioned,
} from '../../api/types';
import { Fact } from '../../components/Fact';
import { ChoiceSelect, CountInput, EuroInput, LongText, LookupSelect } from '../../components/fields';
import { RecordFormPage } from '../../components/RecordFormPage';
import { RecordLoader } from '../../components/RecordLoader';
import { useRecordForm } from '../../components/recordForm';
import { ErrorState, LoadingState } from '../../components/states';
import {
  budgetToets,
  kanVerlengen,
  naarCent,
  schooljaarVan,
  telt,
  toegestaneStatussen,
  verlengingVan,
  type Verlenging,
} from '../../lib/arrangementen';
import { formatDate, formatEuro, formatMoney } from '../../lib/format';
import {
  ARRANGEMENT_SOORT_LABELS,
  ARRANGEMENT_STATUS_LABELS,
  CATEGORIE_LABELS,
  leerjaarLabel,
  options,
} from '../../lib/labels';
import * as v from '../../lib/validation';
import { useReferentie } from '../leerlingen/hooks';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useScholen, useSector, useWerkgebieden } from '../lookups';
import { useBudget, useScholenData } from './hooks';
import { Periode } from './parts';
import { DateField } from '../../components/DateField';

interface Values extends Record<string, unknown> {
  soort: ArrangementSoort;
  leerlingId: string | null;
  aantalLeerlingen: number | string;
  schoolId: string | null;
  verlengingVanId: string | null;
  categorie: Categorie | null;
  ondersteuningsniveau: string | null;
  leerjaar: number | string;
  startdatum: string;
  einddatum: string;
  urenPerWeek: number | string;
  /** In euros, as typed. */
  bedrag: number | string;
  status: ArrangementStatus;
  toegekendOp: string;
  toelichting: string;
}

const labels = {
  soort: 'Soort',
  leerlingId: 'Leerling',
  aantalLeerlingen: 'Aantal leerlingen',
  schoolId: 'School',
  verlengingVanId: 'Verlenging van',
  categorie: 'Ondersteuningscategorie',
  ondersteuningsniveau: 'Ondersteuningsniveau',
  leerjaar: 'Leerjaar',
  startdatum: 'Startdatum',
  einddatum: 'Einddatum',
  urenPerWeek: 'Uren per week',
  bedrag: 'Bedrag',
  status: 'Status',
  toegekendOp: 'Toegekend op',
  toelichting: 'Toelichting',
};

const NIVEAUS = { '2': 'Niveau 2', '3': 'Niveau 3' };

type Start = Partial<Verlenging> & Pick<Verlenging, 'soort'>;

function valuesOf(a: Start & Partial<Pick<Arrangement, 'leerjaar'>>): Values {
  return {
    soort: a.soort,
    leerlingId: a.leerlingId ?? null,
    aantalLeerlingen: a.aantalLeerlingen ?? '',
    schoolId: a.schoolId ?? null,
    verlengingVanId: a.verlengingVanId ?? null,
    categorie: a.categorie ?? null,
    ondersteuningsniveau: a.ondersteuningsniveau ? String(a.ondersteuningsniveau) : null,
    leerjaar: a.leerjaar ?? '',
    startdatum: a.startdatum ?? '',
    einddatum: a.einddatum ?? '',
    urenPerWeek: a.urenPerWeek ?? '',
    bedrag: a.bedragCent === undefined ? '' : a.bedragCent / 100,
    status: a.status ?? 'aangevraagd',
    toegekendOp: a.toegekendOp ?? '',
    toelichting: a.toelichting ?? '',
  };
}

function toInput(values: Values, nieuw: boolean): ArrangementInput {
  const leerjaar = values.leerjaar === '' ? null : Number(values.leerjaar);
  return {
    soort: values.soort,
    leerlingId: values.soort === 'individueel' ? values.leerlingId : null,
    aantalLeerlingen: values.soort === 'groep' ? Number(values.aantalLeerlingen) : null,
    schoolId: values.schoolId,
    verlengingVanId: values.verlengingVanId,
    // Required fields are checked before this is called.
    categorie: values.categorie as Categorie,
    ondersteuningsniveau: Number(values.ondersteuningsniveau),
    // Left out of a new arrangement, the API takes the pupil's year group.
    ...(nieuw && leerjaar === null ? {} : { leerjaar }),
    startdatum: values.startdatum,
    einddatum: values.einddatum,
    urenPerWeek: values.urenPerWeek === '' ? null : Number(values.urenPerWeek),
    bedragCent: naarCent(values.bedrag) ?? 0,
    status: values.status,
    toegekendOp: telt(values.status) && values.toegekendOp ? values.toegekendOp : null,
    toelichting: values.toelichting.trim(),
  };
}

const SOORTEN = Object.keys(ARRANGEMENT_SOORT_LABELS) as ArrangementSoort[];

/**
 * `/arrangementen/:id` edits an arrangement; `/arrangementen/nieuw` registers one, with what the
 * address says: `?soort=groep`, `?leerlingId=…&schoolId=…` (from the pupil's page), or
 * `?verlengingVan=<id>` (an extension, prefilled from the arrangement it extends).
 */
export default function ArrangementFormPage() {
  const { id } = useParams();
  const recordId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader resource={arrangementen} id={recordId} listPath="/arrangementen" listLabel="arrangementen">
      {(loaded) =>
        loaded ? <ArrangementForm key={loaded.data.id} loaded={loaded} start={null} /> : <NieuwArrangement />
      }
    </RecordLoader>
  );
}

function NieuwArrangement() {
  const [params] = useSearchParams();
  const location = useLocation();
  const verlengId = params.get('verlengingVan');
  // The pupil's page hands over the arrangement it shows, so extending it reads nothing more.
  const meegegeven = (location.state as { verlengingVan?: Arrangement } | null)?.verlengingVan;
  const bron = useQuery({
    // Not under 'detail': a form that opens this arrangement later reads it (and its ETag) afresh.
    queryKey: [arrangementen.path, 'verlengbron', verlengId],
    gcTime: 0,
    queryFn: () => arrangementen.get(verlengId ?? ''),
    enabled: verlengId !== null && meegegeven?.id !== verlengId,
    staleTime: Infinity,
  });
  if (verlengId !== null) {
    const origineel = meegegeven?.id === verlengId ? meegegeven : bron.data?.data;
    if (!origineel) {
      if (bron.isError)
        return <ErrorState title="Het arrangement om te verlengen kon niet worden geladen" error={bron.error} />;
      return <LoadingState />;
    }
    return (
      <ArrangementForm
        key={`verlenging-${verlengId}`}
        loaded={null}
        start={verlengingVan(origineel)}
        bron={origineel}
      />
    );
  }
  const soortParam = params.get('soort');
  const leerlingId = params.get('leerlingId');
  const soort: ArrangementSoort = leerlingId
    ? 'individueel'
    : SOORTEN.includes(soortParam as ArrangementSoort)
      ? (soortParam as ArrangementSoort)
      : 'individueel';
  return (
    <ArrangementForm
      key={`nieuw-${soort}-${leerlingId ?? ''}`}
      loaded={null}
      start={{ soort, leerlingId, schoolId: params.get('schoolId') ?? undefined }}
    />
  );
}

function ArrangementForm({
  loaded,
  start,
  bron,
}: {
  loaded: Versioned<Arrangement> | null;
  start: Start | null;
  /** The arrangement this new one extends. */
  bron?: Arrangement;
}) {
  const queryClient = useQueryClient();
  const scholen = useScholen();
  const sector = useSector();
  const jaarLabel = leerjaarLabel(sector);
  const nieuw = loaded === null;
  const empty = valuesOf(start ?? { soort: 'individueel' });
  const vastePupil = nieuw ? empty.leerlingId : (loaded.data.leerlingId ?? null);
  const soortVast = !nieuw || empty.verlengingVanId !== null || vastePupil !== null;
  // What the API says of a field without an input here (the extended arrangement, a pupil or kind
  // that is fixed) is shown above the form, by the field's name, instead of at a hidden field.
  const verborgen = ['verlengingVanId', ...(vastePupil ? ['leerlingId'] : []), ...(soortVast ? ['soort'] : [])];
  const f = useRecordForm({
    resource: arrangementen,
    loaded,
    empty,
    toValues: (a: Arrangement) => valuesOf(a),
    toInput: (values: Values) => toInput(values, nieuw),
    area: 'arrangementen',
    labels: { ...labels, leerjaar: jaarLabel },
    aliases: { bedragCent: 'bedrag', ...Object.fromEntries(verborgen.map((veld) => [veld, `boven.${veld}`])) },
    display: {
      schoolId: (x) => scholen.name(x as string),
      categorie: (x) => (x ? CATEGORIE_LABELS[x as Categorie] : '(leeg)'),
      status: (x) => ARRANGEMENT_STATUS_LABELS[x as ArrangementStatus],
      bedrag: (x) => (x === '' ? '(leeg)' : formatMoney(naarCent(x as number) ?? 0)),
      startdatum: (x) => formatDate(x as string),
      einddatum: (x) => formatDate(x as string),
      toegekendOp: (x) => formatDate(x as string) || '(leeg)',
    },
    validate: {
      leerlingId: (value, values) =>
        values.soort === 'individueel' && !value ? 'Zoek de leerling op referentie' : null,
      aantalLeerlingen: (value, values) => {
        if (values.soort !== 'groep') return null;
        const n = Number(value);
        return value === '' || !Number.isInteger(n) || n < 1 ? 'Aantal leerlingen: 1 of meer' : null;
      },
      schoolId: v.required('School'),
      categorie: v.required('Ondersteuningscategorie'),
      ondersteuningsniveau: v.required('Ondersteuningsniveau'),
      leerjaar: (value) => v.leerjaar(value, sector),
      startdatum: v.required('Startdatum'),
      einddatum: (value, values) => {
        if (!value) return 'Einddatum is verplicht';
        return values.startdatum && value < values.startdatum
          ? 'De einddatum mag niet voor de startdatum liggen'
          : null;
      },
      urenPerWeek: (value) => (value !== '' && Number(value) < 0 ? 'Uren per week: 0 of meer' : null),
      bedrag: (value) =>
        value === '' || !Number.isFinite(Number(value)) || Number(value) < 0 ? 'Bedrag: 0 euro of meer' : null,
    },
    savedMessage: 'Het arrangement is opgeslagen.',
    savedTo: (saved) => (saved.leerlingId ? `/leerlingen/${saved.leerlingId}` : '/arrangementen'),
    onSaved: () => void queryClient.invalidateQueries({ queryKey: [leerlingen.path, 'dossier'] }),
  });
  const values = f.form.getValues();
  const referentie = useReferentie(vastePupil);
  const statussen = toegestaneStatussen(loaded?.data.status ?? null);
  const verlenging = values.verlengingVanId !== null;

  const title = loaded
    ? `Arrangement ${loaded.data.soort === 'individueel' && referentie.data ? `van ${referentie.data} ` : ''}bewerken`
    : verlenging
      ? 'Verlenging registreren'
      : values.soort === 'individueel'
        ? 'Individueel arrangement registreren'
        : values.soort === 'groep'
          ? 'Groepsarrangement registreren'
          : 'Innovatiearrangement registreren';
  const pupilPage = vastePupil ? `/leerlingen/${vastePupil}` : null;

  return (
    <RecordFormPage
      form={f}
      back={
        pupilPage
          ? { to: pupilPage, label: referentie.data ? `Naar leerling ${referentie.data}` : 'Naar de leerling' }
          : null
      }
      title={title}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(a) => `het arrangement van ${formatDate(a.startdatum)}`}
      deleteConsequence="Een arrangement dat door een verlenging wordt voortgezet, kan niet worden verwijderd."
      afterDelete={pupilPage ?? '/arrangementen'}
      submitLabel={nieuw ? (verlenging ? 'Verlenging registreren' : 'Registreren') : 'Opslaan'}
      actions={
        loaded && !f.readOnly && kanVerlengen(loaded.data) ? (
          <Button
            component={Link}
            to={`/arrangementen/nieuw?verlengingVan=${loaded.data.id}`}
            state={{ verlengingVan: loaded.data }}
            variant="default"
            leftSection={<IconRepeat size={16} aria-hidden />}
          >
            Verlengen
          </Button>
        ) : undefined
      }
      maw={900}
      heading={
        <>
          {verlenging && (
            <Alert color="koers" icon={<IconRepeat aria-hidden />} p="sm" title={nieuw ? 'Verlenging' : undefined}>
              <Text size="sm">
                {bron ? (
                  <>
                    Verlengt het arrangement van <Periode a={bron} /> ({formatMoney(bron.bedragCent)}). De gegevens zijn
                    overgenomen en de nieuwe periode sluit erop aan; controleer ze en registreer de aanvraag.
                  </>
                ) : (
                  <>
                    Dit is een verlenging.{' '}
                    <Anchor component={Link} to={`/arrangementen/${values.verlengingVanId}`} size="sm">
                      Naar het arrangement dat het verlengt
                    </Anchor>
                  </>
                )}
              </Text>
            </Alert>
          )}
          {soortVast && (
            <Grid gap="md">
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <Fact label="Soort" value={ARRANGEMENT_SOORT_LABELS[values.soort]} />
              </Grid.Col>
              {vastePupil && (
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <Fact
                    label="Leerling"
                    value={
                      <Anchor component={Link} to={`/leerlingen/${vastePupil}`} size="sm">
                        {referentie.data ?? 'Naar de leerling'}
                      </Anchor>
                    }
                  />
                </Grid.Col>
              )}
            </Grid>
          )}
        </>
      }
    >
      <Grid gap="md">
        {!soortVast && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ChoiceSelect
              label="Soort"
              labels={ARRANGEMENT_SOORT_LABELS}
              {...f.field('soort')}
              onChange={(value) => {
                if (value) f.form.setFieldValue('soort', value as ArrangementSoort);
                f.form.clearFieldError('leerlingId');
                f.form.clearFieldError('aantalLeerlingen');
              }}
            />
          </Grid.Col>
        )}
        {values.soort === 'individueel' && !vastePupil && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <LeerlingZoeker
              label="Leerling"
              required
              {...f.field('leerlingId', 'De referentie van de leerling; de school wordt overgenomen')}
              value={values.leerlingId}
              onChange={(value) => f.form.setFieldValue('leerlingId', value)}
              onFound={(l) => {
                if (l.schoolId) f.form.setFieldValue('schoolId', l.schoolId);
              }}
            />
          </Grid.Col>
        )}
        {values.soort === 'groep' && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CountInput label="Aantal leerlingen" required min={1} {...f.field('aantalLeerlingen')} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <SchoolVeld f={f} verlenging={verlenging} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <CountInput
            label={values.soort !== 'individueel' && jaarLabel === 'Groep' ? 'Jaargroep' : jaarLabel}
            min={1}
            max={v.leerjaarBereik(sector)}
            clampBehavior="none"
            {...f.field(
              'leerjaar',
              nieuw && values.soort === 'individueel' ? 'Leeg: dat van de leerling' : 'Leeg als het niet bekend is',
            )}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Select
            label="Ondersteuningscategorie"
            required
            allowDeselect={false}
            placeholder="Kies een categorie"
            data={options(CATEGORIE_LABELS)}
            comboboxProps={{ withinPortal: true }}
            {...f.field('categorie')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, lg: 4 }}>
          <ChoiceSelect
            label="Ondersteuningsniveau"
            labels={NIVEAUS}
            placeholder="Kies…"
            {...f.field('ondersteuningsniveau')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 4 }}>
          <DateField label="Startdatum" required {...f.field('startdatum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, lg: 4 }}>
          <DateField label="Einddatum" required {...f.field('einddatum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xs: 6, lg: 4 }}>
          <NumberInput
            label="Uren per week"
            min={0}
            decimalScale={1}
            decimalSeparator=","
            allowNegative={false}
            {...f.field('urenPerWeek')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <EuroInput label="Bedrag" required {...f.field('bedrag', 'Het hele bedrag over de periode')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <BudgetRuimte values={values} loaded={loaded} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Status"
            required
            allowDeselect={false}
            data={statussen.map((s) => ({ value: s, label: ARRANGEMENT_STATUS_LABELS[s] }))}
            comboboxProps={{ withinPortal: true }}
            {...f.field('status', statusUitleg(loaded?.data.status ?? null))}
          />
        </Grid.Col>
        {telt(values.status) && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <DateField
              label="Toegekend op"
              {...f.field('toegekendOp', values.toegekendOp ? undefined : 'Leeg: vandaag')}
            />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <LongText
            label="Toelichting"
            minRows={2}
            {...f.field('toelichting', 'Een werkaantekening; geen namen of andere persoonsgegevens')}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}

function statusUitleg(huidig: ArrangementStatus | null): string {
  if (huidig === null) return 'Een nieuw arrangement is aangevraagd of meteen toegekend';
  if (huidig === 'aangevraagd') return 'Een aanvraag wordt toegekend, afgewezen of ingetrokken';
  if (huidig === 'toegekend') return 'Een toegekend arrangement kan alleen nog worden beëindigd';
  return 'Deze status is definitief';
}

type Form = ReturnType<typeof useRecordForm<Arrangement, Values, ArrangementInput>>;

/** The school, with its werkgebied below it (whose budget pays). An extension stays at the same school. */
function SchoolVeld({ f, verlenging }: { f: Form; verlenging: boolean }) {
  const scholen = useScholen();
  const alle = useScholenData();
  const werkgebieden = useWerkgebieden();
  const schoolId = f.form.getValues().schoolId;
  const school = alle.data?.find((s) => s.id === schoolId);
  const werkgebied = school
    ? school.werkgebiedId
      ? `Werkgebied ${werkgebieden.name(school.werkgebiedId)}`
      : 'Deze school hoort bij geen werkgebied'
    : undefined;
  const field = f.field('schoolId', verlenging ? 'Een verlenging hoort bij dezelfde school' : werkgebied);
  return (
    <LookupSelect
      label="School"
      data={scholen.options}
      {...field}
      readOnly={field.readOnly || verlenging}
      description={
        verlenging && werkgebied ? `${werkgebied}; een verlenging hoort bij dezelfde school` : field.description
      }
    />
  );
}

/**
 * Beside the amount: what is left of the werkgebied's budget in the school year of the start
 * date, and a warning when the amount is more.
 */
function BudgetRuimte({ values, loaded }: { values: Values; loaded: Versioned<Arrangement> | null }) {
  const alle = useScholenData();
  const school = alle.data?.find((s) => s.id === values.schoolId);
  const schooljaar = values.startdatum ? schooljaarVan(values.startdatum) : null;
  const budget = useBudget(school ? schooljaar : null);
  const box = (children: ReactNode) => (
    <Paper withBorder radius="md" p="sm" bg="gray.0" h="100%" aria-live="polite" data-testid="budget-ruimte">
      {children}
    </Paper>
  );

  if (!school || !schooljaar) {
    return box(
      <Text size="sm" c="dimmed">
        Kies een school en een startdatum: dan staat hier hoeveel budget het werkgebied nog heeft.
      </Text>,
    );
  }
  if (budget.isPending) return box(<Skeleton height={40} aria-label="Budget laden" />);
  if (budget.isError) {
    return box(
      <Text size="sm" c="dimmed">
        Het budget van het werkgebied kon niet worden geladen.
      </Text>,
    );
  }
  const regel = budget.data.werkgebieden.find((w) => w.id === (school.werkgebiedId ?? null));
  const naam = regel?.naam ?? 'het werkgebied';
  if (!regel || regel.budgetCent === 0) {
    return box(
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Geen budget voor {naam} in {schooljaar}
        </Text>
        <Text size="sm" c="dimmed">
          Een beheerder legt budgetten vast op de pagina Budget werkgebieden.
        </Text>
      </Stack>,
    );
  }
  const eerder = loaded && telt(loaded.data.status) ? loaded.data : null;
  const toets = budgetToets(regel.restantCent, naarCent(values.bedrag), eerder);
  const deelsVolgendJaar = values.einddatum && schooljaarVan(values.einddatum) !== schooljaar;
  return box(
    <Stack gap={6}>
      <Text size="sm">
        Budget over in {naam} ({schooljaar}):{' '}
        <Text span fw={700} className="tabular" c={regel.restantCent < 0 ? 'red.9' : undefined}>
          {formatEuro(regel.restantCent)}
        </Text>{' '}
        <Text span size="xs" c="dimmed">
          van {formatEuro(regel.budgetCent)}
        </Text>
      </Text>
      {eerder && (
        <Text size="xs" c="dimmed">
          Dit arrangement telt al mee in wat is toegekend.
        </Text>
      )}
      {deelsVolgendJaar && (
        <Text size="xs" c="dimmed">
          Het loopt door in het volgende schooljaar; alleen het deel tot 31 juli telt in {schooljaar}.
        </Text>
      )}
      {toets.overschreden && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="xs" role="alert">
          <Text size="sm">
            {eerder ? 'De verhoging' : 'Dit bedrag'} is {formatEuro(toets.erbijCent - Math.max(0, toets.restantCent))}{' '}
            meer dan er over is. U kunt het toch opslaan; bij toekenning komt het werkgebied boven het budget.
          </Text>
        </Alert>
      )}
      {!toets.overschreden && regel.restantCent < 0 && (
        <Text size="xs" c="red.9">
          <IconInfoCircle size={12} aria-hidden /> Het werkgebied zit al boven het budget.
        </Text>
      )}
    </Stack>,
  );
}
