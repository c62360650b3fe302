import { MultiSelect, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { RecordSelect } from '../../components/fields';
import { optionsOf, useAlleAmbities, useOndersteuningsplannen } from './hooks';

/** The ondersteuningsplan an ambitie or an activiteitenplan belongs to. */
export function OndersteuningsplanSelect(props: Omit<SelectProps, 'data'>) {
  const plannen = useOndersteuningsplannen();
  return (
    <RecordSelect
      label="Ondersteuningsplan"
      required
      allowDeselect={false}
      data={optionsOf(plannen.data, (p) => `${p.titel} (${p.vanJaar}-${p.totJaar})`)}
      placeholder="Kies een plan"
      {...props}
    />
  );
}

/** The ambities of the SWV a portefeuille or project contributes to. */
export function AmbitiesSelect(props: Omit<MultiSelectProps, 'data'>) {
  const alleAmbities = useAlleAmbities();
  return (
    <MultiSelect
      label="Ambities"
      searchable
      data={optionsOf(alleAmbities.data, (a) => `${a.nummer}. ${a.titel}`) ?? []}
      {...props}
    />
  );
}
