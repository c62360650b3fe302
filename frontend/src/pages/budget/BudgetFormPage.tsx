import { Grid, Select } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { arrangementen, budgetten } from '../../api/resources';
import type { Budget, BudgetInput, BudgetSoort } from '../../api/types';
import { ChoiceSelect, EuroInput, LongText, LookupSelect } from '../../components/fields';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import { naarCent, schooljaarGrenzen, schooljaarOpties } from '../../lib/arrangementen';
import { formatDate, formatMoney } from '../../lib/format';
import { BUDGET_SOORT_LABELS } from '../../lib/labels';
import { schooljaarNl } from '../../lib/tijd';
import * as v from '../../lib/validation';
import { useWerkgebieden } from '../lookups';
import { DateField } from '../../components/DateField';

interface Values extends Record<string, unknown> {
  werkgebiedId: string | null;
  schooljaar: string | null;
  soort: BudgetSoort;
  /** In euros, as typed. */
  bedrag: number | string;
  datum: string;
  toelichting: string;
}

const labels = {
  werkgebiedId: 'Werkgebied',
  schooljaar: 'Schooljaar',
  soort: 'Soort',
  bedrag: 'Bedrag',
  datum: 'Datum',
  toelichting: 'Toelichting',
};

export default function BudgetFormPage() {
  return <RecordRoute resource={budgetten} area="budgetten" form={BudgetForm} />;
}

function BudgetForm({ loaded }: RecordFormProps<Budget>) {
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const werkgebieden = useWerkgebieden();
  const huidig = schooljaarNl(new Date());
  const gevraagd = params.get('schooljaar');
  const startJaar = gevraagd && schooljaarGrenzen(gevraagd) ? gevraagd : huidig;
  const f = useRecordForm({
    resource: budgetten,
    loaded,
    empty: {
      werkgebiedId: params.get('werkgebiedId'),
      schooljaar: startJaar,
      soort: 'regulier',
      bedrag: '',
      datum: schooljaarGrenzen(startJaar)?.van ?? '',
      toelichting: '',
    },
    toValues: (b: Budget): Values => ({
      werkgebiedId: b.werkgebiedId,
      schooljaar: b.schooljaar,
      soort: b.soort,
      bedrag: b.bedragCent / 100,
      datum: b.datum,
      toelichting: b.toelichting,
    }),
    toInput: (values: Values): BudgetInput => ({
      werkgebiedId: values.werkgebiedId ?? '',
      schooljaar: values.schooljaar ?? '',
      soort: values.soort,
      bedragCent: naarCent(values.bedrag) ?? 0,
      datum: values.datum,
      toelichting: values.toelichting.trim(),
    }),
    area: 'budgetten',
    labels,
    aliases: { bedragCent: 'bedrag' },
    display: {
      werkgebiedId: (x) => werkgebieden.name(x as string),
      soort: (x) => BUDGET_SOORT_LABELS[x as BudgetSoort],
      bedrag: (x) => formatMoney(naarCent(x as number) ?? 0),
      datum: (x) => formatDate(x as string),
    },
    validate: {
      werkgebiedId: v.required('Werkgebied'),
      schooljaar: v.required('Schooljaar'),
      bedrag: (value) =>
        value === '' || !Number.isFinite(Number(value)) || Number(value) < 0 ? 'Bedrag: 0 euro of meer' : null,
      datum: (value, values) => {
        if (!value) return 'Datum is verplicht';
        const g = values.schooljaar ? schooljaarGrenzen(values.schooljaar) : null;
        return g && (value < g.van || value > g.tot)
          ? `De datum ligt in het schooljaar ${values.schooljaar ?? ''} (${formatDate(g.van)} tot en met ${formatDate(g.tot)})`
          : null;
      },
    },
    savedMessage: 'Het budget is opgeslagen.',
    savedTo: (saved) => `/budget?schooljaar=${saved.schooljaar}`,
    onSaved: () => void queryClient.invalidateQueries({ queryKey: [arrangementen.path, 'budget'] }),
  });
  const values = f.form.getValues();
  const jaren = schooljaarOpties(huidig, values.schooljaar ? [values.schooljaar] : []);

  return (
    <RecordFormPage
      form={f}
      title={
        loaded ? `Budget ${werkgebieden.name(loaded.data.werkgebiedId)} ${loaded.data.schooljaar}` : 'Budget toevoegen'
      }
      readOnlyWho="een beheerder"
      deleteWhat={(b) => `het budget van ${formatMoney(b.bedragCent)} (${b.schooljaar})`}
      maw={720}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <LookupSelect label="Werkgebied" data={werkgebieden.options} {...f.field('werkgebiedId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Select
            label="Schooljaar"
            required
            allowDeselect={false}
            data={jaren}
            comboboxProps={{ withinPortal: true }}
            {...f.field('schooljaar')}
            onChange={(value: string | null) => {
              f.form.setFieldValue('schooljaar', value);
              // A regular budget starts the year: its date moves with it.
              const g = value ? schooljaarGrenzen(value) : null;
              if (g && (f.form.getValues().soort === 'regulier' || !f.form.getValues().datum)) {
                f.form.setFieldValue('datum', g.van);
              }
            }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <ChoiceSelect
            label="Soort"
            labels={BUDGET_SOORT_LABELS}
            {...f.field(
              'soort',
              values.soort === 'extra'
                ? 'Extra budget in de loop van het jaar'
                : 'Het budget bij het begin van het jaar',
            )}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <EuroInput label="Bedrag" required {...f.field('bedrag')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <DateField label="Datum" required {...f.field('datum', 'Wanneer het beschikbaar kwam')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <LongText
            label="Toelichting"
            minRows={2}
            {...f.field('toelichting', 'Bijv. "Extra budget na de tweede trimesterrapportage"')}
          />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
