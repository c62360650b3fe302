import type {
  LeerplichtCategorie,
  Scenario,
  Thuiszitter,
  ThuiszitterCategorie,
  ThuiszitterCijfers,
  ThuiszitterStatistieken,
  ThuiszitterTelling,
  Verloop,
} from '../api/types';
import { dagenTussen } from './arrangementen';
import type { Telrij } from './arrangementen';
import { rijAantal } from './cijfers';
import { formatDagMaand, formatDate } from './format';
import { PERSPECTIEF_LABELS, SCENARIO_KORT, THUISZITTER_CATEGORIE_LABELS } from './labels';

/** The leerplicht categories in the order of the Inspectie's return. */
export const LEERPLICHT_CATEGORIEEN: LeerplichtCategorie[] = [
  'relatief_verzuim',
  'langdurig_relatief_verzuim',
  'absoluut_verzuim',
  'vrijstelling_5a',
  'vrijstelling_5b',
  'vrijstelling_5c',
  'langdurig_ziek',
];

export const SCENARIOS: Scenario[] = ['a', 'b', 'c', 'd', 'combinatie'];

/** A leerplicht category (counted for the Inspectie), not a pupil at risk. */
export function isLeerplicht(categorie: ThuiszitterCategorie | null | undefined): boolean {
  return categorie !== null && categorie !== undefined && categorie !== 'dreigend';
}

/** A situation in a few words: "Absoluut verzuim", "Dreigend, scenario B". */
export function situatieTekst(v: Pick<Verloop, 'categorie' | 'scenario'>): string {
  if (v.categorie !== 'dreigend') return THUISZITTER_CATEGORIE_LABELS[v.categorie];
  if (!v.scenario) return THUISZITTER_CATEGORIE_LABELS.dreigend;
  return v.scenario === 'combinatie'
    ? 'Dreigend, combinatie van scenario’s'
    : `Dreigend, scenario ${SCENARIO_KORT[v.scenario]}`;
}

/** The perspective of a situation in words; "Geen perspectief vastgelegd" when none was recorded. */
export function perspectiefTekst(v: Pick<Verloop, 'perspectief'> | null | undefined): string {
  return v?.perspectief ? PERSPECTIEF_LABELS[v.perspectief] : 'Geen perspectief vastgelegd';
}

/** Whole weeks at home from `thuisSinds` up to `tot`; null when the pupil was not at home by then. */
export function wekenThuis(thuisSinds: string | null | undefined, tot: string): number | null {
  if (!thuisSinds || thuisSinds > tot) return null;
  return Math.floor(dagenTussen(thuisSinds, tot) / 7);
}

/** "minder dan een week", "1 week", "12 weken". */
export function wekenTekst(weken: number): string {
  if (weken === 0) return 'minder dan een week';
  return weken === 1 ? '1 week' : `${weken} weken`;
}

/**
 * How long a case's pupil is at home, as the board says it: "dreigend" while at risk (not at home
 * yet, or partly back), else the weeks since `thuisSinds`. Null for a case that does not run today.
 */
export function thuisTekst(t: Pick<Thuiszitter, 'actueel' | 'thuisSinds'>, vandaag: string): string | null {
  if (!t.actueel) return null;
  if (t.actueel.categorie === 'dreigend') return 'dreigend';
  const weken = wekenThuis(t.thuisSinds, vandaag);
  return weken === null ? 'dreigend' : wekenTekst(weken);
}

/** The situation that counts for a case now: the one in force today, else its latest entry. */
export function huidigeSituatie(t: Pick<Thuiszitter, 'actueel' | 'verloop'>): Verloop | undefined {
  return t.actueel ?? nieuwsteEerst(t.verloop)[0];
}

/** No perspective recorded, or at home without one: what a consulent looks at first. */
export function zonderPerspectief(t: Pick<Thuiszitter, 'actueel' | 'verloop'>): boolean {
  const p = huidigeSituatie(t)?.perspectief ?? null;
  return p === null || p === 'thuis_zonder_perspectief';
}

/** Cases without perspective first; otherwise the order stays as given (one page of the server's order). */
export function zonderPerspectiefEerst<T extends Pick<Thuiszitter, 'actueel' | 'verloop'>>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(zonderPerspectief(b)) - Number(zonderPerspectief(a)));
}

/** The verloop newest first (the situation now on top), ties in the order recorded. */
export function nieuwsteEerst(verloop: readonly Verloop[]): Verloop[] {
  return [...verloop].sort((a, b) => b.vanaf.localeCompare(a.vanaf) || b.createdAt.localeCompare(a.createdAt));
}

/** The first entry: the start of the case, which cannot be removed. */
export function eersteSituatie(verloop: readonly Verloop[]): Verloop | undefined {
  return [...verloop].sort((a, b) => a.vanaf.localeCompare(b.vanaf))[0];
}

/** The latest `vanaf` of the verloop (the start when it has one entry): a case closes after it. */
export function laatsteVanaf(t: Pick<Thuiszitter, 'startdatum' | 'verloop'>): string {
  return t.verloop.reduce((max, v) => (v.vanaf > max ? v.vanaf : max), t.startdatum);
}

/**
 * What the case form says of an end date before the API does: it needs a reason, and falls
 * after the last situation (and so after the start).
 */
export function einddatumFout(einddatum: string, laatste: string): string | null {
  if (!einddatum) return null;
  return einddatum > laatste
    ? null
    : `De einddatum ligt na de laatste situatie in het verloop (${formatDate(laatste)})`;
}

// Dates as `YYYY-MM-DD`, computed in UTC so that no time zone moves a day.
function toDate(datum: string): Date {
  return new Date(`${datum}T00:00:00Z`);
}

function fromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The same day `maanden` months earlier, or the month's last day when it is shorter (31 May − 3 → 28/29 Feb). */
export function maandenTerug(datum: string, maanden: number): string {
  const d = toDate(datum);
  const doel = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - maanden, 1));
  const laatste = new Date(Date.UTC(doel.getUTCFullYear(), doel.getUTCMonth() + 1, 0)).getUTCDate();
  doel.setUTCDate(Math.min(d.getUTCDate(), laatste));
  return fromDate(doel);
}

/** The same day `maanden` months later, or the month's last day when it is shorter. */
export function maandenVerder(datum: string, maanden: number): string {
  return maandenTerug(datum, -maanden);
}

export type DuurBand = 'korterDan1Maand' | 'tussen1En3Maanden' | 'langerDan3Maanden';

/**
 * The band of the count a pupil at home since `thuisSinds` is in on `datum`: shorter than a
 * month before `thuisSinds` + 1 month, up to three months up to and including `thuisSinds` + 3
 * months, longer after that (the contract's bands, in calendar months).
 */
export function duurBand(thuisSinds: string, datum: string): DuurBand {
  if (datum < maandenVerder(thuisSinds, 1)) return 'korterDan1Maand';
  return datum <= maandenVerder(thuisSinds, 3) ? 'tussen1En3Maanden' : 'langerDan3Maanden';
}

const MAAND_DAG = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The SWV's peildata (`MM-DD`) as dates of the school year `2022-2023`, in order. */
export function peildataVanSchooljaar(peildata: readonly string[], schooljaar: string): string[] {
  const start = Number(schooljaar.slice(0, 4));
  if (!/^\d{4}-\d{4}$/.test(schooljaar)) return [];
  return peildata
    .filter((p) => MAAND_DAG.test(p))
    .map((p) => `${Number(p.slice(0, 2)) >= 8 ? start : start + 1}-${p}`)
    .sort();
}

/** The peildata of the school years around a date (the one before, its own and the next), in order. */
function peildataRond(peildata: readonly string[], datum: string): string[] {
  const jaar = Number(datum.slice(0, 4));
  return [jaar - 2, jaar - 1, jaar].flatMap((j) => peildataVanSchooljaar(peildata, `${j}-${j + 1}`));
}

/** The latest peildatum on or before `datum`. */
export function vorigePeildatum(peildata: readonly string[], datum: string): string | null {
  return (
    peildataRond(peildata, datum)
      .filter((p) => p <= datum)
      .pop() ?? null
  );
}

/** The first peildatum after `datum`. */
export function volgendePeildatum(peildata: readonly string[], datum: string): string | null {
  const volgendJaar = `${Number(datum.slice(0, 4)) + 1}${datum.slice(4)}`;
  return peildataRond(peildata, volgendJaar).find((p) => p > datum) ?? null;
}

/**
 * The period the follow-up opens with: from the last peildatum at least three months ago to the
 * peildatum after it, or today when that is still to come.
 */
export function standaardVervolg(peildata: readonly string[], vandaag: string): { van: string; tot: string } | null {
  const van = vorigePeildatum(peildata, maandenTerug(vandaag, 3));
  if (!van) return null;
  const volgende = volgendePeildatum(peildata, van);
  return { van, tot: volgende && volgende < vandaag ? volgende : vandaag };
}

/** One gemeente of a count on a date: as counted now and, when the date was frozen, as frozen. */
export interface TellingRij {
  gemeenteId: string;
  cbsCode: string;
  naam: string;
  nu: ThuiszitterCijfers | null;
  vastgesteld: ThuiszitterCijfers | null;
}

/**
 * The gemeenten of the count now and of the frozen count together, by CBS code: a gemeente whose
 * cases were all corrected away after the freeze still has its row.
 */
export function tellingRijen(nu: ThuiszitterTelling, vastgesteld: ThuiszitterTelling | null): TellingRij[] {
  const rijen = new Map<string, TellingRij>();
  for (const g of nu.gemeenten) {
    rijen.set(g.gemeenteId, { gemeenteId: g.gemeenteId, cbsCode: g.cbsCode, naam: g.naam, nu: g, vastgesteld: null });
  }
  for (const g of vastgesteld?.gemeenten ?? []) {
    const rij = rijen.get(g.gemeenteId);
    if (rij) rij.vastgesteld = g;
    else
      rijen.set(g.gemeenteId, { gemeenteId: g.gemeenteId, cbsCode: g.cbsCode, naam: g.naam, nu: null, vastgesteld: g });
  }
  return [...rijen.values()].sort((a, b) => a.cbsCode.localeCompare(b.cbsCode));
}

/** A number of a count by its place: `totaal`, `perCategorie.absoluut_verzuim`, `dreigend.b`, `duur.korterDan1Maand`. */
export type TelVeld =
  | 'totaal'
  | 'screening5a'
  | 'jongerDan5'
  | `perCategorie.${LeerplichtCategorie}`
  | `dreigend.${Scenario}`
  | `duur.${keyof ThuiszitterCijfers['duur']}`;

/** The number at `veld`; 0 for a gemeente that is not in the count. */
export function telWaarde(c: ThuiszitterCijfers | null | undefined, veld: TelVeld): number {
  if (!c) return 0;
  const [deel, sleutel] = veld.split('.') as [string, string | undefined];
  if (sleutel === undefined) return c[deel as 'totaal' | 'screening5a' | 'jongerDan5'];
  const groep = c[deel as 'perCategorie' | 'dreigend' | 'duur'] as unknown as Record<string, number>;
  return groep[sleutel] ?? 0;
}

/** Pupils at risk of a count, all scenarios together. */
export function dreigendTotaal(c: ThuiszitterCijfers | null | undefined): number {
  return SCENARIOS.reduce((n, s) => n + telWaarde(c, `dreigend.${s}`), 0);
}

/** Every number of a count that a page shows. */
export const TEL_VELDEN: TelVeld[] = [
  ...LEERPLICHT_CATEGORIEEN.map((c) => `perCategorie.${c}` as const),
  'totaal',
  'screening5a',
  'jongerDan5',
  ...SCENARIOS.map((s) => `dreigend.${s}` as const),
  'duur.korterDan1Maand',
  'duur.tussen1En3Maanden',
  'duur.langerDan3Maanden',
];

/** Whether two counts of a gemeente (or of all) differ in any number a page shows. */
export function verschillen(
  a: ThuiszitterCijfers | null | undefined,
  b: ThuiszitterCijfers | null | undefined,
): boolean {
  return TEL_VELDEN.some((veld) => telWaarde(a, veld) !== telWaarde(b, veld));
}

/** The gemeenten whose count was corrected after the freeze (none when the date was not frozen). */
export function gecorrigeerdeGemeenten(rijen: readonly TellingRij[], bevroren: boolean): string[] {
  return bevroren ? rijen.filter((r) => verschillen(r.nu, r.vastgesteld)).map((r) => r.naam) : [];
}

/**
 * The year's peildata against the same days a year earlier, as rows of a chart and its table
 * (`15 sep`, this year's total, last year's). A day counted as registered now, not frozen, is
 * named in `voorlopig`.
 */
export function peildatumRijen(stats: Pick<ThuiszitterStatistieken, 'peildata' | 'vorigJaar'>): {
  rijen: Telrij[];
  voorlopig: string[];
} {
  const vorig = new Map(stats.vorigJaar.peildata.map((p) => [p.datum.slice(5), p]));
  const rijen = stats.peildata.map((p) => ({
    key: p.datum.slice(5),
    label: formatDagMaand(p.datum),
    aantal: rijAantal(p.totaal),
    vorigJaar: rijAantal(vorig.get(p.datum.slice(5))?.totaal),
  }));
  const voorlopig = [...stats.peildata, ...stats.vorigJaar.peildata]
    .filter((p) => !p.vastgesteld)
    .map((p) => formatDate(p.datum));
  return { rijen, voorlopig };
}
