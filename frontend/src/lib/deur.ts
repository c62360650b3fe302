/**
 * The presence screen at the door: when to fetch a new self check-in code, and how often the list
 * is read again so that self check-ins and other tablets show up without a reload.
 */

/** A new code this often (the API's codes work a quarter of an hour). */
export const CODE_VERNIEUWEN_MS = 5 * 60_000;
/** Never later than this before a code expires. */
export const CODE_MARGE_MS = 2 * 60_000;
/** Never sooner than this after a fetch (no loop when a code is nearly spent). */
export const CODE_MIN_MS = 15_000;
/** The registrations are read again this often. */
export const LIJST_POLL_MS = 10_000;

/**
 * Milliseconds until the next code, counted from a fetch that answered `geldigTot` at `nu`:
 * every five minutes, and earlier when the code would otherwise expire first. A device clock
 * that says the code has already expired is wrong (it was just issued): then the fixed rhythm
 * applies rather than fetching again and again.
 */
export function codeVernieuwenNa(geldigTot: string | undefined, nu: number): number {
  if (!geldigTot) return CODE_VERNIEUWEN_MS;
  const tot = Date.parse(geldigTot);
  if (!Number.isFinite(tot)) return CODE_VERNIEUWEN_MS;
  const rest = tot - nu - CODE_MARGE_MS;
  if (rest <= 0) return CODE_VERNIEUWEN_MS;
  return Math.min(CODE_VERNIEUWEN_MS, Math.max(CODE_MIN_MS, rest));
}

/**
 * Whether the list is read again now: not while a tap is on its way (a read started before the
 * server saved it would undo the tap on screen for a moment), nor when the screen is not open.
 */
export function lijstPollen(open: boolean, bezig: number): number | false {
  return open && bezig === 0 ? LIJST_POLL_MS : false;
}

/** The path of the public check-in page within this app, from the `url` the API answers. */
export function incheckPad(url: string): string {
  try {
    return new URL(url, 'http://koers.invalid').pathname;
  } catch {
    return url;
  }
}

/** Where a walk-in's address already is: the registration to mark present instead. */
export type Bestaand =
  | { soort: 'aangemeld'; id: string; naam: string; aanwezig: boolean }
  | { soort: 'wachtlijst'; id: string; naam: string }
  | { soort: 'onbekend' };

/** The registration (not cancelled) among `items` with this e-mail address, case-insensitively. */
export function bestaandeAanmelding(
  items: { id: string; naam: string; email: string; status: string; aanwezig?: boolean | null }[],
  email: string,
): Bestaand {
  const sleutel = email.trim().toLocaleLowerCase('nl-NL');
  const a = items.find((i) => i.status !== 'afgemeld' && i.email.trim().toLocaleLowerCase('nl-NL') === sleutel);
  if (!a) return { soort: 'onbekend' };
  if (a.status === 'wachtlijst') return { soort: 'wachtlijst', id: a.id, naam: a.naam };
  return { soort: 'aangemeld', id: a.id, naam: a.naam, aanwezig: a.aanwezig === true };
}
