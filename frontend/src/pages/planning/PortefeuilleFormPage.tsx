import { Grid, MultiSelect, Textarea } from '@mantine/core';
import { portefeuilles } from '../../api/resources';
import type { Portefeuille, PortefeuilleInput } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { useRecordForm } from '../../components/recordForm';
import { LongText, NameInput } from '../../components/fields';
import * as v from '../../lib/validation';
import { optionsOf, useGebruikersNamen } from './hooks';
import { AmbitiesSelect } from './fields';

interface Values extends Record<string, unknown> {
  naam: string;
  omschrijving: string;
  jaarplan: string;
  eigenaarIds: string[];
  ambitieIds: string[];
}

const labels = {
  naam: 'Naam',
  omschrijving: 'Omschrijving',
  jaarplan: 'Jaarplan',
  eigenaarIds: 'Eigenaren',
  ambitieIds: 'Ambities',
};

export default function PortefeuilleFormPage() {
  return <RecordRoute resource={portefeuilles} area="portefeuilles" form={PortefeuilleForm} />;
}

function PortefeuilleForm({ loaded }: RecordFormProps<Portefeuille>) {
  const gebruikers = useGebruikersNamen();
  const eigenaarOptions = optionsOf(gebruikers, (g) => g.naam) ?? [];
  // Owners the current user may not be able to list still show, by id.
  for (const id of loaded?.data.eigenaarIds ?? []) {
    if (!eigenaarOptions.some((o) => o.value === id)) eigenaarOptions.push({ value: id, label: id });
  }
  const f = useRecordForm({
    resource: portefeuilles,
    loaded,
    empty: { naam: '', omschrijving: '', jaarplan: '', eigenaarIds: [], ambitieIds: [] },
    toValues: (p: Portefeuille): Values => ({
      naam: p.naam,
      omschrijving: p.omschrijving ?? '',
      jaarplan: p.jaarplan ?? '',
      eigenaarIds: p.eigenaarIds,
      ambitieIds: p.ambitieIds,
    }),
    toInput: (values: Values): PortefeuilleInput => ({
      naam: values.naam.trim(),
      omschrijving: values.omschrijving.trim() || null,
      jaarplan: values.jaarplan.trim() || null,
      eigenaarIds: values.eigenaarIds,
      ambitieIds: values.ambitieIds,
    }),
    area: 'portefeuilles',
    labels,
    validate: { naam: v.name() },
    savedMessage: 'De portefeuille is opgeslagen.',
    savedTo: (saved) => `/portefeuilles/${saved.id}`,
  });

  return (
    <RecordFormPage
      form={f}
      back={loaded && { to: `/portefeuilles/${loaded.data.id}`, label: 'Naar de portefeuille' }}
      title={loaded ? `${loaded.data.naam} bewerken` : 'Nieuwe portefeuille'}
      readOnlyWho="een beheerder of consulent"
      deleteWhat={(p) => `de portefeuille ${p.naam}`}
    >
      <Grid gap="md">
        <Grid.Col span={12}>
          <NameInput {...f.field('naam')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Omschrijving" autosize minRows={2} {...f.field('omschrijving')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <LongText label="Jaarplan" {...f.field('jaarplan', 'Wat de portefeuille dit jaar wil bereiken')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <MultiSelect
            label="Eigenaren"
            searchable
            data={eigenaarOptions}
            {...f.field('eigenaarIds', 'Wie verantwoordelijk is voor de portefeuille')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <AmbitiesSelect {...f.field('ambitieIds', 'Aan welke ambities de portefeuille bijdraagt')} />
        </Grid.Col>
      </Grid>
    </RecordFormPage>
  );
}
