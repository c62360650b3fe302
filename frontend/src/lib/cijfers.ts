import type { Aantal } from '../api/types';

/**
 * A count of children in the figures of the pupil areas. Staff get a plain number; a lezer gets the
 * same answer with every count as an `Aantal` (`{waarde: n}`, or `{waarde: null, onderdrukt: true}`
 * for 1 to 4 and for what could be derived from the cells shown). The generated types know only the
 * staff shape, so every count is read through `waarde` or `alsAantal`.
 */
export type Telling = number | Aantal;

/** Whether a count was withheld from the caller. */
export function isOnderdrukt(t: Telling | null | undefined): boolean {
  return typeof t === 'object' && t !== null && t.onderdrukt === true;
}

/** The number of a count in either shape; null when it was withheld or not sent. */
export function waarde(t: Telling | null | undefined): number | null {
  if (typeof t === 'number') return Number.isFinite(t) ? t : null;
  if (t === null || t === undefined || t.onderdrukt === true) return null;
  return typeof t.waarde === 'number' ? t.waarde : null;
}

/**
 * A count in either shape as an `Aantal` (what the suppressed cell of the monitors shows): a number
 * stays a number, a withheld count stays withheld, anything else has no value (a dash).
 */
export function alsAantal(t: Telling | null | undefined): Aantal {
  if (isOnderdrukt(t)) return { waarde: null, onderdrukt: true };
  return { waarde: waarde(t) };
}

/** A count known to be a number or withheld (`null`), as the tables of counts keep it. */
export function rijAantal(t: Telling | null | undefined): number | null {
  return isOnderdrukt(t) ? null : (waarde(t) ?? 0);
}

/**
 * Whether an answer withholds anything, anywhere in it: then the page explains `<5` and that the
 * charts leave those counts out.
 */
export function heeftOnderdrukt(antwoord: unknown): boolean {
  if (Array.isArray(antwoord)) return antwoord.some(heeftOnderdrukt);
  if (typeof antwoord !== 'object' || antwoord === null) return false;
  if ((antwoord as { onderdrukt?: unknown }).onderdrukt === true) return true;
  return Object.values(antwoord).some(heeftOnderdrukt);
}

/** Whether every count given is exactly zero (a withheld count is 1 or more, or unknown). */
export function allesNul(...tellingen: (Telling | null | undefined)[]): boolean {
  return tellingen.every((t) => waarde(t) === 0);
}

/** A row's count (`null`: withheld) back as a `Telling`, for the suppressed cell. */
export function alsTelling(n: number | null): Telling {
  return n === null ? { waarde: null, onderdrukt: true } : n;
}

/** The sum of counts, or null when one of them is withheld (then the sum is not known). */
export function som(tellingen: (number | null)[]): number | null {
  return tellingen.some((t) => t === null) ? null : tellingen.reduce<number>((n, t) => n + (t ?? 0), 0);
}
