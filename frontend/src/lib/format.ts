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

const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** A month `2015-03` (a month of birth) → `mrt 2015`. */
export function formatMaand(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? '');
  const maand = match ? MAANDEN[Number(match[2]) - 1] : undefined;
  return match && maand ? `${maand} ${match[1]}` : '';
}

/** A date `2022-12-15` → `15 dec` (a peildatum on a chart's axis, where the year is the series). */
export function formatDagMaand(value: string | null | undefined): string {
  const match = /^\d{4}-(\d{2})-(\d{2})$/.exec(value ?? '');
  const maand = match ? MAANDEN[Number(match[1]) - 1] : undefined;
  return match && maand ? `${Number(match[2])} ${maand}` : '';
}

/**
 * The age in whole years of someone born in month `geboortemaand` (`2015-03`) in month `huidig`:
 * counted by month, as the day of birth is not kept (born in March: a year older from March on).
 */
export function leeftijd(geboortemaand: string, huidig: string): number | null {
  const born = /^(\d{4})-(\d{2})$/.exec(geboortemaand);
  const now = /^(\d{4})-(\d{2})/.exec(huidig);
  if (!born || !now) return null;
  const months = (Number(now[1]) - Number(born[1])) * 12 + Number(now[2]) - Number(born[2]);
  return months < 0 ? null : Math.floor(months / 12);
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

const euroFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** Euro cents → whole euros, `€ 1.881.428` (for budgets and totals, where cents only clutter). */
export function formatEuro(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  // Half a euro rounds away from zero, for a shortfall as for a surplus.
  const euros = Math.round(Math.abs(cents) / 100);
  return `${cents < 0 && euros > 0 ? '-' : ''}€ ${euroFormat.format(euros)}`;
}

/** Whole euros on a chart's axis: `€ 1,9 mln`, `€ 250.000`. */
export function formatEuroKort(euros: number): string {
  const abs = Math.abs(euros);
  const teken = euros < 0 ? '-' : '';
  if (abs >= 1_000_000) {
    const mln = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(abs / 1_000_000);
    return `${teken}€ ${mln} mln`;
  }
  return `${teken}€ ${euroFormat.format(abs)}`;
}

/** `69.8` → `69,8%`; empty for null. */
export function formatPercentage(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '';
  return `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}%`;
}

/** A number with one decimal, `3,4`; a dash for null. */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** `1 minuut`, `3 minuten`: the wait Retry-After (seconds) asks for, rounded up. */
export function formatWaitMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

/** The singular of the plural nouns the lists speak of ("1 client", not "1 clients"). */
const ENKELVOUD: Record<string, string> = {
  activiteiten: 'activiteit',
  activiteitenplannen: 'activiteitenplan',
  aanmeldingen: 'aanmelding',
  arrangementen: 'arrangement',
  auditregels: 'auditregel',
  bijeenkomsten: 'bijeenkomst',
  budgetten: 'budget',
  clients: 'client',
  contacten: 'contact',
  dossiers: 'dossier',
  gebruikers: 'gebruiker',
  gemeenten: 'gemeente',
  kengetallen: 'kengetal',
  leerlingen: 'leerling',
  mails: 'mail',
  "MDO's": 'MDO',
  ondersteuningsplannen: 'ondersteuningsplan',
  portefeuilles: 'portefeuille',
  projecten: 'project',
  samenwerkingsverbanden: 'samenwerkingsverband',
  scholen: 'school',
  schoolbesturen: 'schoolbestuur',
  schoolcontacten: 'schoolcontact',
  taken: 'taak',
  "TLV's": 'TLV',
  'TLV-aanvragen': 'TLV-aanvraag',
  werkgebieden: 'werkgebied',
};

/** `n` with the noun in the right number: "1 school", "3 scholen" (`noun` is the plural). */
export function aantalMet(n: number, noun: string): string {
  return `${formatNumber(n)} ${n === 1 ? (ENKELVOUD[noun] ?? noun) : noun}`;
}
