import { Alert, Grid, Text, TextInput } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { leerlingen } from '../../api/resources';
import type { Geslacht, Leerling, LeerlingInput } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { ChoiceSelect, CountInput, LookupSelect, OptionalSelect } from '../../components/fields';
import { MonthInput } from '../../components/MonthInput';
import { useRecordForm } from '../../components/recordForm';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { dossierOpsomming } from '../../lib/dossier';
import { formatMaand } from '../../lib/format';
import { GESLACHT_LABELS, leerjaarLabel } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useGemeenten, useScholen, useSector } from '../lookups';

interface Values extends Record<string, unknown> {
  referentie: string;
  /** `YYYY-MM`. */
  geboortemaand: string | null;
  geslacht: Geslacht | null;
  woongemeenteId: string | null;
  schoolId: string | null;
  leerjaar: number | string;
}

const empty: Values = {
  referentie: '',
  geboortemaand: null,
  geslacht: null,
  woongemeenteId: null,
  schoolId: null,
  leerjaar: '',
};

const labels = {
  referentie: 'Referentie',
  geboortemaand: 'Geboortemaand',
  geslacht: 'Geslacht',
  woongemeenteId: 'Woongemeente',
  schoolId: 'School',
  leerjaar: 'Leerjaar',
};

function toValues(l: Leerling): Values {
  return {
    referentie: l.referentie,
    geboortemaand: l.geboortemaand,
    geslacht: l.geslacht,
    woongemeenteId: l.woongemeenteId,
    schoolId: l.schoolId ?? null,
    leerjaar: l.leerjaar ?? '',
  };
}

function toInput(values: Values): LeerlingInput {
  return {
    // Not trimmed: a key is saved as typed, and spaces around it are refused with a message.
    referentie: values.referentie,
    // Required fields are checked before this is called.
    geboortemaand: values.geboortemaand ?? '',
    geslacht: values.geslacht as Geslacht,
    woongemeenteId: values.woongemeenteId ?? '',
    schoolId: values.schoolId,
    leerjaar: values.leerjaar === '' ? null : Number(values.leerjaar),
  };
}

export default function LeerlingFormPage() {
  return <RecordRoute resource={leerlingen} area="leerlingen" form={LeerlingForm} />;
}

function LeerlingForm({ loaded }: RecordFormProps<Leerling>) {
  const scholen = useScholen();
  const gemeenten = useGemeenten();
  const sector = useSector();
  const huidig = vandaagNl().slice(0, 7);
  const bereik = v.geboortemaandBereik(huidig);
  const jaarLabel = leerjaarLabel(sector);
  const f = useRecordForm({
    resource: leerlingen,
    loaded,
    empty,
    toValues,
    toInput,
    area: 'leerlingen',
    labels: { ...labels, leerjaar: jaarLabel },
    display: {
      geboortemaand: (x) => formatMaand(x as string),
      geslacht: (x) => GESLACHT_LABELS[x as Geslacht],
      woongemeenteId: (x) => gemeenten.name(x as string),
      schoolId: (x) => scholen.name(x as string) || '(geen)',
      leerjaar: (x) => (x === '' ? '(onbekend)' : String(x)),
    },
    validate: {
      referentie: v.referentie,
      geboortemaand: (value) => v.geboortemaand(value, huidig),
      geslacht: v.required('Geslacht'),
      woongemeenteId: v.required('Woongemeente'),
      leerjaar: (value) => v.leerjaar(value, sector),
    },
    savedMessage: 'De leerling is opgeslagen.',
    savedTo: (saved) => `/leerlingen/${saved.id}`,
  });
  // A calendar of months opens near the age of the SWV's pupils: around 8 in po, 14 in vo.
  const openJaar = Number(huidig.slice(0, 4)) - (sector === 'vo' ? 14 : 8);
  const max = v.leerjaarBereik(sector);

  return (
    <RecordFormPage
      form={f}
      back={loaded && { to: `/leerlingen/${loaded.data.id}`, label: 'Naar de leerling' }}
      title={loaded ? `Leerling ${loaded.data.referentie} bewerken` : 'Nieuwe leerling'}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(l) => `de leerling ${l.referentie}`}
      deleteConsequence={`Alles wat over deze leerling is vastgelegd gaat mee: ${dossierOpsomming('en')}. Doe dit alleen bij een leerling die per vergissing is ingevoerd. Het auditlog blijft bewaard.`}
      maw={760}
      heading={
        <Alert color="koers" icon={<IconShieldLock aria-hidden />} p="sm">
          <Text size="sm">
            Koers bewaart geen namen, adressen of BSN. Gebruik alleen de referentie van het samenwerkingsverband.
          </Text>
        </Alert>
      }
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="Referentie"
            required
            maxLength={v.MAX_REFERENTIE_LENGTH}
            autoComplete="off"
            spellCheck={false}
            {...f.field('referentie', 'De sleutel uit het dossier van het samenwerkingsverband, bijv. NK-2024-0117')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <MonthInput
            label="Geboortemaand"
            required
            placeholder="Kies een maand"
            min={bereik.van}
            max={bereik.tot}
            defaultDate={`${openJaar}-01-01`}
            {...f.field('geboortemaand', 'Alleen maand en jaar')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <ChoiceSelect label="Geslacht" labels={GESLACHT_LABELS} placeholder="Kies…" {...f.field('geslacht')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <LookupSelect label="Woongemeente" data={gemeenten.options} {...f.field('woongemeenteId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <OptionalSelect
            label="School"
            data={scholen.options}
            placeholder="Niet ingeschreven"
            {...f.field('schoolId', 'Leeg als de leerling niet op een school van het samenwerkingsverband zit')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <CountInput
            label={jaarLabel}
            min={1}
            max={max}
            // A number out of range stays as typed, so the message says what is allowed.
            clampBehavior="none"
            {...f.field('leerjaar', `1 tot en met ${max}; leeg als het niet bekend is`)}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
