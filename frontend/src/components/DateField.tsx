import { DateInput, DateTimePicker, type DateInputProps, type DateTimePickerProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { leesDatum } from '../lib/datumInvoer';

const ARIA = {
  previousMonth: 'Vorige maand',
  nextMonth: 'Volgende maand',
  previousYear: 'Vorig jaar',
  nextYear: 'Volgend jaar',
  previousDecade: 'Vorige tien jaar',
  nextDecade: 'Volgende tien jaar',
};

/**
 * The caller's latest onChange: the picker may hold on to the function of an earlier render, and
 * a caller that writes the URL from it (`setSearchParams`) would then lose a change made since.
 */
function useLatest(onChange: ((value: string) => void) | undefined) {
  const ref = useRef(onChange);
  useLayoutEffect(() => {
    ref.current = onChange;
  });
  return useCallback((value: string) => ref.current?.(value), []);
}

/** What both pickers share: the icon, the Dutch calendar and its labels, clearing when optional. */
function gedeeld(props: { required?: boolean; readOnly?: boolean }) {
  return {
    leftSection: <IconCalendar size={16} aria-hidden />,
    leftSectionPointerEvents: 'none' as const,
    clearable: !props.required && !props.readOnly,
    ariaLabels: ARIA,
    clearButtonProps: { 'aria-label': 'Leegmaken' },
    locale: 'nl',
  };
}

type Common = {
  /** `YYYY-MM-DD` (a date) or `YYYY-MM-DDTHH:mm` (a date and time); empty for none. */
  value?: string | null;
  /** Called with the value as above, or '' when cleared. */
  onChange?: (value: string) => void;
  /** The earliest and latest day that can be chosen, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
};

/**
 * A date, picked from a Dutch calendar (Monday first, "15 september 2026") or typed as
 * 15-09-2026. The value stays as the API writes it: `2026-09-15`, or '' when empty.
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'defaultValue'> & Common) {
  const change = useLatest(onChange);
  return (
    <DateInput
      valueFormat="DD-MM-YYYY"
      placeholder="dd-mm-jjjj"
      dateParser={(text) => leesDatum(text)}
      {...gedeeld(props)}
      value={value ? value : null}
      onChange={(v) => change(v ?? '')}
      minDate={min || undefined}
      maxDate={max || undefined}
      {...props}
    />
  );
}

/**
 * A date and time in the same Dutch calendar, shown as 15-09-2026 14:30. The value is written as
 * a browser's date-time field writes it: `2026-09-15T14:30`, or '' when empty.
 */
export function DateTimeField({
  value,
  onChange,
  min,
  max,
  ...props
}: Omit<DateTimePickerProps, 'value' | 'onChange' | 'minDate' | 'maxDate' | 'defaultValue'> & Common) {
  const change = useLatest(onChange);
  return (
    <DateTimePicker
      valueFormat="DD-MM-YYYY HH:mm"
      placeholder="dd-mm-jjjj uu:mm"
      {...gedeeld(props)}
      value={value ? `${value.replace('T', ' ').slice(0, 16)}:00` : null}
      onChange={(v) => change(v ? v.slice(0, 16).replace(' ', 'T') : '')}
      minDate={min || undefined}
      maxDate={max || undefined}
      submitButtonProps={{ 'aria-label': 'Kiezen' }}
      {...props}
    />
  );
}
