import type { Streef, StreefEenheid, StreefRichting, Voorstel } from '../api/types';

const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A measured or target value in its unit: `68,4 %`, `112`. */
export function waardeTekst(waarde: number, eenheid: StreefEenheid): string {
  return eenheid === 'percentage' ? `${getal.format(waarde)} %` : getal.format(waarde);
}

/** A target in short: `≥ 60 %` (at least), `≤ 3` (at most). */
export function streefTekst(streef: Streef): string {
  return `${streef.richting === 'minimaal' ? '≥' : '≤'} ${waardeTekst(streef.waarde, streef.eenheid)}`;
}

/** The note beside a proposed evaluation: "Voorstel van Koers: 68 % gemeten bij streef ≥ 60 %". */
export function voorstelNotitie(voorstel: Voorstel, streef: Streef): string {
  return `Voorstel van Koers: ${waardeTekst(voorstel.resultaat, streef.eenheid)} gemeten bij streef ${streefTekst(streef)}`;
}

/** A result as typed in the evaluation form: `68,4`. */
export function resultaatTekst(resultaat: number): string {
  return String(Math.round(resultaat * 10) / 10).replace('.', ',');
}

/** The target's fields in a form: no direction means no target. */
export interface StreefWaarden {
  streefRichting: StreefRichting | null;
  streefWaarde: number | string;
  streefEenheid: StreefEenheid;
}

export function streefWaarden(streef: Streef | null | undefined): StreefWaarden {
  return {
    streefRichting: streef?.richting ?? null,
    streefWaarde: streef?.waarde ?? '',
    streefEenheid: streef?.eenheid ?? 'percentage',
  };
}

/** The target of the body, or null without a direction. */
export function streefInvoer(v: StreefWaarden): Streef | null {
  if (!v.streefRichting) return null;
  return { richting: v.streefRichting, waarde: Number(v.streefWaarde), eenheid: v.streefEenheid };
}

/** The value of a target: required with a direction, 0 or more, a percentage at most 100. */
export function streefWaardeFout(v: StreefWaarden): string | null {
  if (!v.streefRichting) return null;
  if (v.streefWaarde === '') return 'Vul de streefwaarde in, of kies bij richting "Geen"';
  const n = Number(v.streefWaarde);
  if (!Number.isFinite(n) || n < 0) return 'De streefwaarde is een getal van 0 of meer';
  if (v.streefEenheid === 'percentage' && n > 100) return 'Een percentage is hoogstens 100';
  return null;
}

/** The API's names of the target's fields (`streef.waarde` when it is missing), as the form's fields. */
export const STREEF_ALIASES: Record<string, string> = {
  streef: 'streefWaarde',
  'streef.waarde': 'streefWaarde',
  'streef.richting': 'streefRichting',
  'streef.eenheid': 'streefEenheid',
};
