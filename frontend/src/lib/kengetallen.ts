import type { KengetalBron, KengetalEenheid, Richting } from '../api/types';
import { formatMoney } from './format';

export const KENGETAL_BRON_LABELS: Record<KengetalBron, string> = {
  handmatig: 'Handmatig ingevoerd',
  opkomst_doelgroep_percentage: 'Opkomst tegen de doelgroep (%)',
  aanwezig_totaal: 'Aantal aanwezigen',
  streef_behaald_percentage: 'Bijeenkomsten met streef gehaald (%)',
  thuiszitters_gemiddeld_op_peildatum: 'Thuiszitters gemiddeld op peildatum',
  deelname_go_percentage: 'Deelname gespecialiseerd onderwijs (%)',
  arrangementen_totaal: 'Aantal arrangementen',
  tlv_binnen_termijn_percentage: "TLV's binnen de termijn (%)",
  budget_besteed_percentage: 'Budget besteed (%)',
  mdo_totaal: "Aantal MDO's",
};

export const KENGETAL_EENHEID_LABELS: Record<KengetalEenheid, string> = {
  aantal: 'Aantal',
  percentage: 'Percentage',
  euro: 'Bedrag in euro',
};

export const RICHTING_LABELS: Record<Richting, string> = {
  minimaal: 'Minimaal',
  maximaal: 'Maximaal',
};

/** The measures over meetings of one kind: they need the kind. */
export const OVER_BIJEENKOMSTEN: KengetalBron[] = [
  'opkomst_doelgroep_percentage',
  'aanwezig_totaal',
  'streef_behaald_percentage',
];

/** The unit a computed measure comes out in (the API refuses another); null for a value entered by hand. */
export function eenheidVan(bron: KengetalBron): KengetalEenheid | null {
  if (bron === 'handmatig') return null;
  return bron.endsWith('_percentage') ? 'percentage' : 'aantal';
}

const decimaal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A value in its unit: `3,8%`, `€ 375`, `180`; a dash without a value. */
export function formatKengetal(eenheid: KengetalEenheid, waarde: number | null | undefined): string {
  if (waarde === null || waarde === undefined) return '–';
  if (eenheid === 'euro') return formatMoney(Math.round(waarde));
  const tekst = decimaal.format(waarde);
  return eenheid === 'percentage' ? `${tekst}%` : tekst;
}

/** The target as a reader says it: `≥ 151`, `≤ 3%`. */
export function formatStreef(k: { eenheid: KengetalEenheid; richting: Richting; streefwaarde: number }): string {
  return `${k.richting === 'minimaal' ? '≥' : '≤'} ${formatKengetal(k.eenheid, k.streefwaarde)}`;
}

/** The school years of a trend, oldest first: the four before `schooljaar`. */
export function trendJaren(schooljaar: string): string[] {
  const eerste = Number(schooljaar.slice(0, 4));
  if (!Number.isInteger(eerste)) return [];
  return [4, 3, 2, 1].map((n) => `${eerste - n}-${eerste - n + 1}`);
}

/**
 * The points of a sparkline: the trend and this year's value, with the unknown years left out (a
 * gap would draw as zero). Fewer than two points: nothing to draw.
 */
export function sparkPunten(trend: (number | null)[], waarde: number | null | undefined): number[] {
  return [...trend, waarde ?? null].filter((x): x is number => x !== null);
}

/** A typed amount or number as the API stores it: euros become cents. Null when it is no number. */
export function naarOpslag(eenheid: KengetalEenheid, getypt: number | string): number | null {
  if (getypt === '') return null;
  const x = Number(getypt);
  if (!Number.isFinite(x)) return null;
  return eenheid === 'euro' ? Math.round(x * 100) : x;
}

/** A stored value as the form shows it: cents become euros. */
export function naarInvoer(eenheid: KengetalEenheid, opgeslagen: number): number {
  return eenheid === 'euro' ? opgeslagen / 100 : opgeslagen;
}
