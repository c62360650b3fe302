import { Anchor, Divider, Grid, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { leerlingen, thuiszitters } from '../../api/resources';
import type { Eindreden, Thuiszitter, ThuiszitterCategorie, ThuiszitterInput, Versioned } from '../../api/types';
import { Fact } from '../../components/Fact';
import { LongText, OptionalSelect } from '../../components/fields';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { EINDREDEN_LABELS, options, THUISZITTER_CATEGORIE_LABELS } from '../../lib/labels';
import { etagOf } from '../../lib/planning';
import { eersteSituatie, einddatumFout, laatsteVanaf } from '../../lib/thuiszitters';
import { useReferentie } from '../leerlingen/hooks';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useScholen } from '../lookups';
import { thuiszitterKey } from './parts';
import { scenarioFout, situatieInvoer, SituatieVelden, SITUATIE_LABELS, type SituatieWaarden } from './velden';
import { DateField } from '../../components/DateField';

interface Values extends SituatieWaarden {
  leerlingId: string | null;
  schoolId: string | null;
  startdatum: string;
  toelichting: string;
  einddatum: string;
  eindreden: Eindreden | null;
}

const labels = {
  leerlingId: 'Leerling',
  schoolId: 'School',
  startdatum: 'Startdatum',
  toelichting: 'Toelichting',
  einddatum: 'Einddatum',
  eindreden: 'Reden van afsluiten',
  ...SITUATIE_LABELS,
};

export default function ThuiszitterFormPage() {
  return <RecordRoute resource={thuiszitters} area="thuiszitters" form={ThuiszitterForm} />;
}

function toValues(t: Thuiszitter): Values {
  const eerste = eersteSituatie(t.verloop);
  return {
    leerlingId: t.leerlingId,
    schoolId: t.schoolId ?? null,
    startdatum: t.startdatum,
    toelichting: t.toelichting,
    einddatum: t.einddatum ?? '',
    eindreden: t.eindreden ?? null,
    // The first situation is sent along only because the body names it; saving leaves it alone.
    categorie: eerste?.categorie ?? null,
    scenario: eerste?.scenario ?? null,
    screening5a: eerste?.screening5a ?? false,
    perspectief: eerste?.perspectief ?? null,
  };
}

/**
 * `/thuiszitters/nieuw?leerlingId=…&schoolId=…` registers a case (from the pupil's page with the
 * pupil and school filled in); `/thuiszitters/:id/bewerken` changes a case's own fields and closes
 * it. How its situation changes over time is the verloop, on the case's page.
 */
function ThuiszitterForm({ loaded }: RecordFormProps<Thuiszitter>) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const scholen = useScholen();
  const nieuw = loaded === null;
  const vanLeerling = nieuw ? params.get('leerlingId') : null;
  const vandaag = vandaagNl();
  // After the first situation, the start may not pass the next one, and the end comes after the last.
  const volgende = loaded
    ? loaded.data.verloop
        .map((v) => v.vanaf)
        .filter((d) => d > loaded.data.startdatum)
        .sort()[0]
    : undefined;
  const f = useRecordForm({
    resource: thuiszitters,
    loaded,
    empty: {
      leerlingId: vanLeerling,
      schoolId: params.get('schoolId'),
      startdatum: vandaag,
      toelichting: '',
      einddatum: '',
      eindreden: null,
      categorie: null,
      scenario: null,
      screening5a: false,
      perspectief: null,
    },
    toValues,
    toInput: (values: Values): ThuiszitterInput => ({
      leerlingId: values.leerlingId ?? '',
      schoolId: values.schoolId,
      startdatum: values.startdatum,
      toelichting: values.toelichting.trim(),
      ...(nieuw ? {} : { einddatum: values.einddatum || null, eindreden: values.einddatum ? values.eindreden : null }),
      ...situatieInvoer(values),
    }),
    area: 'thuiszitters',
    labels,
    display: {
      schoolId: (x) => scholen.name(x as string) || '(geen)',
      startdatum: (x) => formatDate(x as string),
      einddatum: (x) => formatDate(x as string) || '(open)',
      eindreden: (x) => (x ? EINDREDEN_LABELS[x as Eindreden] : '(geen)'),
      categorie: (x) => (x ? THUISZITTER_CATEGORIE_LABELS[x as ThuiszitterCategorie] : '(geen)'),
    },
    validate: {
      leerlingId: (value) => (value ? null : 'Zoek de leerling op referentie'),
      startdatum: (value) => {
        if (!value) return 'Startdatum is verplicht';
        return volgende && value >= volgende
          ? `De startdatum ligt voor de volgende situatie in het verloop (${formatDate(volgende)})`
          : null;
      },
      categorie: (value) => (nieuw && !value ? 'Kies de situatie' : null),
      scenario: (value, values) => (nieuw ? scenarioFout(value, values) : null),
      einddatum: (value, values) => {
        if (!value) return values.eindreden ? 'Vul de einddatum in, of laat de reden leeg' : null;
        const laatste = loaded ? laatsteVanaf({ ...loaded.data, startdatum: values.startdatum }) : values.startdatum;
        return einddatumFout(value, laatste);
      },
      eindreden: (value, values) =>
        values.einddatum && !value ? 'Kies waarom het dossier sluit: dat is verplicht bij een einddatum' : null,
    },
    savedMessage: nieuw ? 'De thuiszitter is geregistreerd.' : 'Het dossier is opgeslagen.',
    savedTo: (saved) => `/thuiszitters/${saved.id}`,
    onSaved: (saved) => {
      // The case's page opens with what was just saved (and its ETag), not with what this form read.
      queryClient.setQueryData<Versioned<Thuiszitter>>(thuiszitterKey(saved.id), {
        data: saved,
        etag: etagOf(saved),
      });
      void queryClient.invalidateQueries({ queryKey: [leerlingen.path, 'dossier'] });
    },
  });
  const values = f.form.getValues();
  const pupil = loaded?.data.leerlingId ?? vanLeerling;
  const referentie = useReferentie(pupil);

  return (
    <RecordFormPage
      form={f}
      back={
        loaded
          ? { to: `/thuiszitters/${loaded.data.id}`, label: 'Naar het dossier' }
          : vanLeerling
            ? {
                to: `/leerlingen/${vanLeerling}`,
                label: referentie.data ? `Naar leerling ${referentie.data}` : 'Naar de leerling',
              }
            : { to: '/thuiszitters', label: 'Naar het thuiszittersbord' }
      }
      title={
        loaded
          ? `Dossier ${referentie.data ? `van ${referentie.data} ` : ''}bewerken of afsluiten`
          : 'Thuiszitter registreren'
      }
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(t) => `het thuiszittersdossier van ${formatDate(t.startdatum)}`}
      deleteConsequence="Het hele verloop gaat mee en telt nergens meer mee, ook niet in de cijfers. Een dossier dat klaar is, sluit u af met een einddatum; verwijderen is voor een vergissing."
      afterDelete={pupil ? `/leerlingen/${pupil}` : '/thuiszitters'}
      submitLabel={nieuw ? 'Registreren' : 'Opslaan'}
      maw={820}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {pupil ? (
            <Fact
              label="Leerling"
              value={
                <Anchor component={Link} to={`/leerlingen/${pupil}`} size="sm">
                  {referentie.data ?? 'Naar de leerling'}
                </Anchor>
              }
            />
          ) : (
            <LeerlingZoeker
              label="Leerling"
              required
              {...f.field('leerlingId', 'De referentie van de leerling, dan Enter; de school wordt overgenomen')}
              value={values.leerlingId}
              onChange={(value) => f.form.setFieldValue('leerlingId', value)}
              onFound={(l) => f.form.setFieldValue('schoolId', l.schoolId ?? null)}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label="Startdatum"
            required
            {...f.field(
              'startdatum',
              nieuw ? 'Sinds wanneer de leerling thuiszit, of dreigt thuis te komen zitten' : undefined,
            )}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <OptionalSelect
            label="School"
            placeholder="Geen (niet ingeschreven)"
            nothingFoundMessage="Geen school met deze naam"
            data={scholen.options}
            {...f.field('schoolId', 'De school waar de leerling ingeschreven is of was')}
          />
        </Grid.Col>
        {nieuw && (
          <SituatieVelden
            field={f.field}
            categorie={values.categorie}
            onCategorie={(categorie) => {
              f.form.setFieldValue('categorie', categorie);
              if (categorie !== 'dreigend') f.form.setFieldValue('scenario', null);
              f.form.clearFieldError('scenario');
            }}
            readOnly={f.readOnly}
          />
        )}
        <Grid.Col span={12}>
          <LongText
            label="Toelichting"
            minRows={2}
            {...f.field('toelichting', 'Een werkaantekening; geen namen van de leerling of ouders')}
          />
        </Grid.Col>
        {!nieuw && (
          <>
            <Grid.Col span={12}>
              <Divider
                label={
                  <Text size="sm" fw={600} c="dark">
                    Afsluiten
                  </Text>
                }
                labelPosition="left"
              />
              <Text size="sm" c="dimmed" mt={4}>
                Het dossier sluit op de einddatum: vanaf die dag telt de leerling niet meer mee. De situatie en het
                perspectief wijzigt u op de pagina van het dossier.
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <DateField
                label="Einddatum"
                {...f.field('einddatum', 'Leeg zolang het dossier loopt')}
                onChange={(v) => {
                  f.form.setFieldValue('einddatum', v);
                  f.form.clearFieldError('eindreden');
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <OptionalSelect
                label="Reden van afsluiten"
                placeholder={values.einddatum ? 'Kies de reden' : 'Eerst een einddatum'}
                searchable={false}
                required={Boolean(values.einddatum)}
                data={options(EINDREDEN_LABELS)}
                {...f.field('eindreden')}
              />
            </Grid.Col>
          </>
        )}
      </Grid>
    </RecordFormPage>
  );
}
