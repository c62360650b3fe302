import { Box, Grid, NumberInput, Select, TextInput } from '@mantine/core';
import { kengetallen } from '../../api/resources';
import type {
  BijeenkomstSoort,
  Kengetal,
  KengetalBron,
  KengetalEenheid,
  KengetalInput,
  Richting,
} from '../../api/types';
import { ChoiceSelect, CountInput, NameInput } from '../../components/fields';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import {
  eenheidVan,
  formatKengetal,
  KENGETAL_BRON_LABELS,
  KENGETAL_EENHEID_LABELS,
  naarInvoer,
  naarOpslag,
  OVER_BIJEENKOMSTEN,
  RICHTING_LABELS,
} from '../../lib/kengetallen';
import { BIJEENKOMST_SOORT_LABELS, options } from '../../lib/labels';
import * as v from '../../lib/validation';
import { Waarden } from './Waarden';

interface Values extends Record<string, unknown> {
  naam: string;
  bron: KengetalBron;
  bijeenkomstSoort: BijeenkomstSoort | null;
  eenheid: KengetalEenheid;
  richting: Richting;
  /** In euros for an amount, as typed. */
  streefwaarde: number | string;
  volgorde: number | string;
}

const labels = {
  naam: 'Naam',
  bron: 'Bron',
  bijeenkomstSoort: 'Soort bijeenkomst',
  eenheid: 'Eenheid',
  richting: 'Richting',
  streefwaarde: 'Streefwaarde',
  volgorde: 'Volgorde',
};

export default function KengetalFormPage() {
  return <RecordRoute resource={kengetallen} area="kengetallen" form={KengetalForm} />;
}

function KengetalForm({ loaded }: RecordFormProps<Kengetal>) {
  const f = useRecordForm({
    resource: kengetallen,
    loaded,
    empty: {
      naam: '',
      bron: 'handmatig',
      bijeenkomstSoort: null,
      eenheid: 'aantal',
      richting: 'minimaal',
      streefwaarde: '',
      volgorde: 10,
    },
    toValues: (k: Kengetal): Values => ({
      naam: k.naam,
      bron: k.bron,
      bijeenkomstSoort: k.bijeenkomstSoort ?? null,
      eenheid: k.eenheid,
      richting: k.richting,
      streefwaarde: naarInvoer(k.eenheid, k.streefwaarde),
      volgorde: k.volgorde,
    }),
    toInput: (values: Values): KengetalInput => ({
      naam: values.naam.trim(),
      bron: values.bron,
      ...(OVER_BIJEENKOMSTEN.includes(values.bron) && values.bijeenkomstSoort
        ? { bijeenkomstSoort: values.bijeenkomstSoort }
        : {}),
      eenheid: values.eenheid,
      richting: values.richting,
      streefwaarde: naarOpslag(values.eenheid, values.streefwaarde) ?? 0,
      volgorde: Number(values.volgorde) || 0,
    }),
    area: 'kengetallen',
    labels,
    display: {
      bron: (x) => KENGETAL_BRON_LABELS[x as KengetalBron],
      eenheid: (x) => KENGETAL_EENHEID_LABELS[x as KengetalEenheid],
      richting: (x) => RICHTING_LABELS[x as Richting],
      bijeenkomstSoort: (x) => (x ? BIJEENKOMST_SOORT_LABELS[x as BijeenkomstSoort] : ''),
    },
    validate: {
      naam: v.name('Naam'),
      bijeenkomstSoort: (value, values) =>
        OVER_BIJEENKOMSTEN.includes(values.bron) && !value ? 'Kies de soort bijeenkomst die wordt gemeten' : null,
      streefwaarde: (value, values) => {
        if (value === '') return 'Streefwaarde is verplicht';
        const x = Number(value);
        if (!Number.isFinite(x) || x < 0) return 'Streefwaarde: 0 of meer';
        if (values.eenheid === 'percentage' && x > 100) return 'Een percentage is hoogstens 100';
        return null;
      },
      volgorde: (value) =>
        value === '' || !Number.isInteger(Number(value)) || Number(value) < 0 || Number(value) > 10000
          ? 'Volgorde: een heel getal van 0 tot en met 10.000'
          : null,
    },
    savedMessage: 'Het kengetal is opgeslagen.',
    savedTo: (saved, created) => (created && saved.bron === 'handmatig' ? `/kengetallen/${saved.id}` : '/kengetallen'),
  });
  const values = f.form.getValues();
  const berekend = eenheidVan(values.bron);

  return (
    <>
      <RecordFormPage
        form={f}
        title={loaded ? loaded.data.naam : 'Kengetal toevoegen'}
        readOnlyWho="een beheerder"
        deleteWhat={(k) => `het kengetal "${k.naam}" met zijn ingevoerde waarden`}
        maw={720}
      >
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <NameInput {...f.field('naam', 'Bijv. "Opkomst IB-netwerken"')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <CountInput label="Volgorde" required {...f.field('volgorde', 'Plaats in het overzicht')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <ChoiceSelect
              label="Bron"
              labels={KENGETAL_BRON_LABELS}
              {...f.field(
                'bron',
                berekend ? 'Koers berekent de waarde' : 'De beheerder voert de waarde per schooljaar in',
              )}
              onChange={(value: string | null) => {
                const bron = (value ?? 'handmatig') as KengetalBron;
                f.form.setFieldValue('bron', bron);
                // A computed measure comes in its own unit.
                const eenheid = eenheidVan(bron);
                if (eenheid) f.form.setFieldValue('eenheid', eenheid);
                if (!OVER_BIJEENKOMSTEN.includes(bron)) f.form.setFieldValue('bijeenkomstSoort', null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            {OVER_BIJEENKOMSTEN.includes(values.bron) ? (
              <Select
                label="Soort bijeenkomst"
                required
                data={options(BIJEENKOMST_SOORT_LABELS)}
                comboboxProps={{ withinPortal: true }}
                {...f.field('bijeenkomstSoort')}
              />
            ) : (
              <TextInput label="Soort bijeenkomst" disabled value="" placeholder="Alleen bij bijeenkomsten" readOnly />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <ChoiceSelect
              label="Eenheid"
              labels={KENGETAL_EENHEID_LABELS}
              disabled={berekend !== null}
              {...f.field('eenheid')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <ChoiceSelect
              label="Richting"
              labels={RICHTING_LABELS}
              {...f.field('richting', values.richting === 'minimaal' ? 'Hoger is beter' : 'Lager is beter')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NumberInput
              label="Streefwaarde"
              required
              min={0}
              decimalScale={values.eenheid === 'euro' ? 2 : 1}
              decimalSeparator=","
              thousandSeparator="."
              prefix={values.eenheid === 'euro' ? '€ ' : undefined}
              suffix={values.eenheid === 'percentage' ? '%' : undefined}
              {...f.field(
                'streefwaarde',
                values.richting === 'minimaal'
                  ? `Gehaald bij ${formatKengetal(values.eenheid, naarOpslag(values.eenheid, values.streefwaarde))} of meer`
                  : `Gehaald bij ${formatKengetal(values.eenheid, naarOpslag(values.eenheid, values.streefwaarde))} of minder`,
              )}
            />
          </Grid.Col>
        </Grid>
      </RecordFormPage>
      {loaded && (
        <Box maw={720} mt="md">
          <Waarden kengetal={loaded.data} />
        </Box>
      )}
    </>
  );
}
