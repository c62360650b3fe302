import { formatDate } from './format';
import type { Advies, Bezwaar, BezwaarUitkomst, Opschorting, Sector, Tlv, TlvCategorie, TlvSoort } from '../api/types';

// Dates as `YYYY-MM-DD`, computed in UTC so that no time zone moves a day.
function toDate(datum: string): Date {
  return new Date(`${datum}T00:00:00Z`);
}

function fromDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function plusDagen(datum: string, dagen: number): string {
  const d = toDate(datum);
  d.setUTCDate(d.getUTCDate() + dagen);
  return fromDate(d);
}

const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The kinds of TLV an SWV gives: sbo or so in primary education, vso in secondary. */
export function toegestaneSoorten(sector: Sector | null | undefined): TlvSoort[] {
  if (sector === 'po') return ['sbo', 'so'];
  if (sector === 'vo') return ['vso'];
  return ['sbo', 'so', 'vso'];
}

/** A TLV for so or vso names a funding category; one for sbo has none. */
export function heeftCategorie(soort: TlvSoort | null | undefined): boolean {
  return soort === 'so' || soort === 'vso';
}

/** "SO, categorie laag", "SBO". */
export function soortTekst(t: { soort: TlvSoort; categorie?: TlvCategorie | null }): string {
  const soort = t.soort.toUpperCase();
  return heeftCategorie(t.soort) && t.categorie ? `${soort}, categorie ${t.categorie}` : soort;
}

/**
 * The end date of a TLV granted for `duurJaren` school years: 31 July of the last one, counting
 * the school year that contains `ingangsdatum` as the first (2016-10-01, 2 years → 2018-07-31).
 * Null while the input is incomplete.
 */
export function einddatumVoorDuur(ingangsdatum: string, duurJaren: number | string | null | undefined): string | null {
  const m = DATUM.exec(ingangsdatum);
  const n = typeof duurJaren === 'string' ? Number(duurJaren) : duurJaren;
  if (!m || n === null || n === undefined || !Number.isInteger(n) || n < 1) return null;
  const jaar = Number(m[1]);
  // A school year runs from 1 August to 31 July: from August on, the first one ends next July.
  const eersteEinde = Number(m[2]) >= 8 ? jaar + 1 : jaar;
  return `${eersteEinde + n - 1}-07-31`;
}

/** Easter Sunday of a year (the Gregorian computus), as `YYYY-MM-DD`. */
export function paasdag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** The public holidays of the Algemene termijnenwet in a year. */
export function feestdagen(jaar: number): Set<string> {
  const pasen = paasdag(jaar);
  // Koningsdag is 27 April, or the 26th when the 27th is a Sunday.
  const koningsdag = toDate(`${jaar}-04-27`).getUTCDay() === 0 ? `${jaar}-04-26` : `${jaar}-04-27`;
  return new Set([
    `${jaar}-01-01`,
    plusDagen(pasen, 1),
    koningsdag,
    `${jaar}-05-05`,
    plusDagen(pasen, 39),
    plusDagen(pasen, 50),
    `${jaar}-12-25`,
    `${jaar}-12-26`,
  ]);
}

/** A term ending on a Saturday, Sunday or public holiday ends on the next day that is none (Algemene termijnenwet). */
export function volgendeWerkdag(datum: string): string {
  let dag = datum;
  for (;;) {
    const weekdag = toDate(dag).getUTCDay();
    if (weekdag !== 0 && weekdag !== 6 && !feestdagen(Number(dag.slice(0, 4))).has(dag)) return dag;
    dag = plusDagen(dag, 1);
  }
}

/** The last day to object to a decision sent on `verzondenOp`: six weeks later, moved to a working day. */
export function bezwaartermijnEinde(verzondenOp: string): string {
  return volgendeWerkdag(plusDagen(verzondenOp, 42));
}

/** The suspension that is running (no `tot` yet), if any. */
export function lopendeOpschorting(t: Pick<Tlv, 'opschortingen'>): Opschorting | undefined {
  return t.opschortingen.find((o) => !o.tot);
}

/** Still to decide: advice, suspensions, a verdaging and a decision are possible. */
export function inBehandeling(t: Pick<Tlv, 'status'>): boolean {
  return t.status === 'in_behandeling';
}

/** The one verdaging may be set while the request is open, none was set, and the deadline has not passed. */
export function kanVerdagen(t: Pick<Tlv, 'status' | 'verdagingDagen' | 'dagenResterend'>): boolean {
  return inBehandeling(t) && t.verdagingDagen === 0 && (t.dagenResterend ?? -1) >= 0;
}

export type BadgeKleur = 'red' | 'orange' | 'gray' | 'green' | 'koers';

/** How a list and a request's header show the clock: a colour (never alone) and a short text. */
export interface KlokBadge {
  kleur: BadgeKleur;
  tekst: string;
}

function dagen(n: number): string {
  return n === 1 ? '1 dag' : `${n} dagen`;
}

/** Days left until a deadline in words: "Nog 3 dagen", "Vandaag", "2 dagen te laat". */
function resterendTekst(rest: number): string {
  if (rest < 0) return `${dagen(-rest)} te laat`;
  return rest === 0 ? 'Vandaag' : `Nog ${dagen(rest)}`;
}

/**
 * The clock of a request in a badge: red when overdue (or decided late), orange with a week or
 * less left, grey while suspended, green when decided in time; otherwise the days left.
 */
export function klokBadge(
  t: Pick<Tlv, 'status' | 'dagenResterend' | 'uiterlijkeBeslisdatum' | 'binnenTermijn' | 'opschortingen'>,
): KlokBadge {
  if (t.status === 'ingetrokken') return { kleur: 'gray', tekst: 'Ingetrokken' };
  if (t.status === 'toegekend' || t.status === 'afgewezen') {
    return t.binnenTermijn === false
      ? { kleur: 'red', tekst: 'Te laat beslist' }
      : { kleur: 'green', tekst: 'Binnen termijn' };
  }
  const rest = t.dagenResterend;
  if (lopendeOpschorting(t) || !t.uiterlijkeBeslisdatum) {
    return { kleur: 'gray', tekst: rest === null || rest === undefined ? 'Opgeschort' : `Opgeschort (${dagen(rest)})` };
  }
  if (rest === null || rest === undefined) return { kleur: 'koers', tekst: 'Onbekend' };
  return { kleur: restKleur(rest), tekst: resterendTekst(rest) };
}

/** Red when overdue, orange with a week or less left: the same on the request page and the worklist. */
function restKleur(rest: number): BadgeKleur {
  if (rest < 0) return 'red';
  return rest <= 7 ? 'orange' : 'koers';
}

/** The advice a decision needs, as the API names what is missing. */
export type Voorwaarde = 'orthopedagoog_of_psycholoog' | 'tweede_deskundige';

export const VOORWAARDEN: Voorwaarde[] = ['orthopedagoog_of_psycholoog', 'tweede_deskundige'];

/** Each condition as met, for the checklist above the decision. */
export const VOORWAARDE_LABELS: Record<Voorwaarde, string> = {
  orthopedagoog_of_psycholoog: 'Advies van een orthopedagoog of psycholoog',
  tweede_deskundige: "Advies van een tweede deskundige (niet 'overig')",
};

const ONTBREEKT_TEKSTEN: Record<Voorwaarde, string> = {
  orthopedagoog_of_psycholoog: 'Er ontbreekt een advies van een orthopedagoog of psycholoog',
  tweede_deskundige: "Er ontbreekt een tweede deskundige (niet 'overig')",
};

/** What the API's `ontbreekt` says, in Dutch; a condition this version does not know is named as it is. */
export function ontbreektTeksten(codes: readonly string[]): string[] {
  return codes.map(
    (code) =>
      (ONTBREEKT_TEKSTEN as Partial<Record<string, string>>)[code] ?? `Er ontbreekt: ${code.replace(/_/g, ' ')}`,
  );
}

/** An expert's name as the API compares it: trimmed, inner spaces collapsed, ignoring case. */
function naamSleutel(naam: string): string {
  return naam.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-NL');
}

/**
 * The conditions the advice does not meet yet (Wpo art. 18a, WEC art. 40): two different experts,
 * one an orthopedagoog or psycholoog, the other of a discipline other than `overig`. The API
 * decides; this is what the page shows before asking it.
 */
export function ontbrekendeAdviezen(adviezen: Pick<Advies, 'deskundige' | 'discipline'>[]): Voorwaarde[] {
  const kern = adviezen.some((a) => a.discipline === 'orthopedagoog' || a.discipline === 'psycholoog');
  const deskundigen = new Set(adviezen.filter((a) => a.discipline !== 'overig').map((a) => naamSleutel(a.deskundige)));
  const uit: Voorwaarde[] = [];
  if (!kern) uit.push('orthopedagoog_of_psycholoog');
  if (deskundigen.size < 2) uit.push('tweede_deskundige');
  return uit;
}

/** Whether an expert has advised on this request already (the API refuses a second advice). */
export function alGeadviseerd(adviezen: Pick<Advies, 'deskundige'>[], deskundige: string): boolean {
  const sleutel = naamSleutel(deskundige);
  return sleutel !== '' && adviezen.some((a) => naamSleutel(a.deskundige) === sleutel);
}

const ALLE_BEZWAAR_UITKOMSTEN: BezwaarUitkomst[] = ['gegrond', 'ongegrond', 'ingetrokken', 'niet_ontvankelijk'];

/** A late objection that is not excusable can only be declared inadmissible or be withdrawn. */
export function bezwaarUitkomsten(tijdig: boolean, verschoonbaar: boolean): BezwaarUitkomst[] {
  return tijdig || verschoonbaar ? ALLE_BEZWAAR_UITKOMSTEN : ['niet_ontvankelijk', 'ingetrokken'];
}

const BEZWAAR_BESLIST: Record<BezwaarUitkomst, string> = {
  gegrond: 'Gegrond',
  ongegrond: 'Ongegrond',
  ingetrokken: 'Ingetrokken',
  niet_ontvankelijk: 'Niet-ontvankelijk verklaard',
};

/** How an objection ended, as a fact after the event: "Gegrond op 06-12-2026; de aanvraag is heropend". */
export function bezwaarUitkomstTekst(b: Pick<Bezwaar, 'uitkomst' | 'beslistOp'>): string {
  if (!b.uitkomst) return 'Nog in behandeling';
  const wanneer = b.beslistOp
    ? `${BEZWAAR_BESLIST[b.uitkomst]} op ${formatDate(b.beslistOp)}`
    : BEZWAAR_BESLIST[b.uitkomst];
  return b.uitkomst === 'gegrond' ? `${wanneer}; de aanvraag is heropend` : wanneer;
}

/**
 * Where a request stands, in a few words for the pupil's timeline: the deadline while open, the
 * decision once taken. Records read elsewhere may lack fields: then it says less.
 */
export function standTekst(
  t: Partial<Pick<Tlv, 'status' | 'besluit' | 'uiterlijkeBeslisdatum' | 'dagenResterend' | 'opschortingen'>>,
): string {
  const b = t.besluit;
  if (b?.uitkomst === 'toegekend') {
    return b.einddatum ? `Toegekend, tot en met ${formatDate(b.einddatum)}` : 'Toegekend';
  }
  if (b?.uitkomst === 'afgewezen') return `Afgewezen op ${formatDate(b.datum)}`;
  if (t.status === 'ingetrokken') return 'Ingetrokken';
  if (t.status !== 'in_behandeling') return '';
  if (t.opschortingen?.some((o) => !o.tot)) return 'In behandeling, termijn opgeschort';
  if (!t.uiterlijkeBeslisdatum) return 'In behandeling';
  const laat = (t.dagenResterend ?? 0) < 0 ? ' (termijn verstreken)' : '';
  return `In behandeling, beslissen uiterlijk ${formatDate(t.uiterlijkeBeslisdatum)}${laat}`;
}

/** The page of what a worklist item links to: the API's path of a request → its page here. */
export function werkLink(link: string): string | null {
  const m = /^\/toelaatbaarheidsverklaringen\/([0-9a-fA-F-]{36})(?:[/?#].*)?$/.exec(link);
  return m ? `/tlv/${m[1]}` : null;
}

/** Calendar days from `vandaag` to `datum`, negative when `datum` has passed. */
function dagenTot(datum: string, vandaag: string): number {
  return Math.round((toDate(datum).getTime() - toDate(vandaag).getTime()) / 86_400_000);
}

/** The colour of a due date on the worklist: red when past, orange within a week, else the house colour. */
export function vervalKleur(datum: string, vandaag: string): BadgeKleur {
  return restKleur(dagenTot(datum, vandaag));
}

/** A worklist item's due date as a badge: its colour and the days left ("Nog 3 dagen", "2 dagen te laat"). */
export function vervalBadge(datum: string, vandaag: string): KlokBadge {
  const rest = dagenTot(datum, vandaag);
  return { kleur: restKleur(rest), tekst: resterendTekst(rest) };
}

/** A count on the worklist, and whether it is the whole list's or could be more (`zeker` false). */
export interface VervalAantal {
  aantal: number;
  zeker: boolean;
}

/**
 * How many of the worklist's items are overdue and due within a week, from its first page (soonest
 * first, `totaal` items in all): when every item shown is of a kind and the list goes on, more of
 * that kind may follow.
 */
export function vervalTelling(
  data: readonly string[],
  totaal: number,
  vandaag: string,
): { verlopen: VervalAantal; dezeWeek: VervalAantal } {
  const kleuren = data.map((datum) => vervalKleur(datum, vandaag));
  const alles = totaal <= data.length;
  return {
    verlopen: {
      aantal: kleuren.filter((k) => k === 'red').length,
      zeker: alles || kleuren.some((k) => k !== 'red'),
    },
    dezeWeek: {
      aantal: kleuren.filter((k) => k === 'orange').length,
      zeker: alles || kleuren.some((k) => k === 'koers'),
    },
  };
}

/** The rows of `perSoort` in the figures, as the sector has them: sbo and so per category, or vso per category. */
export function soortRijen(sector: Sector | null | undefined): Record<string, string> {
  const rijen: Record<string, string> = {};
  for (const soort of toegestaneSoorten(sector)) {
    if (!heeftCategorie(soort)) rijen[soort] = soort.toUpperCase();
    else for (const c of ['laag', 'midden', 'hoog']) rijen[`${soort}_${c}`] = `${soort.toUpperCase()} ${c}`;
  }
  return rijen;
}
