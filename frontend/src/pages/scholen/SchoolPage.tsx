import { Grid, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { scholen } from '../../api/resources';
import type { School, SchoolInput, SchoolSoort, Versioned } from '../../api/types';
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
import { options, SCHOOL_SOORT_LABELS } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useGemeenten, useSchoolbesturen, useWerkgebieden } from '../lookups';

interface Values extends Record<string, unknown> {
  naam: string;
  brin: string;
  soort: SchoolSoort | null;
  schoolbestuurId: string | null;
  gemeenteId: string | null;
  werkgebiedId: string | null;
  leerlingaantal: number | string;
}

const empty: Values = {
  naam: '',
  brin: '',
  soort: null,
  schoolbestuurId: null,
  gemeenteId: null,
  werkgebiedId: null,
  leerlingaantal: '',
};

const labels = {
  naam: 'Naam',
  brin: 'BRIN',
  soort: 'Soort',
  schoolbestuurId: 'Schoolbestuur',
  gemeenteId: 'Gemeente',
  werkgebiedId: 'Werkgebied',
  leerlingaantal: 'Leerlingaantal',
};

function toValues(s: School): Values {
  return {
    naam: s.naam,
    brin: s.brin,
    soort: s.soort,
    schoolbestuurId: s.schoolbestuurId,
    gemeenteId: s.gemeenteId,
    werkgebiedId: s.werkgebiedId ?? null,
    leerlingaantal: s.leerlingaantal ?? '',
  };
}

function toInput(values: Values): SchoolInput {
  return {
    naam: values.naam.trim(),
    brin: values.brin.trim(),
    // Required fields are checked before this is called.
    soort: values.soort as SchoolSoort,
    schoolbestuurId: values.schoolbestuurId ?? '',
    gemeenteId: values.gemeenteId ?? '',
    werkgebiedId: values.werkgebiedId,
    leerlingaantal: values.leerlingaantal === '' ? null : Number(values.leerlingaantal),
  };
}

export default function SchoolPage() {
  const { id } = useParams();
  const schoolId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader resource={scholen} id={schoolId} listPath="/scholen" listLabel="scholen">
      {(loaded) => <SchoolForm key={schoolId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function SchoolForm({ loaded }: { loaded: Versioned<School> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const besturen = useSchoolbesturen();
  const gemeenten = useGemeenten();
  const werkgebieden = useWerkgebieden();
  const f = useRecordForm({
    resource: scholen,
    loaded,
    empty,
    toValues,
    toInput,
    readOnly: !canWrite(me.rol, 'scholen'),
    labels,
    display: {
      soort: (x) => (x ? SCHOOL_SOORT_LABELS[x as SchoolSoort] : '(leeg)'),
      schoolbestuurId: (x) => besturen.name(x as string),
      gemeenteId: (x) => gemeenten.name(x as string),
      werkgebiedId: (x) => werkgebieden.name(x as string) || '(geen)',
    },
    validate: {
      naam: v.name('Naam'),
      brin: v.brin,
      soort: v.required('Soort'),
      schoolbestuurId: v.required('Schoolbestuur'),
      gemeenteId: v.required('Gemeente'),
      leerlingaantal: v.leerlingaantal,
    },
    savedMessage: 'De school is opgeslagen.',
    onSaved: () => void navigate('/scholen'),
  });
  const title = loaded ? loaded.data.naam : 'Nieuwe school';

  return (
    <>
      <BackLink to="/scholen">Alle scholen</BackLink>
      <PageHeader title={title} description={loaded ? <RecordMeta record={loaded.data} /> : undefined} />
      <Paper withBorder p="lg" radius="md" maw={820}>
        <form onSubmit={f.submit} noValidate>
          <Stack gap="md">
            <ConflictAlert
              conflict={f.conflict}
              changedFields={Object.keys(f.changedByOthers).map((k) => labels[k as keyof typeof labels])}
              onReload={() => void f.reloadLatest()}
              reloading={f.reloading}
            />
            {f.readOnly && <ReadOnlyNote who="een beheerder van het samenwerkingsverband" />}
            <GeneralErrors messages={f.general} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label="Naam" required withAsterisk maxLength={200} {...f.field('naam')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput
                  label="BRIN"
                  required
                  {...f.field('brin', 'Bijv. 12AB of, met locatienummer, 12AB00')}
                  onChange={(event) => f.form.setFieldValue('brin', event.currentTarget.value.toUpperCase())}
                  maxLength={6}
                  autoComplete="off"
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label="Soort"
                  required
                  placeholder="Kies een soort"
                  data={options(SCHOOL_SOORT_LABELS)}
                  allowDeselect={false}
                  {...f.field('soort')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NumberInput
                  label="Leerlingaantal"
                  min={0}
                  max={100000}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator="."
                  decimalSeparator=","
                  hideControls
                  {...f.field('leerlingaantal', 'Laat leeg als het niet bekend is')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label="Schoolbestuur"
                  required
                  searchable
                  nothingFoundMessage="Geen schoolbestuur met deze naam"
                  data={besturen.options ?? []}
                  placeholder={besturen.options ? 'Kies een schoolbestuur' : 'Laden…'}
                  {...f.field('schoolbestuurId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label="Gemeente"
                  required
                  searchable
                  nothingFoundMessage="Geen gemeente met deze naam"
                  data={gemeenten.options ?? []}
                  placeholder={gemeenten.options ? 'Kies een gemeente' : 'Laden…'}
                  {...f.field('gemeenteId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label="Werkgebied"
                  clearable
                  searchable
                  data={werkgebieden.options ?? []}
                  placeholder="Geen werkgebied"
                  {...f.field('werkgebiedId', 'Optioneel')}
                />
              </Grid.Col>
            </Grid>
            <FormActions
              cancelTo="/scholen"
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/scholen"
                    what={`de school ${loaded.data.naam}`}
                    remove={() => scholen.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate('/scholen')}
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
