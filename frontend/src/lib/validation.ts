/** Client-side checks that mirror the API's rules, with the same Dutch wording where it helps. */

import type { Sector } from '../api/types';

export const BRIN = /^[0-9]{2}[A-Z]{2}([0-9]{2})?$/;
export const BEVOEGD_GEZAG_NUMMER = /^[0-9]{5}$/;
export const CBS_CODE = /^[0-9]{4}$/;
export const SWV_CODE = /^(PO|VO)[0-9]{4}$/;
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_NAME_LENGTH = 200;
// Deliberately loose: the server has the last word; this catches typos such as a missing @.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Check<T> = (value: T) => string | null;

export const required =
  (label: string): Check<unknown> =>
  (value) => {
    if (value === null || value === undefined) return `${label} is verplicht`;
    if (typeof value === 'string' && value.trim() === '') return `${label} is verplicht`;
    if (Array.isArray(value) && value.length === 0) return `Kies minstens één ${label.toLowerCase()}`;
    return null;
  };

export const name =
  (label = 'Naam'): Check<string> =>
  (value) => {
    if (value.trim() === '') return `${label} is verplicht`;
    if (value.length > MAX_NAME_LENGTH) return `${label} mag hoogstens ${MAX_NAME_LENGTH} tekens lang zijn`;
    return null;
  };

export const brin: Check<string> = (value) => {
  if (value.trim() === '') return 'BRIN is verplicht';
  return BRIN.test(value)
    ? null
    : 'BRIN: 2 cijfers en 2 hoofdletters, eventueel gevolgd door 2 cijfers (bijv. 12AB of 12AB00)';
};

export const bevoegdGezagNummer: Check<string> = (value) => {
  if (value.trim() === '') return 'Bevoegd-gezagnummer is verplicht';
  return BEVOEGD_GEZAG_NUMMER.test(value) ? null : 'Bevoegd-gezagnummer: precies 5 cijfers (bijv. 41590)';
};

export const cbsCode: Check<string> = (value) => {
  if (value.trim() === '') return 'CBS-code is verplicht';
  return CBS_CODE.test(value) ? null : 'CBS-code: precies 4 cijfers (bijv. 0392 voor Haarlem)';
};

/** The code of an SWV: PO or VO and 4 digits, with the prefix of its sector. */
export function swvCode(value: string, sector: string | null): string | null {
  if (value.trim() === '') return 'Code is verplicht';
  if (!SWV_CODE.test(value)) return 'Code: PO of VO gevolgd door 4 cijfers (bijv. PO2703)';
  if (sector && !value.startsWith(sector.toUpperCase())) {
    return `De code van een ${sector.toUpperCase()}-samenwerkingsverband begint met ${sector.toUpperCase()}`;
  }
  return null;
}

export const email: Check<string> = (value) => {
  if (value.trim() === '') return 'E-mailadres is verplicht';
  if (value.length > 254) return 'E-mailadres is te lang';
  return EMAIL.test(value.trim()) ? null : 'Dit is geen geldig e-mailadres';
};

/** A new password; `optional` when changing a user (empty keeps the current one). */
export function password(value: string, optional: boolean): string | null {
  if (value === '') return optional ? null : 'Wachtwoord is verplicht';
  if (value.length < MIN_PASSWORD_LENGTH) return `Wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn`;
  if (value.length > 256) return 'Wachtwoord mag hoogstens 256 tekens lang zijn';
  return null;
}

export const leerlingaantal: Check<number | string | null> = (value) => {
  if (value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100000) return 'Leerlingaantal: een heel getal van 0 tot 100.000';
  return null;
};

/** Years after a pupil's last closed record before Koers anonymises it: the API's range 1-10. */
export const bewaartermijn: Check<number | string> = (value) => {
  if (value === '') return 'Bewaartermijn is verplicht';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10) return 'Bewaartermijn: een heel aantal jaren van 1 tot 10';
  return null;
};

export const beslistermijn: Check<number | string> = (value) => {
  if (value === '') return 'Beslistermijn is verplicht';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 42) return 'Beslistermijn: een heel aantal dagen van 1 tot 42';
  return null;
};

/** The contacts a school should have in a school year at least: the API's range 0-52. */
export const minimumSchoolcontacten: Check<number | string> = (value) => {
  if (value === '') return 'Minimum schoolcontacten is verplicht (0 als er geen minimum is)';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 52) return 'Minimum schoolcontacten: een heel aantal van 0 tot 52 per jaar';
  return null;
};

/** Days of the year as `MM-DD` (29 February included), as the API accepts them. */
const PEILDAG = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const DAGEN_IN_MAAND = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const peildata: Check<string[]> = (value) => {
  if (value.length === 0) return 'Peildata: ten minste één dag';
  if (value.length > 12) return 'Peildata: ten hoogste twaalf dagen';
  for (const dag of value) {
    const m = PEILDAG.exec(dag);
    if (!m || Number(m[2]) > (DAGEN_IN_MAAND[Number(m[1]) - 1] ?? 0)) {
      return `Peildata: '${dag}' is geen dag in de vorm MM-DD (bijv. 03-15)`;
    }
  }
  if (new Set(value).size !== value.length) return 'Peildata: elke dag één keer';
  return null;
};

export const MAX_REFERENTIE_LENGTH = 40;
export const GEBOORTEMAAND = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
/** Pupils are at most 25: a month of birth may lie at most this many months back. */
const MAX_AGE_MONTHS = 25 * 12;
// The characters that turn the writing direction, which no text field may carry (as the API).
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Whether a text is a BSN by the eleven-test, as the API judges it (`rules::is_bsn`): after
 * removing spaces, dots and hyphens, 8 or 9 digits d1..d9 (left-padded with a zero) with
 * 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11.
 */
export function isBsn(value: string): boolean {
  const digits = value.replace(/[ .-]/g, '');
  if (!/^[0-9]{8,9}$/.test(digits)) return false;
  const padded = digits.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(padded[i]);
    sum += i === 8 ? -d : (9 - i) * d;
  }
  return ((sum % 11) + 11) % 11 === 0;
}

/** The SWV's own pseudonymous key of a pupil: 1-40 characters on one line, no spaces around it, never a BSN. */
export const referentie: Check<string> = (value) => {
  if (value.trim() === '') return 'Referentie is verplicht';
  // Counted in characters (code points), as the API counts them.
  if (Array.from(value).length > MAX_REFERENTIE_LENGTH) {
    return `Referentie mag hoogstens ${MAX_REFERENTIE_LENGTH} tekens lang zijn`;
  }
  if (/[\r\n]/.test(value)) return 'Referentie moet op één regel staan';
  if (BIDI.test(value)) return 'Referentie bevat niet-toegestane tekens die de tekstrichting omkeren';
  if (value.trim() !== value) return 'Referentie mag niet met een spatie beginnen of eindigen';
  if (isBsn(value)) return 'Dit lijkt een BSN; gebruik de referentie van het samenwerkingsverband';
  return null;
};

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The months of birth the API accepts in month `huidig` (`YYYY-MM`): from 25 years back to this month. */
export function geboortemaandBereik(huidig: string): { van: string; tot: string } {
  const van = monthIndex(huidig) - MAX_AGE_MONTHS;
  const jaar = Math.floor(van / 12);
  return { van: `${jaar}-${String((van % 12) + 1).padStart(2, '0')}`, tot: huidig.slice(0, 7) };
}

/** A month of birth `YYYY-MM`, judged in month `huidig` (the current month in the Netherlands). */
export function geboortemaand(value: string | null, huidig: string): string | null {
  if (value === null || value === '') return 'Geboortemaand is verplicht';
  if (!GEBOORTEMAAND.test(value)) return 'Geboortemaand: een maand als 2015-03';
  const { van, tot } = geboortemaandBereik(huidig);
  if (value > tot) return 'Geboortemaand ligt in de toekomst';
  if (value < van) return 'Geboortemaand ligt meer dan 25 jaar terug';
  return null;
}

/** The year groups of the SWV's sector: groep 1-8 in po, leerjaar 1-6 in vo (the API's rule). */
export function leerjaarBereik(sector: Sector | null | undefined): number {
  return sector === 'vo' ? 6 : 8;
}

/** A pupil's year group: empty (unknown), or within the range of the SWV's sector. */
export function leerjaar(value: number | string | null, sector: Sector | null | undefined): string | null {
  if (value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  const max = leerjaarBereik(sector);
  if (Number.isInteger(n) && n >= 1 && n <= max) return null;
  if (sector === 'po') return 'Groep: 1 tot en met 8 (primair onderwijs)';
  if (sector === 'vo') return 'Leerjaar: 1 tot en met 6 (voortgezet onderwijs)';
  return `Leerjaar: 1 tot en met ${max}`;
}
