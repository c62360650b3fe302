import { ColorInput, Grid, Group, NumberInput, Paper, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconKey, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { samenwerkingsverbanden } from '../../api/resources';
import type { Samenwerkingsverband, SamenwerkingsverbandInput, Sector } from '../../api/types';
import { LinkButton } from '../../components/LinkButton';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { ChoiceSelect, NameInput } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { SECTOR_LABELS } from '../../lib/labels';
import * as v from '../../lib/validation';
import { HuisstijlPanel } from './HuisstijlPanel';

interface Values extends Record<string, unknown> {
  naam: string;
  code: string;
  sector: Sector | null;
  bewaartermijnJaren: number | string;
  beslistermijnDagen: number | string;
  peildata: string[];
  minimumSchoolcontacten: number | string;
  kleur: string;
}

const BEWAARTERMIJN_STANDAARD = 2;
/** The quarterly return to the Inspectie: 15 September, December, March and June. */
const PEILDATA_STANDAARD = ['09-15', '12-15', '03-15', '06-15'];
/** Six weeks, the longest term the law allows (Wpo art. 18a, WVO art. 17a). */
const BESLISTERMIJN_STANDAARD = 42;
/** The API's default: three contacts with each school in a school year. */
const MINIMUM_CONTACTEN_STANDAARD = 3;
const empty: Values = {
  naam: '',
  code: '',
  sector: null,
  bewaartermijnJaren: BEWAARTERMIJN_STANDAARD,
  beslistermijnDagen: BESLISTERMIJN_STANDAARD,
  peildata: PEILDATA_STANDAARD,
  minimumSchoolcontacten: MINIMUM_CONTACTEN_STANDAARD,
  kleur: '',
};
const labels = {
  naam: 'Naam',
  code: 'Code',
  sector: 'Sector',
  bewaartermijnJaren: 'Bewaartermijn leerlinggegevens (jaren)',
  beslistermijnDagen: 'Beslistermijn TLV-aanvragen (dagen)',
  peildata: 'Peildata thuiszitters',
  minimumSchoolcontacten: 'Minimum schoolcontacten per school per jaar',
  kleur: 'Huisstijlkleur',
};
const toValues = (s: Samenwerkingsverband): Values => ({
  naam: s.naam,
  code: s.code,
  sector: s.sector,
  bewaartermijnJaren: s.bewaartermijnJaren,
  beslistermijnDagen: s.beslistermijnDagen,
  peildata: s.peildata,
  minimumSchoolcontacten: s.minimumSchoolcontacten,
  kleur: s.kleur ?? '',
});
const toInput = (x: Values): SamenwerkingsverbandInput => ({
  naam: x.naam.trim(),
  code: x.code.trim(),
  sector: x.sector as Sector,
  bewaartermijnJaren: Number(x.bewaartermijnJaren),
  beslistermijnDagen: Number(x.beslistermijnDagen),
  peildata: x.peildata.map((d) => d.trim()),
  minimumSchoolcontacten: Number(x.minimumSchoolcontacten),
  kleur: x.kleur.trim() ? x.kleur.trim().toLowerCase() : null,
});

export default function SamenwerkingsverbandPage() {
  return <RecordRoute resource={samenwerkingsverbanden} area="samenwerkingsverbanden" form={SwvForm} />;
}

function SwvForm({ loaded }: RecordFormProps<Samenwerkingsverband>) {
  const f = useRecordForm({
    resource: samenwerkingsverbanden,
    area: 'samenwerkingsverbanden',
    loaded,
    empty,
    toValues,
    toInput,
    labels,
    display: {
      sector: (x) => (x ? SECTOR_LABELS[x as Sector] : '(leeg)'),
      peildata: (x) => (x as string[]).join(', '),
      kleur: (x) => (typeof x === 'string' && x ? x : '(kleur van Koers)'),
    },
    validate: {
      naam: v.name('Naam'),
      code: (value, values) => v.swvCode(value, values.sector),
      sector: v.required('Sector'),
      bewaartermijnJaren: v.bewaartermijn,
      beslistermijnDagen: v.beslistermijn,
      peildata: v.peildata,
      minimumSchoolcontacten: v.minimumSchoolcontacten,
      kleur: (value) =>
        value.trim() === '' || /^#[0-9a-f]{6}$/i.test(value.trim())
          ? null
          : 'Een kleur als #rrggbb, bijvoorbeeld #0b7285, of leeg voor de kleur van Koers.',
    },
    savedMessage: loaded
      ? 'Het samenwerkingsverband is opgeslagen.'
      : 'Het samenwerkingsverband is aangemaakt. Voeg nu de eerste beheerder toe.',
    // A new SWV opens on its own page, where its first beheerder is added.
    savedTo: (swv, created) => (created ? `/samenwerkingsverbanden/${swv.id}` : '/samenwerkingsverbanden'),
  });

  return (
    <RecordFormPage
      form={f}
      title={loaded ? loaded.data.naam : 'Nieuw samenwerkingsverband'}
      submitLabel={loaded ? 'Opslaan' : 'Aanmaken'}
      deleteWhat={(swv) => `het samenwerkingsverband ${swv.naam}`}
      sections={{
        gap: 'lg',
        after: loaded && (
          <>
            <HuisstijlPanel swvId={loaded.data.id} naam={loaded.data.naam} />
            <Accounts swvId={loaded.data.id} />
          </>
        ),
      }}
    >
      <NameInput {...f.field('naam')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect label="Sector" labels={SECTOR_LABELS} {...f.field('sector')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Code"
            required
            maxLength={6}
            autoComplete="off"
            {...f.field('code', 'De code van DUO: PO of VO en 4 cijfers (bijv. PO2703)')}
            onChange={(event) => {
              const code = event.currentTarget.value.toUpperCase();
              f.form.setFieldValue('code', code);
              // The prefix tells the sector; fill it in when it is still empty.
              if (f.form.getValues().sector === null && /^(PO|VO)/.test(code)) {
                f.form.setFieldValue('sector', code.slice(0, 2).toLowerCase() as Sector);
              }
            }}
          />
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={labels.bewaartermijnJaren}
            required
            min={1}
            max={10}
            allowDecimal={false}
            {...f.field(
              'bewaartermijnJaren',
              'Zoveel jaar na het laatste afgesloten record maakt Koers een leerling anoniem; de cijfers van vroegere jaren blijven gelijk.',
            )}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={labels.beslistermijnDagen}
            required
            min={1}
            max={42}
            allowDecimal={false}
            {...f.field(
              'beslistermijnDagen',
              'Binnen zoveel dagen na ontvangst wordt over een TLV-aanvraag beslist; de wet staat ten hoogste zes weken (42 dagen) toe.',
            )}
          />
        </Grid.Col>
      </Grid>
      <TagsInput
        label={labels.peildata}
        required
        maxTags={12}
        splitChars={[',', ' ']}
        placeholder="MM-DD, Enter na elke dag"
        {...f.field(
          'peildata',
          'Op deze dagen (MM-DD) worden thuiszitters geteld en aan de Inspectie opgegeven; standaard 15 september, december, maart en juni.',
        )}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={labels.minimumSchoolcontacten}
            required
            min={0}
            max={52}
            allowDecimal={false}
            allowNegative={false}
            {...f.field(
              'minimumSchoolcontacten',
              'Zo vaak spreekt een consulent elke school minstens in een schooljaar; scholen die achterlopen worden gemarkeerd. 0: geen minimum.',
            )}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ColorInput
            label={labels.kleur}
            format="hex"
            withEyeDropper={false}
            placeholder="#rrggbb (leeg: de kleur van Koers)"
            swatches={['#0b7285', '#1864ab', '#5f3dc4', '#a61e4d', '#2b8a3e', '#d9480f', '#343a40']}
            {...f.field(
              'kleur',
              "De accentkleur op de pagina's voor deelnemers en in de mails; het logo staat onder Huisstijl.",
            )}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}

/** A new SWV needs its first beheerder; the ways to its users and clients. */
function Accounts({ swvId }: { swvId: string }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={2} size="h4" mb="xs">
        Gebruikers en clients
      </Title>
      <Text size="sm" mb="md">
        Een nieuw samenwerkingsverband heeft een eerste beheerder nodig; die voegt daarna zelf de andere gebruikers toe.
      </Text>
      <Group gap="sm">
        <LinkButton to={`/gebruikers/nieuw?samenwerkingsverbandId=${swvId}&rol=beheerder`} icon={IconUserPlus}>
          Beheerder toevoegen
        </LinkButton>
        <LinkButton to={`/gebruikers?samenwerkingsverbandId=${swvId}`} icon={IconUsers} variant="default">
          Gebruikers bekijken
        </LinkButton>
        <LinkButton to={`/clients?samenwerkingsverbandId=${swvId}`} icon={IconKey} variant="default">
          Clients bekijken
        </LinkButton>
      </Group>
    </Paper>
  );
}
