import { Anchor, Checkbox, Grid, Select } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { leerlingen, mdos } from '../../api/resources';
import type { Mdo, MdoInput, MdoUitkomst } from '../../api/types';
import { Fact } from '../../components/Fact';
import { ChoiceSelect, LookupSelect } from '../../components/fields';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { MDO_UITKOMST_LABELS, NIVEAU_LABELS, options } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useReferentie } from '../leerlingen/hooks';
import { LeerlingZoeker } from '../leerlingen/LeerlingZoeker';
import { useScholen } from '../lookups';
import { DateField } from '../../components/DateField';

interface Values extends Record<string, unknown> {
  datum: string;
  schoolId: string | null;
  leerlingId: string | null;
  ondersteuningsniveau: string | null;
  consulentAanwezig: boolean;
  uitkomst: MdoUitkomst | null;
}

const labels = {
  datum: 'Datum',
  schoolId: 'School',
  leerlingId: 'Leerling',
  ondersteuningsniveau: 'Ondersteuningsniveau',
  consulentAanwezig: 'Consulent aanwezig',
  uitkomst: 'Uitkomst',
};

export default function MdoFormPage() {
  return <RecordRoute resource={mdos} area="mdos" form={MdoForm} />;
}

/** `/mdos/nieuw?leerlingId=…&schoolId=…` starts from the pupil's page with the pupil and school filled in. */
function MdoForm({ loaded }: RecordFormProps<Mdo>) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const scholen = useScholen();
  const vanLeerling = loaded ? null : params.get('leerlingId');
  const f = useRecordForm({
    resource: mdos,
    loaded,
    empty: {
      datum: vandaagNl(),
      schoolId: params.get('schoolId'),
      leerlingId: vanLeerling,
      ondersteuningsniveau: null,
      consulentAanwezig: true,
      uitkomst: null,
    },
    toValues: (m: Mdo): Values => ({
      datum: m.datum,
      schoolId: m.schoolId,
      leerlingId: m.leerlingId ?? null,
      ondersteuningsniveau: String(m.ondersteuningsniveau),
      consulentAanwezig: m.consulentAanwezig,
      uitkomst: m.uitkomst,
    }),
    toInput: (values: Values): MdoInput => ({
      datum: values.datum,
      schoolId: values.schoolId ?? '',
      leerlingId: values.leerlingId,
      ondersteuningsniveau: Number(values.ondersteuningsniveau),
      consulentAanwezig: values.consulentAanwezig,
      // Required fields are checked before this is called.
      uitkomst: values.uitkomst as MdoUitkomst,
    }),
    area: 'mdos',
    labels,
    display: {
      schoolId: (x) => scholen.name(x as string),
      uitkomst: (x) => MDO_UITKOMST_LABELS[x as MdoUitkomst],
      datum: (x) => formatDate(x as string),
    },
    validate: {
      datum: v.required('Datum'),
      schoolId: v.required('School'),
      ondersteuningsniveau: v.required('Ondersteuningsniveau'),
      uitkomst: v.required('Uitkomst'),
    },
    savedMessage: 'Het MDO is opgeslagen.',
    savedTo: () => (vanLeerling ? `/leerlingen/${vanLeerling}` : '/mdos'),
    onSaved: () => void queryClient.invalidateQueries({ queryKey: [leerlingen.path, 'dossier'] }),
  });
  const values = f.form.getValues();
  const pupil = vanLeerling ?? (loaded?.data.leerlingId || null);
  const referentie = useReferentie(pupil);

  return (
    <RecordFormPage
      form={f}
      back={
        vanLeerling
          ? {
              to: `/leerlingen/${vanLeerling}`,
              label: referentie.data ? `Naar leerling ${referentie.data}` : 'Naar de leerling',
            }
          : null
      }
      title={loaded ? `MDO van ${formatDate(loaded.data.datum)}` : 'MDO registreren'}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(m) => `het MDO van ${formatDate(m.datum)}`}
      afterDelete={vanLeerling ? `/leerlingen/${vanLeerling}` : '/mdos'}
      submitLabel={loaded ? 'Opslaan' : 'Registreren'}
      maw={760}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {vanLeerling ? (
            <Fact
              label="Leerling"
              value={
                <Anchor component={Link} to={`/leerlingen/${vanLeerling}`} size="sm">
                  {referentie.data ?? 'Naar de leerling'}
                </Anchor>
              }
            />
          ) : (
            <LeerlingZoeker
              label="Leerling"
              {...f.field('leerlingId', 'Optioneel: de referentie van de leerling, dan Enter')}
              value={values.leerlingId}
              onChange={(value) => f.form.setFieldValue('leerlingId', value)}
              onFound={(l) => {
                if (l.schoolId) f.form.setFieldValue('schoolId', l.schoolId);
              }}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField label="Datum" required max={vandaagNl()} {...f.field('datum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <LookupSelect label="School" data={scholen.options} {...f.field('schoolId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect
            label="Ondersteuningsniveau"
            labels={NIVEAU_LABELS}
            placeholder="Kies…"
            {...f.field('ondersteuningsniveau')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Uitkomst"
            required
            allowDeselect={false}
            placeholder="Kies een uitkomst"
            data={options(MDO_UITKOMST_LABELS)}
            comboboxProps={{ withinPortal: true }}
            {...f.field('uitkomst')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox
            mt={{ base: 0, sm: 'lg' }}
            label="Een consulent van het samenwerkingsverband was aanwezig"
            {...f.field('consulentAanwezig', undefined, 'checkbox')}
            disabled={f.readOnly}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
