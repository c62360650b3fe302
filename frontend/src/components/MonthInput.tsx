import { MonthPickerInput, type MonthPickerInputProps } from '@mantine/dates';

/**
 * A month, kept as the API writes it (`2015-03`), picked from a calendar of months and shown as
 * "maart 2015". `value` and `onChange` speak `YYYY-MM`; `min` and `max` too.
 */
export function MonthInput({
  value,
  onChange,
  min,
  max,
  ...props
}: Omit<MonthPickerInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate'> & {
  value?: string | null;
  onChange?: (value: string | null) => void;
  min?: string;
  max?: string;
}) {
  const day = (month: string | undefined) => (month ? `${month}-01` : undefined);
  return (
    <MonthPickerInput
      valueFormat="MMMM YYYY"
      ariaLabels={{
        previousYear: 'Vorig jaar',
        nextYear: 'Volgend jaar',
        previousDecade: 'Vorige tien jaar',
        nextDecade: 'Volgende tien jaar',
      }}
      value={day(value ?? undefined) ?? null}
      onChange={(date) => onChange?.(date ? date.slice(0, 7) : null)}
      minDate={day(min)}
      maxDate={day(max)}
      {...props}
    />
  );
}
