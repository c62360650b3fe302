import { Grid, MultiSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ambities, fetchAll, portefeuilles } from '../../api/resources';
import type { Ambitie, Portefeuille, PortefeuilleInput, Versioned } from '../../api/types';
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
import * as v from '../../lib/validation';
import { optionsOf, useGebruikersNamen } from './hooks';

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

/** All ambitions of the SWV, for choosing the ones a portfolio or project contributes to. */
export function useAlleAmbities() {
  return useQuery({
    queryKey: ['/ambities', 'all', 'alle'],
    queryFn: async (): Promise<Ambitie[]> => (await fetchAll(ambities, {})).sort((a, b) => a.nummer - b.nummer),
    staleTime: 60_000,
  });
}

export default function PortefeuilleFormPage() {
  const { id } = useParams();
  return (
    <RecordLoader resource={portefeuilles} id={id} listPath="/portefeuilles" listLabel="portefeuilles">
      {(loaded) => <PortefeuilleForm key={id ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

function PortefeuilleForm({ loaded }: { loaded: Versioned<Portefeuille> | null }) {
  const me = useMe();
  const navigate = useNavigate();
  const gebruikers = useGebruikersNamen();
  const alleAmbities = useAlleAmbities();
  const back = loaded ? `/portefeuilles/${loaded.data.id}` : '/portefeuilles';
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
    readOnly: !canWrite(me.rol, 'portefeuilles'),
    labels,
    validate: { naam: v.name() },
    savedMessage: 'De portefeuille is opgeslagen.',
    onSaved: (saved) => void navigate(`/portefeuilles/${saved.id}`),
  });

  return (
    <>
      <BackLink to={back}>{loaded ? 'Naar de portefeuille' : 'Alle portefeuilles'}</BackLink>
      <PageHeader
        title={loaded ? `${loaded.data.naam} bewerken` : 'Nieuwe portefeuille'}
        description={loaded ? <RecordMeta record={loaded.data} /> : undefined}
      />
      <Paper withBorder p="lg" radius="md" maw={820}>
        <form onSubmit={f.submit} noValidate>
          <Stack gap="md">
            <ConflictAlert
              conflict={f.conflict}
              changedFields={Object.keys(f.changedByOthers).map((k) => labels[k as keyof typeof labels])}
              onReload={() => void f.reloadLatest()}
              reloading={f.reloading}
            />
            {f.readOnly && <ReadOnlyNote who="een beheerder of consulent" />}
            <GeneralErrors messages={f.general} />
            <Grid gap="md">
              <Grid.Col span={12}>
                <TextInput label="Naam" required maxLength={v.MAX_NAME_LENGTH} {...f.field('naam')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label="Omschrijving" autosize minRows={2} {...f.field('omschrijving')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea
                  label="Jaarplan"
                  autosize
                  minRows={3}
                  {...f.field('jaarplan', 'Wat de portefeuille dit jaar wil bereiken')}
                />
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
                <MultiSelect
                  label="Ambities"
                  searchable
                  data={optionsOf(alleAmbities.data, (a) => `${a.nummer}. ${a.titel}`) ?? []}
                  {...f.field('ambitieIds', 'Aan welke ambities de portefeuille bijdraagt')}
                />
              </Grid.Col>
            </Grid>
            <FormActions
              cancelTo={back}
              saving={f.saving}
              readOnly={f.readOnly}
              extra={
                loaded && !f.readOnly ? (
                  <DeleteButton
                    path="/portefeuilles"
                    what={`de portefeuille ${loaded.data.naam}`}
                    remove={() => portefeuilles.remove(loaded.data.id, f.etag)}
                    onDeleted={() => void navigate('/portefeuilles')}
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
