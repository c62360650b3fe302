import {
  NumberInput,
  Select,
  TextInput,
  type ComboboxItem,
  type NumberInputProps,
  type SelectProps,
  type TextInputProps,
} from '@mantine/core';
import { options } from '../lib/labels';

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

/** A required code of digits (a CBS-code, a bevoegd-gezagnummer): text, so that leading zeros stay. */
export function CodeInput(props: TextInputProps) {
  return <TextInput required inputMode="numeric" autoComplete="off" {...props} />;
}
