import type {
  ContactSignaal,
  ContactSoort,
  SchoolContacten,
  SchoolcontactInput,
  WerkItem,
  WerkSoort,
} from '../api/types';
import { plusDagen, werkLink } from './tlv';
import { MAANDEN } from './datumInvoer';

// Dates as `YYYY-MM-DD`, computed in UTC so that no time zone moves a day.
const DATUM = /^\d{4}-\d{2}-\d{2}$/;

function dag(datum: string): number {
  return Date.parse(`${datum}T00:00:00Z`) / 86_400_000;
}

/** Calendar days from `van` to `tot` (negative when `tot` comes first). */
export function dagenTussen(van: string, tot: string): number {
  return Math.round(dag(tot) - dag(van));
}

/**
 * The order of the kinds on a consulent's week: her own follow-ups first, then what runs against a
 * legal term (TLV's), the pupils at home, and then the administration of meetings and activities.
 */
export const WERK_VOLGORDE: readonly WerkSoort[] = [
  'schoolcontact_vervolg',
  'tlv_termijn',
  'tlv_advies',
  'tlv_aanvulling',
  'tlv_bezwaar',
  'tlv_herbeoordeling',
  'thuiszitter_perspectief',
  'thuiszitter_stil',
  'bijeenkomst_aanwezigheid',
  'activiteit_evaluatie',
];

export interface WerkGroep<T> {
  soort: WerkSoort;
  items: T[];
}

/** The worklist by kind (in `WERK_VOLGORDE`), each kind soonest first; kinds without items are left out. */
export function groepeerWerk<T extends Pick<WerkItem, 'soort' | 'datum'>>(items: readonly T[]): WerkGroep<T>[] {
  const perSoort = new Map<WerkSoort, T[]>();
  for (const item of items) {
    const lijst = perSoort.get(item.soort) ?? [];
    lijst.push(item);
    perSoort.set(item.soort, lijst);
  }
  const rang = (s: WerkSoort) => {
    const i = WERK_VOLGORDE.indexOf(s);
    return i < 0 ? WERK_VOLGORDE.length : i;
  };
  return [...perSoort.entries()]
    .sort(([a], [b]) => rang(a) - rang(b) || a.localeCompare(b))
    .map(([soort, lijst]) => ({
      soort,
      // Array.prototype.sort is stable: items due the same day keep the API's order.
      items: [...lijst].sort((a, b) => a.datum.localeCompare(b.datum)),
    }));
}

/** The items of a kind shown before "Alle tonen": the first five, and whatever is late or due within a week. */
export function eersteZichtbaar<T extends { datum: string }>(items: readonly T[], vandaag: string, eerste = 5): T[] {
  const week = plusDagen(vandaag, 7);
  return items.filter((w, i) => i < eerste || w.datum <= week);
}

const UUID = '([0-9a-fA-F-]{36})';
const CONTACT = new RegExp(`^/schoolcontacten/${UUID}$`);
const THUISZITTER = new RegExp(`^/thuiszitters/${UUID}$`);
const ACTIVITEIT = new RegExp(`^/activiteiten/${UUID}$`);
const BIJEENKOMST = new RegExp(`^/bijeenkomsten/${UUID}$`);

/** The id of the contact a follow-up item is about (its API path), or null. */
export function contactIdVan(link: string): string | null {
  return CONTACT.exec(link)?.[1] ?? null;
}

/**
 * The page of a worklist item in the SPA, from the API path it names: a contact's form, a TLV
 * request, a thuiszitter's case, an activity, or the attendance list of a meeting whose attendance
 * is to be recorded. Null for a path this version does not know.
 */
export function werkRoute(item: Pick<WerkItem, 'soort' | 'link'>): string | null {
  const { link } = item;
  const contact = contactIdVan(link);
  if (contact) return `/schoolcontacten/${contact}`;
  const tlv = werkLink(link);
  if (tlv) return tlv;
  const thuiszitter = THUISZITTER.exec(link)?.[1];
  if (thuiszitter) return `/thuiszitters/${thuiszitter}`;
  const activiteit = ACTIVITEIT.exec(link)?.[1];
  if (activiteit) return `/activiteiten/${activiteit}`;
  const bijeenkomst = BIJEENKOMST.exec(link)?.[1];
  if (bijeenkomst) {
    return item.soort === 'bijeenkomst_aanwezigheid'
      ? `/bijeenkomsten/${bijeenkomst}/presentie`
      : `/bijeenkomsten/${bijeenkomst}`;
  }
  return null;
}

/** The ISO week of a date: its Monday, its Sunday and its number (week 1 holds the year's first Thursday). */
export function weekVan(datum: string): { maandag: string; zondag: string; nummer: number } {
  const weekdag = (new Date(`${datum}T00:00:00Z`).getUTCDay() + 6) % 7;
  const maandag = plusDagen(datum, -weekdag);
  const donderdag = plusDagen(maandag, 3);
  const jaar = donderdag.slice(0, 4);
  const nummer = Math.floor(dagenTussen(`${jaar}-01-01`, donderdag) / 7) + 1;
  return { maandag, zondag: plusDagen(maandag, 6), nummer };
}

/** `2026-12-07` → `7 december`. */
export function dagMaand(datum: string): string {
  const [, maand, d] = datum.split('-');
  return `${Number(d)} ${MAANDEN[Number(maand) - 1] ?? ''}`;
}

/** "Week 50, 7 t/m 13 december" (or "30 november t/m 6 december" across months). */
export function weekTekst(datum: string): string {
  const { maandag, zondag, nummer } = weekVan(datum);
  const van = maandag.slice(5, 7) === zondag.slice(5, 7) ? String(Number(maandag.slice(8))) : dagMaand(maandag);
  return `Week ${nummer}, ${van} t/m ${dagMaand(zondag)}`;
}

/** How long ago a contact was, in words: "vandaag", "gisteren", "12 dagen geleden", "5 weken geleden". */
export function geledenTekst(datum: string, vandaag: string): string {
  const n = dagenTussen(datum, vandaag);
  if (n < 0) return n === -1 ? 'morgen' : `over ${-n} dagen`;
  if (n === 0) return 'vandaag';
  if (n === 1) return 'gisteren';
  if (n < 14) return `${n} dagen geleden`;
  if (n < 61) return `${Math.floor(n / 7)} weken geleden`;
  const maanden = Math.floor(n / 30.44);
  return maanden === 1 ? '1 maand geleden' : `${maanden} maanden geleden`;
}

/**
 * The schools of a consulent with the neglected ones first: those under the SWV's minimum, then
 * the longest without contact (none this year first), then the fewest contacts, then by name.
 */
export function verwaarloosdEerst<
  S extends Pick<SchoolContacten, 'schoolId' | 'naam' | 'contacten' | 'laatsteContact'>,
>(scholen: readonly S[], onderMinimum: readonly string[]): S[] {
  const onder = new Set(onderMinimum);
  return [...scholen].sort(
    (a, b) =>
      Number(onder.has(b.schoolId)) - Number(onder.has(a.schoolId)) ||
      (a.laatsteContact ?? '').localeCompare(b.laatsteContact ?? '') ||
      a.contacten - b.contacten ||
      a.naam.localeCompare(b.naam, 'nl'),
  );
}

/** What the contact form holds: empty strings for dates not filled in, null for choices not made. */
export interface ContactWaarden extends Record<string, unknown> {
  schoolId: string | null;
  datum: string;
  soort: ContactSoort | null;
  consulentId: string | null;
  onderwerp: string;
  signaal: ContactSignaal | null;
  vervolgOp: string;
  vervolgGedaan: boolean;
}

export const MAX_ONDERWERP = 500;

export type ContactFouten = Partial<Record<keyof ContactWaarden, string>>;

/**
 * The form's checks, as the API makes them, in words for who fills it in. `consulentVerplicht`: the
 * caller is no consulent, so she says who had the contact.
 */
export function contactFouten(v: ContactWaarden, vandaag: string, consulentVerplicht: boolean): ContactFouten {
  const fouten: ContactFouten = {};
  if (!v.schoolId) fouten.schoolId = 'Kies de school';
  if (v.datum === '') fouten.datum = 'Vul de datum van het contact in';
  else if (!DATUM.test(v.datum)) fouten.datum = 'Vul een geldige datum in';
  else if (dagenTussen(vandaag, v.datum) > 366) {
    fouten.datum = 'De datum ligt meer dan een jaar vooruit; een gepland contact staat binnen het jaar';
  }
  if (!v.soort) fouten.soort = 'Kies de soort contact';
  if (consulentVerplicht && !v.consulentId) fouten.consulentId = 'Kies de consulent die het contact had';
  if (v.onderwerp.trim() === '') fouten.onderwerp = 'Vul het onderwerp in: waar ging het over?';
  else if (v.onderwerp.trim().length > MAX_ONDERWERP) {
    fouten.onderwerp = `Het onderwerp mag hoogstens ${MAX_ONDERWERP} tekens lang zijn`;
  }
  if (v.vervolgOp !== '') {
    if (!DATUM.test(v.vervolgOp)) fouten.vervolgOp = 'Vul een geldige datum in, of laat het vervolg leeg';
    else if (DATUM.test(v.datum) && v.vervolgOp < v.datum) {
      fouten.vervolgOp = 'Het vervolg ligt voor de datum van het contact';
    }
  }
  return fouten;
}

/** The body of the contact; a follow-up that is cleared is no longer done either. */
export function contactInvoer(v: ContactWaarden): SchoolcontactInput {
  const vervolgOp = v.vervolgOp === '' ? null : v.vervolgOp;
  return {
    // Required fields are checked before this is called.
    schoolId: v.schoolId ?? '',
    datum: v.datum,
    soort: v.soort as ContactSoort,
    consulentId: v.consulentId,
    onderwerp: v.onderwerp.trim(),
    signaal: v.signaal,
    vervolgOp,
    vervolgGedaan: vervolgOp !== null && v.vervolgGedaan,
  };
}

/** The quick choices of a follow-up date, from the contact's date: in one, two and four weeks. */
export function vervolgKeuzes(datum: string): { label: string; datum: string }[] {
  if (!DATUM.test(datum)) return [];
  return [
    { label: 'Over 1 week', datum: plusDagen(datum, 7) },
    { label: 'Over 2 weken', datum: plusDagen(datum, 14) },
    { label: 'Over 4 weken', datum: plusDagen(datum, 28) },
  ];
}

/** Where a contact's follow-up stands, for a timeline: none, done, open, due or late. */
export function vervolgStand(
  c: { vervolgOp?: string | null; vervolgGedaan: boolean },
  vandaag: string,
): 'geen' | 'gedaan' | 'gepland' | 'vandaag' | 'te_laat' {
  if (!c.vervolgOp) return 'geen';
  if (c.vervolgGedaan) return 'gedaan';
  if (c.vervolgOp > vandaag) return 'gepland';
  return c.vervolgOp === vandaag ? 'vandaag' : 'te_laat';
}

/**
 * School choices for a contact: the caller's own schools first (the ones she visits), then the
 * others, each group by name. One group only when the caller has no schools of her own.
 */
export function schoolKeuzes(
  scholen: readonly { id: string; naam: string; consulentId?: string | null }[],
  consulentId: string | null,
): { group: string; items: { value: string; label: string }[] }[] {
  const opNaam = (a: { naam: string }, b: { naam: string }) => a.naam.localeCompare(b.naam, 'nl');
  const keuze = (s: { id: string; naam: string }) => ({ value: s.id, label: s.naam });
  const eigen = consulentId ? scholen.filter((s) => s.consulentId === consulentId) : [];
  if (eigen.length === 0) return [{ group: 'Scholen', items: [...scholen].sort(opNaam).map(keuze) }];
  const overig = scholen.filter((s) => s.consulentId !== consulentId);
  return [
    { group: 'Mijn scholen', items: [...eigen].sort(opNaam).map(keuze) },
    { group: 'Andere scholen', items: [...overig].sort(opNaam).map(keuze) },
  ];
}

/** A path inside the SPA to return to (`?terug=`), never another site. */
export function terugPad(value: string | null | undefined): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

/** The counts per kind and per signal over all schools of an overview, and the contacts in all. */
export function overzichtTotalen(scholen: readonly Pick<SchoolContacten, 'contacten' | 'perSoort' | 'signalen'>[]): {
  contacten: number;
  perSoort: Record<string, number>;
  signalen: Record<ContactSignaal, number>;
} {
  const perSoort: Record<string, number> = {};
  const signalen: Record<ContactSignaal, number> = { op_koers: 0, aandacht: 0, risico: 0 };
  let contacten = 0;
  for (const s of scholen) {
    contacten += s.contacten;
    for (const [soort, n] of Object.entries(s.perSoort)) perSoort[soort] = (perSoort[soort] ?? 0) + n;
    for (const k of ['op_koers', 'aandacht', 'risico'] as const) signalen[k] += s.signalen[k];
  }
  return { contacten, perSoort, signalen };
}

/** The back link to where the contact form was opened from. */
export function terugLabel(pad: string): string {
  if (pad === '/') return 'Naar Mijn week';
  if (pad.startsWith('/scholen/')) return 'Naar de school';
  if (pad.startsWith('/schoolcontacten')) return 'Naar de schoolcontacten';
  return 'Terug';
}
