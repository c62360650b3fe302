import dayjs from 'dayjs';
import 'dayjs/locale/nl';

dayjs.locale('nl');

const numberFormat = new Intl.NumberFormat('nl-NL');

/** `2026-09-15` or an RFC 3339 timestamp → `15-09-2026` (local time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD-MM-YYYY') : '';
}

/** An RFC 3339 timestamp → `15-09-2026 10:30` (local time). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format('DD-MM-YYYY HH:mm') : '';
}

/** 1881428 → `1.881.428`. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : numberFormat.format(value);
}

/** Euro cents → `€ 1.881.428` (whole euros) or `€ 12,50`. */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const euros = cents / 100;
  const digits = Number.isInteger(euros) ? 0 : 2;
  const text = new Intl.NumberFormat('nl-NL', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(euros));
  return `${euros < 0 ? '-' : ''}€ ${text}`;
}

/** `1 minuut`, `3 minuten`: the wait Retry-After (seconds) asks for, rounded up. */
export function formatWaitMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}
