import { Anchor, Checkbox, Grid } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { leerlingen, tlvs } from '../../api/resources';
import type { Aanvraag, Tlv, TlvCategorie, TlvInput, TlvSoort, Versioned } from '../../api/types';
import { Fact } from '../../components/Fact';
import { ChoiceSelect, OptionalSelect } from '../../components/fields';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { AANVRAAG_LABELS, TLV_CATEGORIE_LABELS, TLV_SOORT_LABELS, TLV_STATUS_LABELS } from '../../lib/labels';
import { heeftCategorie, soortTekst, toegestaneSoorten } from '../../lib/tlv';
import { etagOf } from '../../lib/planning';
import * as v from '../../lib/validation';
import { useReferentie } from '../leerlingen/hooks';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useScholen, useSector } from '../lookups';
import { tlvKey } from './stap';
import { DateField } from '../../components/DateField';

interface Values extends Record<string, unknown> {
  leerlingId: string | null;
  schoolVanHerkomstId: string | null;
  soort: TlvSoort | null;
  categorie: TlvCategorie | null;
  aanvraag: Aanvraag;
  verlengingVanId: string | null;
  tijdelijk: boolean;
  ontvangenOp: string;
}

const labels = {
  leerlingId: 'Leerling',
  schoolVanHerkomstId: 'School van herkomst',
  soort: 'Soort',
  categorie: 'Categorie',
  aanvraag: 'Aanvraag',
  verlengingVanId: 'Eerdere TLV',
  tijdelijk: 'Tijdelijke plaatsing',
  ontvangenOp: 'Ontvangen op',
};

export default function TlvFormPage() {
  return <RecordRoute resource={tlvs} area="tlvs" form={TlvForm} />;
}

/** The earlier TLV's of a pupil, for "verlenging van" (read only when the request is not new). */
function useEerdereTlvs(leerlingId: string | null, enabled: boolean, zelf: string | undefined) {
  const query = useQuery({
    queryKey: [tlvs.path, 'van-leerling', leerlingId],
    queryFn: () => tlvs.list({ leerlingId: leerlingId ?? '', pageSize: 200, sort: '-ontvangenOp' }),
    enabled: enabled && leerlingId !== null,
    staleTime: 60_000,
  });
  return query.data?.items
    .filter((t) => t.id !== zelf)
    .map((t) => ({
      value: t.id,
      label: `${soortTekst(t)}, ontvangen ${formatDate(t.ontvangenOp)} (${TLV_STATUS_LABELS[t.status].toLowerCase()})`,
    }));
}

/** `/tlv/nieuw?leerlingId=…&schoolId=…` starts from the pupil's page with the pupil and school filled in. */
function TlvForm({ loaded }: RecordFormProps<Tlv>) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const scholen = useScholen();
  const sector = useSector();
  const soorten = toegestaneSoorten(sector);
  const vanLeerling = loaded ? null : params.get('leerlingId');
  const f = useRecordForm({
    resource: tlvs,
    loaded,
    empty: {
      leerlingId: vanLeerling,
      schoolVanHerkomstId: params.get('schoolId'),
      soort: soorten.length === 1 ? (soorten[0] ?? null) : null,
      categorie: null,
      aanvraag: 'nieuw',
      verlengingVanId: null,
      tijdelijk: false,
      ontvangenOp: vandaagNl(),
    },
    toValues: (t: Tlv): Values => ({
      leerlingId: t.leerlingId,
      schoolVanHerkomstId: t.schoolVanHerkomstId ?? null,
      soort: t.soort,
      categorie: t.categorie ?? null,
      aanvraag: t.aanvraag,
      verlengingVanId: t.verlengingVanId ?? null,
      tijdelijk: t.tijdelijk,
      ontvangenOp: t.ontvangenOp,
    }),
    toInput: (values: Values): TlvInput => ({
      // Required fields are checked before this is called.
      leerlingId: values.leerlingId ?? '',
      schoolVanHerkomstId: values.schoolVanHerkomstId,
      soort: values.soort as TlvSoort,
      categorie: heeftCategorie(values.soort) ? values.categorie : null,
      aanvraag: values.aanvraag,
      verlengingVanId: values.aanvraag === 'nieuw' ? null : values.verlengingVanId,
      tijdelijk: values.tijdelijk,
      ontvangenOp: values.ontvangenOp,
      // A new request has no verdaging; saving the form later leaves it (and the status) alone.
      verdagingDagen: 0,
    }),
    area: 'tlvs',
    labels,
    display: {
      schoolVanHerkomstId: (x) => scholen.name(x as string) || '(geen)',
      soort: (x) => TLV_SOORT_LABELS[x as TlvSoort],
      categorie: (x) => (x ? TLV_CATEGORIE_LABELS[x as TlvCategorie] : '(geen)'),
      aanvraag: (x) => AANVRAAG_LABELS[x as Aanvraag],
      ontvangenOp: (x) => formatDate(x as string),
    },
    validate: {
      leerlingId: (value) => (value ? null : 'Zoek de leerling op referentie'),
      soort: v.required('Soort'),
      categorie: (value, values) =>
        heeftCategorie(values.soort) && !value ? 'Kies de categorie: die is verplicht bij so en vso' : null,
      ontvangenOp: (value) => {
        if (!value) return 'Ontvangen op is verplicht';
        return value > vandaagNl() ? 'De dag van ontvangst ligt niet in de toekomst' : null;
      },
    },
    savedMessage: 'De TLV-aanvraag is opgeslagen.',
    savedTo: (saved) => `/tlv/${saved.id}`,
    onSaved: (saved) => {
      // The request's page opens with what was just saved (and its ETag), not with what this form read.
      queryClient.setQueryData<Versioned<Tlv>>(tlvKey(saved.id), { data: saved, etag: etagOf(saved) });
      void queryClient.invalidateQueries({ queryKey: [leerlingen.path, 'dossier'] });
    },
  });
  const values = f.form.getValues();
  const pupil = loaded?.data.leerlingId ?? vanLeerling;
  const referentie = useReferentie(pupil);
  const eerdere = useEerdereTlvs(values.leerlingId, values.aanvraag !== 'nieuw', loaded?.data.id);

  return (
    <RecordFormPage
      form={f}
      back={
        loaded
          ? { to: `/tlv/${loaded.data.id}`, label: 'Naar de aanvraag' }
          : vanLeerling
            ? {
                to: `/leerlingen/${vanLeerling}`,
                label: referentie.data ? `Naar leerling ${referentie.data}` : 'Naar de leerling',
              }
            : null
      }
      title={
        loaded ? `TLV-aanvraag ${referentie.data ? `van ${referentie.data} ` : ''}bewerken` : 'TLV-aanvraag registreren'
      }
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(t) => `de TLV-aanvraag van ${formatDate(t.ontvangenOp)}`}
      deleteConsequence="De adviezen, opschortingen en het besluit gaan mee. Een aanvraag die door een latere wordt verlengd, kan niet worden verwijderd."
      afterDelete={`/leerlingen/${pupil ?? ''}`}
      submitLabel={loaded ? 'Opslaan' : 'Registreren'}
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
              onChange={(value) => {
                f.form.setFieldValue('leerlingId', value);
                f.form.setFieldValue('verlengingVanId', null);
              }}
              onFound={(l) => {
                if (l.schoolId) f.form.setFieldValue('schoolVanHerkomstId', l.schoolId);
              }}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label="Ontvangen op"
            required
            max={vandaagNl()}
            {...f.field('ontvangenOp', 'De dag dat de aanvraag binnenkwam: vanaf hier loopt de beslistermijn')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <OptionalSelect
            label="School van herkomst"
            placeholder="Geen (bijvoorbeeld een thuiszitter)"
            nothingFoundMessage="Geen school met deze naam"
            data={scholen.options}
            {...f.field('schoolVanHerkomstId', 'De school die de aanvraag doet')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect
            label="Soort"
            labels={Object.fromEntries(soorten.map((s) => [s, TLV_SOORT_LABELS[s]]))}
            placeholder="Kies de soort"
            {...f.field('soort', sector === 'po' ? 'In het primair onderwijs: sbo of so' : undefined)}
            onChange={(value) => {
              f.form.setFieldValue('soort', value as TlvSoort | null);
              if (!heeftCategorie(value as TlvSoort | null)) f.form.setFieldValue('categorie', null);
              f.form.clearFieldError('categorie');
            }}
          />
        </Grid.Col>
        {heeftCategorie(values.soort) && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ChoiceSelect
              label="Categorie"
              labels={TLV_CATEGORIE_LABELS}
              placeholder="Kies de categorie"
              {...f.field('categorie', 'De bekostigingscategorie van het (v)so')}
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect
            label="Aanvraag"
            labels={AANVRAAG_LABELS}
            {...f.field('aanvraag')}
            onChange={(value) => {
              if (value) f.form.setFieldValue('aanvraag', value as Aanvraag);
              if (value === 'nieuw') f.form.setFieldValue('verlengingVanId', null);
            }}
          />
        </Grid.Col>
        {values.aanvraag !== 'nieuw' && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OptionalSelect
              label="Eerdere TLV"
              placeholder={values.leerlingId ? 'Geen' : 'Kies eerst de leerling'}
              nothingFoundMessage="Geen eerdere TLV van deze leerling"
              data={eerdere}
              {...f.field('verlengingVanId', 'De TLV van deze leerling die dit verlengt of herbeoordeelt')}
            />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <Checkbox
            label="Tijdelijke plaatsing voor observatie of interventie"
            {...f.field('tijdelijk', undefined, 'checkbox')}
            disabled={f.readOnly}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
