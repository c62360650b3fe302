import { Button, Checkbox, Chip, Grid, Group, Input, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { schoolcontacten } from '../../api/resources';
import type { ContactSignaal, ContactSoort, Schoolcontact } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import { SIGNAAL_BG } from '../../components/SignalCounts';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { formatDate } from '../../lib/format';
import { CONTACT_SIGNAAL_LABELS, CONTACT_SOORT_LABELS, options } from '../../lib/labels';
import {
  contactFouten,
  contactInvoer,
  MAX_ONDERWERP,
  schoolKeuzes,
  terugLabel,
  terugPad,
  vervolgKeuzes,
  type ContactWaarden,
} from '../../lib/schoolcontacten';
import { plusDagen } from '../../lib/tlv';
import { useAlleScholen, useConsulenten } from './hooks';
import { DateField } from '../../components/DateField';

const labels = {
  schoolId: 'School',
  datum: 'Datum',
  soort: 'Soort contact',
  consulentId: 'Consulent',
  onderwerp: 'Onderwerp',
  signaal: 'Signaal',
  vervolgOp: 'Vervolg op',
  vervolgGedaan: 'Vervolg gedaan',
};

function toValues(c: Schoolcontact): ContactWaarden {
  return {
    schoolId: c.schoolId,
    datum: c.datum,
    soort: c.soort,
    consulentId: c.consulentId,
    onderwerp: c.onderwerp,
    signaal: c.signaal ?? null,
    vervolgOp: c.vervolgOp ?? '',
    vervolgGedaan: c.vervolgGedaan,
  };
}

/** `/schoolcontacten/nieuw` (`?schoolId=`, `?terug=`) and `/schoolcontacten/:id`: a contact, quick to record on a tablet. */
export default function ContactFormPage() {
  return <RecordRoute resource={schoolcontacten} area="schoolcontacten" form={ContactForm} />;
}

/** The signal as a choice of four, "Geen" first: most contacts need none. */
const SIGNAAL_KEUZES = [
  { value: '', label: 'Geen' },
  ...options(CONTACT_SIGNAAL_LABELS).map((o) => ({ value: o.value, label: o.label })),
];

function ContactForm({ loaded }: RecordFormProps<Schoolcontact>) {
  const me = useMe();
  const [params] = useSearchParams();
  const vandaag = vandaagNl();
  const isConsulent = me.rol === 'consulent';
  const scholen = useAlleScholen();
  const consulenten = useConsulenten(!isConsulent || loaded !== null);
  const terug = terugPad(params.get('terug'));
  const f = useRecordForm({
    resource: schoolcontacten,
    area: 'schoolcontacten',
    loaded,
    empty: {
      schoolId: params.get('schoolId'),
      datum: vandaag,
      soort: null,
      consulentId: null,
      onderwerp: '',
      signaal: null,
      vervolgOp: '',
      vervolgGedaan: false,
    } satisfies ContactWaarden,
    toValues,
    toInput: contactInvoer,
    labels,
    validate: (values) => contactFouten(values, vandaag, !isConsulent),
    display: {
      schoolId: (x) => scholen.data?.find((s) => s.id === x)?.naam ?? '',
      soort: (x) => (x ? CONTACT_SOORT_LABELS[x as ContactSoort] : '(leeg)'),
      signaal: (x) => (x ? CONTACT_SIGNAAL_LABELS[x as ContactSignaal] : 'geen'),
      consulentId: (x) => consulenten.name(x as string),
      vervolgOp: (x) => (x ? formatDate(x as string) : 'geen vervolg'),
    },
    savedMessage: loaded ? 'Het contact is opgeslagen.' : 'Het contact is vastgelegd.',
    savedTo: (saved) => terug ?? `/scholen/${saved.schoolId}`,
  });
  const v = f.form.getValues();
  const schoolNaam = scholen.data?.find((s) => s.id === v.schoolId)?.naam;
  const eigen = isConsulent ? me.id : v.consulentId;
  const keuzes = scholen.data ? schoolKeuzes(scholen.data, eigen) : undefined;
  const soortFout = f.form.errors.soort as string | undefined;
  const signaalFout = f.form.errors.signaal as string | undefined;
  const vervolgOp = f.field('vervolgOp', 'Wanneer u iets moet doen; het staat die dag in Mijn week');
  const zet = <K extends keyof ContactWaarden & string>(key: K, value: ContactWaarden[K]) => {
    f.form.setFieldValue(key, value as never);
    f.form.clearFieldError(key);
  };
  // Another consulent's contact is edited in her name; a beheerder or medewerker says whose it is.
  const toonConsulent = !isConsulent || (loaded !== null && loaded.data.consulentId !== me.id);

  return (
    <RecordFormPage
      form={f}
      back={
        terug
          ? { to: terug, label: terugLabel(terug) }
          : v.schoolId
            ? { to: `/scholen/${v.schoolId}`, label: 'Naar de school' }
            : null
      }
      afterDelete={terug ?? (loaded ? `/scholen/${loaded.data.schoolId}` : '/schoolcontacten')}
      title={loaded ? `Contact met ${schoolNaam ?? 'de school'}` : 'Contact vastleggen'}
      pageTitle={loaded ? 'Contact' : 'Contact vastleggen'}
      readOnlyWho="een consulent, medewerker of beheerder"
      deleteWhat={(c) => `het contact van ${formatDate(c.datum)}`}
      submitLabel={loaded ? 'Opslaan' : 'Vastleggen'}
      buttonSize="lg"
      maw={760}
      gap="lg"
    >
      <div className="aanraak-formulier">
        <Stack gap="lg">
          <Select
            label="School"
            required
            searchable
            size="md"
            data={keuzes ?? []}
            placeholder={keuzes ? 'Zoek of kies een school' : 'Laden…'}
            nothingFoundMessage="Geen school met deze naam"
            maxDropdownHeight={360}
            comboboxProps={{ withinPortal: true }}
            {...f.field('schoolId', isConsulent ? 'Uw eigen scholen staan bovenaan' : undefined)}
            onChange={(id: string | null) => {
              zet('schoolId', id);
              // Who else records it: the school's own consulent, unless another was chosen already.
              const consulent = scholen.data?.find((x) => x.id === id)?.consulentId;
              if (!isConsulent && consulent && !f.form.getValues().consulentId) zet('consulentId', consulent);
            }}
          />
          {toonConsulent && (
            <Select
              label="Consulent"
              required={!isConsulent}
              size="md"
              searchable
              data={consulenten.options ?? []}
              placeholder={consulenten.options ? 'Kies de consulent' : 'Laden…'}
              nothingFoundMessage="Geen consulent met deze naam"
              comboboxProps={{ withinPortal: true }}
              {...f.field('consulentId', isConsulent ? 'Het contact blijft van deze consulent' : 'Wie had het contact')}
              readOnly={f.readOnly || isConsulent}
            />
          )}
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <DateField label="Datum" required size="md" {...f.field('datum')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <Group gap="xs" pb={2}>
                <Button variant="default" size="md" onClick={() => zet('datum', vandaag)} disabled={f.readOnly}>
                  Vandaag
                </Button>
                <Button
                  variant="default"
                  size="md"
                  onClick={() => zet('datum', plusDagen(vandaag, -1))}
                  disabled={f.readOnly}
                >
                  Gisteren
                </Button>
              </Group>
            </Grid.Col>
          </Grid>
          <Input.Wrapper id="contact-soort" label="Soort contact" required labelElement="div" error={soortFout}>
            <Chip.Group value={v.soort ?? ''} onChange={(value) => !f.readOnly && zet('soort', value as ContactSoort)}>
              <Group
                gap="xs"
                mt={6}
                role="radiogroup"
                aria-labelledby="contact-soort-label"
                aria-describedby={soortFout ? 'contact-soort-error' : undefined}
                aria-required
              >
                {options(CONTACT_SOORT_LABELS).map((o) => (
                  <Chip key={o.value} value={o.value} name="soort" size="md" radius="sm" disabled={f.readOnly}>
                    {o.label}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
          <Textarea
            label="Onderwerp"
            required
            size="md"
            autosize
            minRows={3}
            maxRows={10}
            maxLength={MAX_ONDERWERP}
            {...f.field('onderwerp', 'Waar ging het over, en wat is afgesproken')}
          />
          <Input.Wrapper
            id="contact-signaal"
            label="Signaal"
            labelElement="div"
            description={f.readOnly ? undefined : 'Hoe staat de school ervoor, zoals u het nu ziet'}
            error={signaalFout}
          >
            <SegmentedControl
              mt={6}
              fullWidth
              size="md"
              aria-labelledby="contact-signaal-label"
              data={SIGNAAL_KEUZES}
              value={v.signaal ?? ''}
              readOnly={f.readOnly}
              color={v.signaal ? SIGNAAL_BG[v.signaal] : 'gray.7'}
              onChange={(value) => zet('signaal', value === '' ? null : (value as ContactSignaal))}
            />
          </Input.Wrapper>
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, xs: 6 }}>
              <DateField label="Vervolg op" size="md" min={v.datum || undefined} {...vervolgOp} />
            </Grid.Col>
            {!f.readOnly && (
              <Grid.Col span={{ base: 12, xs: 6 }}>
                <Group gap="xs" pb={vervolgOp.description ? 22 : 2} aria-label="Snel een vervolg kiezen" role="group">
                  {vervolgKeuzes(v.datum).map((k) => (
                    <Button
                      key={k.label}
                      variant={v.vervolgOp === k.datum ? 'light' : 'default'}
                      size="md"
                      px="sm"
                      onClick={() => zet('vervolgOp', k.datum)}
                    >
                      {k.label}
                    </Button>
                  ))}
                  {v.vervolgOp !== '' && (
                    <Button variant="subtle" size="md" px="sm" onClick={() => zet('vervolgOp', '')}>
                      Geen vervolg
                    </Button>
                  )}
                </Group>
              </Grid.Col>
            )}
          </Grid>
          {loaded && v.vervolgOp !== '' && (
            <Checkbox size="md" label="Het vervolg is gedaan" {...f.field('vervolgGedaan', undefined, 'checkbox')} />
          )}
        </Stack>
      </div>
    </RecordFormPage>
  );
}
