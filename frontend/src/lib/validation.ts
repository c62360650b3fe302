/** Client-side checks that mirror the API's rules, with the same Dutch wording where it helps. */

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
