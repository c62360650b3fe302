import {
  NumberInput,
  Select,
  Textarea,
  TextInput,
  type ComboboxItem,
  type NumberInputProps,
  type SelectProps,
  type TextareaProps,
  type TextInputProps,
} from '@mantine/core';
import { options } from '../lib/labels';
import { MAX_NAME_LENGTH } from '../lib/validation';

/** A required choice among labelled values (a kind, a status): there is no empty choice. */
export function ChoiceSelect<K extends string>({
  labels,
  ...props
}: Omit<SelectProps, 'data'> & { labels: Record<K, string> }) {
  return <Select required allowDeselect={false} data={options(labels)} {...props} />;
}

/** A select among records that are still being read while `data` is undefined. */
export function RecordSelect({
  data,
  placeholder,
  ...props
}: Omit<SelectProps, 'data'> & { data: ComboboxItem[] | undefined }) {
  return <Select data={data ?? []} placeholder={data ? placeholder : 'Laden…'} {...props} />;
}

/** A whole number of zero or more. */
export function CountInput(props: NumberInputProps) {
  return <NumberInput allowDecimal={false} allowNegative={false} {...props} />;
}

/** An amount in euros, Dutch style (€ 1.234,50), of zero or more. */
export function EuroInput(props: NumberInputProps) {
  return (
    <NumberInput
      min={0}
      allowNegative={false}
      decimalScale={2}
      decimalSeparator=","
      thousandSeparator="."
      prefix="€ "
      {...props}
    />
  );
}

/** A required code of digits (a CBS-code, a bevoegd-gezagnummer): text, so that leading zeros stay. */
export function CodeInput(props: TextInputProps) {
  return <TextInput required inputMode="numeric" autoComplete="off" {...props} />;
}

/** The required name of a record, as long as the API allows. */
export function NameInput(props: TextInputProps) {
  return <TextInput label="Naam" required maxLength={MAX_NAME_LENGTH} {...props} />;
}

/** Text of a few lines or more (an omschrijving, a jaarplan): the box grows with what is typed. */
export function LongText(props: TextareaProps) {
  return <Textarea autosize minRows={3} {...props} />;
}

/**
 * A required choice of one record by its name (a gemeente, a schoolbestuur), searchable: the
 * placeholder and the message for a search without result name what is chosen, after `label`.
 */
export function LookupSelect({
  label,
  ...props
}: Omit<SelectProps, 'data'> & { label: string; data: ComboboxItem[] | undefined }) {
  const noun = label.toLowerCase();
  return (
    <RecordSelect
      label={label}
      required
      searchable
      nothingFoundMessage={`Geen ${noun} met deze naam`}
      placeholder={`Kies een ${noun}`}
      {...props}
    />
  );
}

/** A choice that may stay empty (the placeholder says what empty means), searchable unless told otherwise. */
export function OptionalSelect({ data, ...props }: Omit<SelectProps, 'data'> & { data: ComboboxItem[] | undefined }) {
  return <Select clearable searchable data={data ?? []} {...props} />;
}
