import { Grid, TextInput, Title } from '@mantine/core';
import { scholen } from '../../api/resources';
import type { School, SchoolInput, SchoolSoort } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canRead, canWrite } from '../../auth/roles';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { ChoiceSelect, CountInput, LookupSelect, NameInput, OptionalSelect } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { SCHOOL_SOORT_LABELS } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useGemeenten, useSchoolbesturen, useWerkgebieden } from '../lookups';
import { useConsulenten } from '../schoolcontacten/hooks';
import { ContactKnop } from '../schoolcontacten/parts';
import { SchoolContacten } from './SchoolContacten';

interface Values extends Record<string, unknown> {
  naam: string;
  brin: string;
  soort: SchoolSoort | null;
  schoolbestuurId: string | null;
  gemeenteId: string | null;
  werkgebiedId: string | null;
  leerlingaantal: number | string;
  consulentId: string | null;
}

const empty: Values = {
  naam: '',
  brin: '',
  soort: null,
  schoolbestuurId: null,
  gemeenteId: null,
  werkgebiedId: null,
  leerlingaantal: '',
  consulentId: null,
};

const labels = {
  naam: 'Naam',
  brin: 'BRIN',
  soort: 'Soort',
  schoolbestuurId: 'Schoolbestuur',
  gemeenteId: 'Gemeente',
  werkgebiedId: 'Werkgebied',
  leerlingaantal: 'Leerlingaantal',
  consulentId: 'Consulent',
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
    consulentId: s.consulentId ?? null,
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
    // Sent as it was read when unchanged: a PUT without it would take the school's consulent away.
    consulentId: values.consulentId,
  };
}

export default function SchoolPage() {
  return <RecordRoute resource={scholen} area="scholen" form={SchoolForm} />;
}

function SchoolForm({ loaded }: RecordFormProps<School>) {
  const me = useMe();
  // The consulent's name: a beheerder chooses among the active consulenten, the others read it.
  const contacten = canRead(me, 'schoolcontacten');
  const consulenten = useConsulenten(contacten || canRead(me, 'gebruikers'));
  const besturen = useSchoolbesturen();
  const gemeenten = useGemeenten();
  const werkgebieden = useWerkgebieden();
  const f = useRecordForm({
    resource: scholen,
    loaded,
    empty,
    toValues,
    toInput,
    area: 'scholen',
    labels,
    display: {
      soort: (x) => (x ? SCHOOL_SOORT_LABELS[x as SchoolSoort] : '(leeg)'),
      schoolbestuurId: (x) => besturen.name(x as string),
      gemeenteId: (x) => gemeenten.name(x as string),
      werkgebiedId: (x) => werkgebieden.name(x as string) || '(geen)',
      consulentId: (x) => consulenten.name(x as string) || '(geen)',
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
  });
  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.naam : 'Nieuwe school'}
      readOnlyWho="een beheerder van het samenwerkingsverband"
      deleteWhat={(s) => `de school ${s.naam}`}
      actions={
        loaded && canWrite(me, 'schoolcontacten') ? (
          <ContactKnop schoolId={loaded.data.id} terug={`/scholen/${loaded.data.id}`} size="md" />
        ) : undefined
      }
      sections={loaded && contacten ? { gap: 'lg', before: <SchoolContacten school={loaded.data} /> } : undefined}
      heading={
        loaded && contacten ? (
          <Title order={2} size="h4">
            Gegevens van de school
          </Title>
        ) : undefined
      }
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <NameInput {...f.field('naam')} />
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
          <ChoiceSelect label="Soort" labels={SCHOOL_SOORT_LABELS} placeholder="Kies een soort" {...f.field('soort')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <CountInput
            label="Leerlingaantal"
            min={0}
            max={100000}
            thousandSeparator="."
            decimalSeparator=","
            hideControls
            {...f.field('leerlingaantal', 'Laat leeg als het niet bekend is')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <LookupSelect label="Schoolbestuur" data={besturen.options} {...f.field('schoolbestuurId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <LookupSelect label="Gemeente" data={gemeenten.options} {...f.field('gemeenteId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <OptionalSelect
            label="Werkgebied"
            data={werkgebieden.options}
            placeholder="Geen werkgebied"
            {...f.field('werkgebiedId', 'Optioneel')}
          />
        </Grid.Col>
        {(contacten || !f.readOnly) && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <OptionalSelect
              label="Consulent"
              data={consulentKeuzes(consulenten.options, f.form.getValues().consulentId, (id) => consulenten.name(id))}
              placeholder={f.readOnly ? 'Geen consulent' : 'Kies de consulent van de school'}
              nothingFoundMessage="Geen actieve consulent met deze naam"
              {...f.field('consulentId', 'Wie de school bezoekt; de school staat dan bij haar in Mijn week')}
            />
          </Grid.Col>
        )}
      </Grid>
    </RecordFormPage>
  );
}

/** The active consulenten to choose from, and the school's own consulent also when she is no longer active. */
function consulentKeuzes(
  opties: { value: string; label: string }[] | undefined,
  huidig: string | null,
  naam: (id: string) => string,
): { value: string; label: string }[] | undefined {
  if (!opties || !huidig || opties.some((o) => o.value === huidig)) return opties;
  return [...opties, { value: huidig, label: naam(huidig) || 'Niet meer actieve consulent' }];
}
