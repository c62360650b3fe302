import { Checkbox, Grid, Select } from '@mantine/core';
import type { Perspectief, Scenario, ThuiszitterCategorie } from '../../api/types';
import { ChoiceSelect, OptionalSelect } from '../../components/fields';
import { options, PERSPECTIEF_LABELS, SCENARIO_LABELS, THUISZITTER_CATEGORIE_KEUZES } from '../../lib/labels';
import { isLeerplicht } from '../../lib/thuiszitters';

/** What a form says of a situation: the case's first one, or a new one from a date. */
export interface SituatieWaarden extends Record<string, unknown> {
  categorie: ThuiszitterCategorie | null;
  scenario: Scenario | null;
  screening5a: boolean;
  perspectief: Perspectief | null;
}

export const SITUATIE_LABELS = {
  categorie: 'Situatie',
  scenario: 'Scenario',
  screening5a: '5a-screening gestart',
  perspectief: 'Perspectief',
};

/** Scenario only with dreigend (the API refuses it otherwise), and required there. */
export function scenarioFout(scenario: Scenario | null, waarden: { categorie: ThuiszitterCategorie | null }) {
  return waarden.categorie === 'dreigend' && !scenario
    ? 'Kies het scenario: dat is verplicht bij een dreigende thuiszitter'
    : null;
}

/** The body's situation fields: a scenario only at risk, a 5a screening only for a leerplicht case. */
export function situatieInvoer(w: SituatieWaarden) {
  return {
    // Required fields are checked before this is called.
    categorie: w.categorie as ThuiszitterCategorie,
    scenario: w.categorie === 'dreigend' ? w.scenario : null,
    screening5a: isLeerplicht(w.categorie) && w.screening5a,
    perspectief: w.perspectief,
  };
}

type Veld = (name: keyof SituatieWaarden & string, description?: string, type?: 'checkbox') => object;

/**
 * The fields of a situation: the category (leerplicht, or at risk), the scenario of a pupil at
 * risk, whether a 5a screening started (leerplicht only) and the perspective.
 */
export function SituatieVelden({
  field,
  categorie,
  onCategorie,
  readOnly = false,
}: {
  field: Veld;
  categorie: ThuiszitterCategorie | null;
  onCategorie: (categorie: ThuiszitterCategorie | null) => void;
  readOnly?: boolean;
}) {
  return (
    <>
      <Grid.Col span={12}>
        <ChoiceSelect
          label="Situatie"
          labels={THUISZITTER_CATEGORIE_KEUZES}
          placeholder="Kies de situatie"
          {...field('categorie', 'De categorie zoals leerplicht die telt; een dreigende thuiszitter telt apart')}
          onChange={(value) => onCategorie(value as ThuiszitterCategorie | null)}
        />
      </Grid.Col>
      {categorie === 'dreigend' && (
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            label="Scenario"
            required
            allowDeselect={false}
            placeholder="Kies het scenario"
            data={options(SCENARIO_LABELS)}
            comboboxProps={{ withinPortal: true }}
            {...field('scenario')}
          />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <OptionalSelect
          label="Perspectief"
          placeholder="Nog geen perspectief"
          searchable={false}
          data={options(PERSPECTIEF_LABELS)}
          {...field('perspectief', 'Waar de leerling naartoe gaat, zover bekend')}
        />
      </Grid.Col>
      {isLeerplicht(categorie) && (
        <Grid.Col span={12}>
          <Checkbox
            label="Een screening voor vrijstelling 5a met het samenwerkingsverband is gestart"
            {...field('screening5a', undefined, 'checkbox')}
            disabled={readOnly}
          />
        </Grid.Col>
      )}
    </>
  );
}
