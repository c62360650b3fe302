import type { Bijeenkomst, BijeenkomstStatus } from '../api/types';

/**
 * Statuses that follow the clock. A meeting stays `gepland` in the API until someone records
 * attendance; once its end has passed it is no longer something to plan for. School years run
 * from 1 August to 31 July, in Dutch time whatever the device's time zone.
 */
const ZONE = 'Europe/Amsterdam';

const DATUM = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Dutch calendar date of a moment: `2026-07-31T22:30:00Z` → `2026-08-01`. */
export function datumNl(now: Date): string {
  return DATUM.format(now);
}

/** The school year of a moment in Dutch time: 31 July → the year that ends, 1 August → the new one. */
export function schooljaarNl(now: Date): string {
  const datum = datumNl(now);
  const jaar = Number(datum.slice(0, 4));
  const start = datum.slice(5) >= '08-01' ? jaar : jaar - 1;
  return `${start}-${start + 1}`;
}

/** Where a meeting stands in time: still to come, under way, or over (its end is at or before now). */
export type Fase = 'komend' | 'bezig' | 'afgelopen';

export function faseVan(b: Pick<Bijeenkomst, 'start' | 'eind'>, now: Date): Fase {
  const t = now.getTime();
  const eind = new Date(b.eind).getTime();
  if (!Number.isNaN(eind) && eind <= t) return 'afgelopen';
  const start = new Date(b.start).getTime();
  return !Number.isNaN(start) && start <= t ? 'bezig' : 'komend';
}

/** The status as the user sees it: a planned meeting that is over asks for its attendance. */
export type ToonStatus = BijeenkomstStatus | 'afgelopen' | 'gehouden' | 'bezig';

export function toonStatus(
  b: Pick<Bijeenkomst, 'status' | 'start' | 'eind' | 'aantalAanwezig'>,
  now: Date,
): ToonStatus {
  if (b.status !== 'gepland') return b.status;
  const fase = faseVan(b, now);
  if (fase === 'afgelopen') return b.aantalAanwezig > 0 ? 'gehouden' : 'afgelopen';
  return fase === 'bezig' ? 'bezig' : 'gepland';
}

export const TOON_STATUS_LABELS: Record<ToonStatus, string> = {
  gepland: 'Gepland',
  bezig: 'Nu bezig',
  afgelopen: 'Afgelopen — aanwezigheid invullen',
  gehouden: 'Gehouden',
  doorgegaan: 'Gehouden',
  geannuleerd: 'Geannuleerd',
};

export const TOON_STATUS_COLORS: Record<ToonStatus, string> = {
  gepland: 'koers',
  bezig: 'koers',
  afgelopen: 'orange',
  gehouden: 'green',
  doorgegaan: 'green',
  geannuleerd: 'red',
};

/** Whether a meeting still takes new registrations, messages or a cancellation: not once it is over or cancelled. */
export function nogTePlannen(b: Pick<Bijeenkomst, 'status' | 'start' | 'eind'>, now: Date): boolean {
  return b.status === 'gepland' && faseVan(b, now) !== 'afgelopen';
}

/** Whether turnout figures mean anything yet: only once the meeting has started (or attendance was recorded). */
export function heeftOpkomst(b: Pick<Bijeenkomst, 'status' | 'start' | 'eind'>, now: Date): boolean {
  return b.status === 'doorgegaan' || (b.status !== 'geannuleerd' && faseVan(b, now) !== 'komend');
}

/** A project past its end date (the end date itself still counts as running), unless it is finished or stopped. */
export function projectVerlopen(p: { einddatum?: string | null; status: string }, now: Date): boolean {
  if (!p.einddatum || p.status === 'afgerond' || p.status === 'gestopt') return false;
  return p.einddatum < datumNl(now);
}

/** The status of a project as shown: "Lopend — verlopen" once its end date has passed and it is not closed. */
export function projectStatusTekst(p: { einddatum?: string | null; status: string }, label: string, now: Date): string {
  return projectVerlopen(p, now) ? `${label} — verlopen` : label;
}
