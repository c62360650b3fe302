import type {
  Aantal,
  BestuurMonitor,
  BestuurMonitorBestuur,
  BestuurSchool,
  Indeling,
  JopGemeente,
  JopMonitor,
} from '../api/types';
import { alsAantal, type Telling } from './cijfers';
import { formatNumber, formatPercentage } from './format';

/** What a suppressed cell shows. */
export const ONDERDRUKT = '<5';

/** Why a cell shows `<5`: in the legend, the tooltip of each such cell and for screen readers. */
export const ONDERDRUKT_UITLEG =
  'Aantallen van 1 tot en met 4 worden niet gedeeld, ook niet als ze uit een totaal af te leiden zijn.';

export const INDELING_LABELS: Record<Indeling, string> = {
  historisch: 'Zoals toen',
  huidig: 'Gemeenten van nu',
};

/** One cell of the monitor as shown: the number in Dutch, `<5` where suppressed, `–` where absent. */
export interface Cel {
  tekst: string;
  onderdrukt: boolean;
}

/**
 * A count of children as its cell: `{waarde: 1234}` (or staff's plain `1234`) → `1.234`,
 * `{waarde: 0}` → `0`, `{waarde: null, onderdrukt: true}` → `<5`. Anything else (a missing key, a
 * null without `onderdrukt`) shows a dash rather than a number that was never sent.
 */
export function cel(telling: Telling | null | undefined): Cel {
  const aantal = alsAantal(telling);
  if (aantal.onderdrukt === true) return { tekst: ONDERDRUKT, onderdrukt: true };
  const waarde = aantal.waarde;
  return typeof waarde === 'number'
    ? { tekst: formatNumber(waarde), onderdrukt: false }
    : { tekst: '–', onderdrukt: false };
}

/** The reach of the meetings as a percentage with a decimal comma (`33,3%`), `–` without schools. */
export function bereikPercentage(percentage: number | null | undefined): string {
  return formatPercentage(percentage) || '–';
}

/**
 * The MDO levels in order (`1` … `4`), with their label and count; a level the API did not send
 * is left out, one it sends beyond the four is listed by its number.
 */
export function mdoNiveaus(perNiveau: Record<string, Aantal>): { key: string; label: string; aantal: Aantal }[] {
  return Object.entries(perNiveau)
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([key, aantal]) => ({ key, label: `Niveau ${key}`, aantal }));
}

/** Every count of children of a gemeente (not the reach of meetings: those are schools). */
function aantallen(g: JopGemeente): Aantal[] {
  return [
    ...g.thuiszitters.flatMap((r) => [...Object.values(r.perCategorie), r.dreigend, r.langerDan3Maanden, r.totaal]),
    ...Object.values(g.vrijstellingen),
    ...Object.values(g.tlv),
    ...Object.values(g.arrangementen),
    g.mdo.totaal,
    ...Object.values(g.mdo.perNiveau),
  ];
}

/** Whether a count says something: above zero, or suppressed (1 to 4, or derivable). */
function geteld(a: Aantal): boolean {
  return a.onderdrukt === true || (a.waarde ?? 0) > 0;
}

/** Whether a gemeente has anything to show: a count above zero (or suppressed), or a school reached. */
export function heeftCijfers(g: JopGemeente): boolean {
  return g.bereikBijeenkomsten.bereikt > 0 || aantallen(g).some(geteld);
}

/** How many cells of a gemeente are suppressed (said beside its name). */
export function onderdruktAantal(g: JopGemeente): number {
  return aantallen(g).filter((a) => a.onderdrukt === true).length;
}

/** Beside a name: how many of its cells are suppressed ("1 cel afgeschermd"), nothing when none is. */
export function afgeschermdTekst(aantal: number): string | null {
  if (aantal <= 0) return null;
  return aantal === 1 ? '1 cel afgeschermd' : `${formatNumber(aantal)} cellen afgeschermd`;
}

/** The value of the gemeente choice that means every gemeente. */
export const ALLE_GEMEENTEN = 'alle';

/** The choices of the gemeente selector: every gemeente, then each by name with its CBS code. */
export function gemeenteKeuzes(monitor: Pick<JopMonitor, 'gemeenten'>): { value: string; label: string }[] {
  return [
    { value: ALLE_GEMEENTEN, label: 'Alle gemeenten' },
    ...monitor.gemeenten.map((g) => ({ value: g.cbsCode, label: `${g.naam} (${g.cbsCode})` })),
  ];
}

/**
 * The gemeenten to show for the chosen CBS code: that one, or all when none is chosen or the chosen
 * one is not in this answer (a gemeente merged away, in `huidig`).
 */
export function gekozenGemeenten(gemeenten: JopGemeente[], cbsCode: string | null): JopGemeente[] {
  const een = gemeenten.find((g) => g.cbsCode === cbsCode);
  return een ? [een] : gemeenten;
}

/** `historisch` unless the URL says `huidig` (the API's default too). */
export function indelingVan(value: string | null): Indeling {
  return value === 'huidig' ? 'huidig' : 'historisch';
}

/** Every count of children of a school in the board monitor (not the attendances: those are staff). */
function schoolAantallen(s: BestuurSchool): Aantal[] {
  return [
    s.arrangementen.individueel,
    s.arrangementen.groep,
    s.arrangementen.innovatie,
    s.tlv.sbo,
    s.tlv.so,
    s.tlv.vso,
    s.mdo,
  ];
}

/** Whether a school has anything to show: a count above zero (or suppressed), or someone at a meeting. */
export function schoolHeeftCijfers(s: BestuurSchool): boolean {
  return s.aanwezigBijeenkomsten > 0 || schoolAantallen(s).some(geteld);
}

/** Whether any school of a board has anything to show. */
export function bestuurHeeftCijfers(b: BestuurMonitorBestuur): boolean {
  return b.scholen.some(schoolHeeftCijfers);
}

/** How many cells of a board's schools are suppressed (said beside its name). */
export function bestuurOnderdruktAantal(b: BestuurMonitorBestuur): number {
  return b.scholen.flatMap(schoolAantallen).filter((a) => a.onderdrukt === true).length;
}

/** The value of the schoolbestuur choice that means every board. */
export const ALLE_BESTUREN = 'alle';

/** The choices of the schoolbestuur selector: every board, then each by name. */
export function bestuurKeuzes(monitor: Pick<BestuurMonitor, 'schoolbesturen'>): { value: string; label: string }[] {
  return [
    { value: ALLE_BESTUREN, label: 'Alle schoolbesturen' },
    ...monitor.schoolbesturen.map((b) => ({ value: b.id, label: b.naam })),
  ];
}

/** The boards to show for the chosen id: that one, or all when none is chosen or it is not in this answer. */
export function gekozenBesturen(besturen: BestuurMonitorBestuur[], id: string | null): BestuurMonitorBestuur[] {
  const een = besturen.find((b) => b.id === id);
  return een ? [een] : besturen;
}
