import type { Arrangement, ArrangementStatus, BudgetRegel, Telmap } from '../api/types';
import { rijAantal, type Telling } from './cijfers';

/** Where a status may go next (the API's rule: status only moves forward). */
const OVERGANGEN: Record<ArrangementStatus, ArrangementStatus[]> = {
  aangevraagd: ['toegekend', 'afgewezen', 'ingetrokken'],
  toegekend: ['beeindigd'],
  afgewezen: [],
  ingetrokken: [],
  beeindigd: [],
};

/**
 * The statuses a form offers: for a new arrangement `aangevraagd` or `toegekend`; for an existing
 * one its own status and those it may move to (a final status offers only itself).
 */
export function toegestaneStatussen(huidig: ArrangementStatus | null): ArrangementStatus[] {
  if (huidig === null) return ['aangevraagd', 'toegekend'];
  return [huidig, ...OVERGANGEN[huidig]];
}

/** Granted or ended: the arrangement counts against its werkgebied's budget, and may be extended. */
export function telt(status: ArrangementStatus): boolean {
  return status === 'toegekend' || status === 'beeindigd';
}

/** Whether an arrangement may be extended (the API asks a granted or ended one). */
export function kanVerlengen(a: Pick<Arrangement, 'status'>): boolean {
  return telt(a.status);
}

// Dates as `YYYY-MM-DD`, computed in UTC so that no time zone moves a day.
function toDate(datum: string): Date {
  return new Date(`${datum}T00:00:00Z`);
}

function fromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function plusDagen(datum: string, dagen: number): string {
  const d = toDate(datum);
  d.setUTCDate(d.getUTCDate() + dagen);
  return fromDate(d);
}

function laatsteVanMaand(jaar: number, maand0: number): string {
  return fromDate(new Date(Date.UTC(jaar, maand0 + 1, 0)));
}

/** Days from `van` to `tot` (0 when the same day). */
export function dagenTussen(van: string, tot: string): number {
  return Math.round((toDate(tot).getTime() - toDate(van).getTime()) / 86_400_000);
}

/**
 * The period of an extension: from the day after `einddatum`, as long again. A period of whole
 * months (the 1st to the last day of a month) is extended by as many whole months; any other by
 * as many days.
 */
export function verlengPeriode(startdatum: string, einddatum: string): { startdatum: string; einddatum: string } {
  const start = toDate(startdatum);
  const eind = toDate(einddatum);
  const nieuweStart = plusDagen(einddatum, 1);
  const heleMaanden = start.getUTCDate() === 1 && toDate(nieuweStart).getUTCDate() === 1;
  if (heleMaanden) {
    const maanden =
      (eind.getUTCFullYear() - start.getUTCFullYear()) * 12 + eind.getUTCMonth() - start.getUTCMonth() + 1;
    const ns = toDate(nieuweStart);
    return { startdatum: nieuweStart, einddatum: laatsteVanMaand(ns.getUTCFullYear(), ns.getUTCMonth() + maanden - 1) };
  }
  return { startdatum: nieuweStart, einddatum: plusDagen(nieuweStart, dagenTussen(startdatum, einddatum)) };
}

/** What an extension takes over of the arrangement it extends, before the user confirms it. */
export type Verlenging = Pick<
  Arrangement,
  | 'soort'
  | 'leerlingId'
  | 'aantalLeerlingen'
  | 'schoolId'
  | 'verlengingVanId'
  | 'categorie'
  | 'ondersteuningsniveau'
  | 'startdatum'
  | 'einddatum'
  | 'urenPerWeek'
  | 'bedragCent'
  | 'status'
  | 'toegekendOp'
  | 'toelichting'
>;

/**
 * The copy that extends `a`: the same pupil, school, kind, category, level, hours and amount, for
 * the next period, requested (not yet granted). The year group is left to the API (the pupil's
 * current one), and the note starts empty.
 */
export function verlengingVan(a: Arrangement): Verlenging {
  return {
    soort: a.soort,
    leerlingId: a.leerlingId ?? null,
    aantalLeerlingen: a.aantalLeerlingen ?? null,
    schoolId: a.schoolId,
    verlengingVanId: a.id,
    categorie: a.categorie,
    ondersteuningsniveau: a.ondersteuningsniveau,
    ...verlengPeriode(a.startdatum, a.einddatum),
    urenPerWeek: a.urenPerWeek ?? null,
    bedragCent: a.bedragCent,
    status: 'aangevraagd',
    toegekendOp: null,
    toelichting: '',
  };
}

/** The school year a date (`YYYY-MM-DD`) falls in: from 1 August. `2017-03-15` → `2016-2017`. */
export function schooljaarVan(datum: string): string | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(datum);
  if (!m) return null;
  const jaar = Number(m[1]) - (Number(m[2]) < 8 ? 1 : 0);
  return `${jaar}-${jaar + 1}`;
}

/** The first and last day of a school year `2016-2017`. */
export function schooljaarGrenzen(schooljaar: string): { van: string; tot: string } | null {
  const m = /^(\d{4})-(\d{4})$/.exec(schooljaar);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return { van: `${m[1]}-08-01`, tot: `${m[2]}-07-31` };
}

/**
 * School years to choose from, newest first: from the year after `huidig` back to five years
 * before it, and every year in `ook` (years that have data, a year in the URL).
 */
export function schooljaarOpties(huidig: string, ook: readonly string[] = []): string[] {
  const eerste = Number(huidig.slice(0, 4));
  const jaren = new Set<string>();
  for (let y = eerste + 1; y >= eerste - 5; y--) jaren.add(`${y}-${y + 1}`);
  for (const j of ook) if (schooljaarGrenzen(j)) jaren.add(j);
  return [...jaren].sort((a, b) => b.localeCompare(a));
}

/** Euros as typed in a form (a number, or empty) → cents; null when empty or not a number. */
export function naarCent(euros: number | string): number | null {
  if (euros === '') return null;
  const n = typeof euros === 'number' ? euros : Number(euros);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

/** The budget left beside the amount of an arrangement being entered. */
export interface BudgetToets {
  restantCent: number;
  /** What this arrangement adds to the granted amount of the year (its whole amount when new). */
  erbijCent: number;
  /** More than what is left. */
  overschreden: boolean;
}

/**
 * Whether an amount fits the werkgebied's budget. An arrangement that already counts (saved as
 * granted or ended) is in the restant already: then only the increase is weighed.
 */
export function budgetToets(
  restantCent: number,
  bedragCent: number | null,
  alGeteld: { bedragCent: number } | null,
): BudgetToets {
  const erbijCent = Math.max(0, (bedragCent ?? 0) - (alGeteld?.bedragCent ?? 0));
  return { restantCent, erbijCent, overschreden: erbijCent > 0 && erbijCent > restantCent };
}

/** One month of the burn-down chart, in euros. */
export interface GrafiekPunt {
  maand: string;
  Toegekend: number;
  Budget: number;
  Prognose?: number;
}

/**
 * The burn-down chart of a budget row: per month the cumulative granted amount against the
 * budget, and the estimate (the same curve scaled to the year-end prognosis) when the prognosis
 * follows last year; amounts in whole euros.
 */
export function budgetGrafiek(regel: BudgetRegel, label: (maand: string) => string = (m) => m): GrafiekPunt[] {
  const euro = (cent: number) => Math.round(cent / 100);
  const metPrognose = regel.prognoseMethode === 'vorig_jaar' && regel.toegekendCent > 0;
  const factor = metPrognose ? regel.prognoseCent / regel.toegekendCent : 1;
  return regel.perMaand.map((m) => ({
    maand: label(m.maand),
    Toegekend: euro(m.cumulatiefCent),
    Budget: euro(regel.budgetCent),
    ...(metPrognose ? { Prognose: euro(m.cumulatiefCent * factor) } : {}),
  }));
}

/** One line of a table of counts: its key, label and number; `null` where the count is withheld (`<5`). */
export interface Telrij {
  key: string;
  label: string;
  aantal: number | null;
  vorigJaar?: number | null;
  /** `aantal` is a sum over a withheld count: not known (a dash), rather than withheld itself. */
  onbekend?: true;
}

/** Counts by key, in either shape the API sends them (see `Telling`). */
export type Tellingen = Telmap | Record<string, Telling>;

/**
 * The counts of a figure as rows, in the order of `labels` (then any key the API added, by its
 * own name), with last year's count beside them when given. A key the API left out counts 0.
 */
export function telrijen(map: Tellingen, labels: Record<string, string>, vorig?: Tellingen): Telrij[] {
  const keys = [...Object.keys(labels), ...Object.keys(map).filter((k) => !(k in labels))];
  return keys.map((key) => ({
    key,
    label: labels[key] ?? key,
    aantal: rijAantal(map[key]),
    ...(vorig ? { vorigJaar: rijAantal(vorig[key]) } : {}),
  }));
}

/** This year against last: `+12 (+5%)`, `-3 (-10%)`, `gelijk`; the percentage only when last year had any. */
export function verschilTekst(nu: number, vorig: number): string {
  const d = nu - vorig;
  if (d === 0) return 'gelijk';
  const teken = d > 0 ? '+' : '−';
  const getal = new Intl.NumberFormat('nl-NL').format(Math.abs(d));
  return vorig > 0 ? `${teken}${getal} (${teken}${Math.round((Math.abs(d) / vorig) * 100)}%)` : `${teken}${getal}`;
}

/**
 * Share of a whole as a percentage with no decimals: `54%`, `<1%` for a few; empty when the whole
 * is 0, `–` when either count is withheld.
 */
export function aandeel(deel: number | null, geheel: number | null): string {
  if (deel === null || geheel === null) return '–';
  if (geheel === 0) return '';
  const pct = Math.round((deel / geheel) * 100);
  return pct === 0 && deel > 0 ? '<1%' : `${pct}%`;
}
