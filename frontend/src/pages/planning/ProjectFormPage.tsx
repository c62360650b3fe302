import { ActionIcon, Button, Grid, Group, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { projecten, scholen } from '../../api/resources';
import type { Project, ProjectInput, ProjectStatus } from '../../api/types';
import { RecordFormPage, RecordRoute, type RecordFormProps } from '../../components/RecordFormPage';
import { ChoiceSelect, EuroInput, NameInput, RecordSelect } from '../../components/fields';
import { useRecordForm } from '../../components/recordForm';
import { PROJECT_STATUS_LABELS } from '../../lib/labels';
import * as v from '../../lib/validation';
import { useAll } from '../lookups';
import { AmbitiesSelect } from './fields';
import { optionsOf, usePortefeuilles } from './hooks';
import { DateField } from '../../components/DateField';

interface FinancieringRij {
  bron: string;
  /** In euros, as entered. */
  bedrag: number | string;
}

interface Values extends Record<string, unknown> {
  naam: string;
  omschrijving: string;
  portefeuilleId: string | null;
  ambitieIds: string[];
  status: ProjectStatus;
  startdatum: string;
  einddatum: string;
  partner: string;
  schoolIds: string[];
  financiering: FinancieringRij[];
}

const labels = {
  naam: 'Naam',
  omschrijving: 'Omschrijving',
  portefeuilleId: 'Portefeuille',
  ambitieIds: 'Ambities',
  status: 'Status',
  startdatum: 'Startdatum',
  einddatum: 'Einddatum',
  partner: 'Partner',
  schoolIds: 'Scholen',
  financiering: 'Financiering',
};

const toCents = (bedrag: number | string) => Math.round(Number(bedrag) * 100);

export default function ProjectFormPage() {
  return <RecordRoute resource={projecten} area="projecten" form={ProjectForm} />;
}

function ProjectForm({ loaded }: RecordFormProps<Project>) {
  const portefeuilles = usePortefeuilles();
  const alleScholen = useAll(scholen, { sort: 'naam' }, 60_000);
  const f = useRecordForm({
    resource: projecten,
    loaded,
    empty: {
      naam: '',
      omschrijving: '',
      portefeuilleId: null,
      ambitieIds: [],
      status: 'gepland',
      startdatum: '',
      einddatum: '',
      partner: '',
      schoolIds: [],
      financiering: [],
    },
    toValues: (p: Project): Values => ({
      naam: p.naam,
      omschrijving: p.omschrijving ?? '',
      portefeuilleId: p.portefeuilleId ?? null,
      ambitieIds: p.ambitieIds,
      status: p.status,
      startdatum: p.startdatum ?? '',
      einddatum: p.einddatum ?? '',
      partner: p.partner ?? '',
      schoolIds: p.schoolIds,
      financiering: p.financiering.map((r) => ({ bron: r.bron, bedrag: r.bedragCent / 100 })),
    }),
    toInput: (values: Values): ProjectInput => ({
      naam: values.naam.trim(),
      omschrijving: values.omschrijving.trim() || null,
      portefeuilleId: values.portefeuilleId || null,
      ambitieIds: values.ambitieIds,
      status: values.status,
      startdatum: values.startdatum || null,
      einddatum: values.einddatum || null,
      partner: values.partner.trim() || null,
      schoolIds: values.schoolIds,
      financiering: values.financiering.map((r) => ({ bron: r.bron.trim(), bedragCent: toCents(r.bedrag) })),
    }),
    area: 'projecten',
    labels,
    validate: {
      naam: v.name(),
      einddatum: (value, values) =>
        value && values.startdatum && value < values.startdatum
          ? 'De einddatum mag niet voor de startdatum liggen'
          : null,
      financiering: {
        bron: (value) => (value.trim() === '' ? 'Bron is verplicht' : null),
        bedrag: (value) =>
          value === '' || !Number.isFinite(Number(value)) || Number(value) < 0 ? 'Een bedrag van 0 of meer' : null,
      },
    },
    savedMessage: 'Het project is opgeslagen.',
    savedTo: (saved) => `/projecten/${saved.id}`,
  });
  const rijen = f.form.getValues().financiering;

  return (
    <RecordFormPage
      form={f}
      back={loaded && { to: `/projecten/${loaded.data.id}`, label: 'Naar het project' }}
      title={loaded ? `${loaded.data.naam} bewerken` : 'Nieuw project'}
      readOnlyWho="een beheerder, consulent of medewerker"
      deleteWhat={(p) => `het project ${p.naam}`}
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <NameInput {...f.field('naam')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <ChoiceSelect label="Status" labels={PROJECT_STATUS_LABELS} {...f.field('status')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Omschrijving" autosize minRows={2} {...f.field('omschrijving')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <RecordSelect
            label="Portefeuille"
            clearable
            data={optionsOf(portefeuilles.data, (p) => p.naam)}
            placeholder="Geen"
            {...f.field('portefeuilleId')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label="Partner" {...f.field('partner', 'Bijv. een gemeente of zorgaanbieder')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <DateField label="Startdatum" {...f.field('startdatum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 3 }}>
          <DateField label="Einddatum" {...f.field('einddatum')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <AmbitiesSelect {...f.field('ambitieIds')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <MultiSelect
            label="Scholen"
            searchable
            data={optionsOf(alleScholen.data, (s) => s.naam) ?? []}
            {...f.field('schoolIds', 'De scholen die meedoen')}
          />
        </Grid.Col>
      </Grid>
      <Stack gap="xs">
        <Text fw={500} size="sm">
          Financiering
        </Text>
        {rijen.length === 0 && (
          <Text size="sm" c="dimmed">
            Nog geen financiering.
          </Text>
        )}
        {rijen.map((_, i) => (
          <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              label="Bron"
              required
              style={{ flex: 2 }}
              readOnly={f.readOnly}
              {...f.form.getInputProps(`financiering.${i}.bron`)}
            />
            <EuroInput
              label="Bedrag (€)"
              required
              style={{ flex: 1 }}
              readOnly={f.readOnly}
              {...f.form.getInputProps(`financiering.${i}.bedrag`)}
            />
            {!f.readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={4}
                aria-label={`Financieringsregel ${i + 1} verwijderen`}
                onClick={() => f.form.removeListItem('financiering', i)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!f.readOnly && (
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => f.form.insertListItem('financiering', { bron: '', bedrag: 0 })}
            >
              Financiering toevoegen
            </Button>
          </Group>
        )}
      </Stack>
    </RecordFormPage>
  );
}
