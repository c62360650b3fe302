import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { InvalidParam } from '../api/problem';
import type { Bijeenkomst, BijeenkomstInput } from '../api/types';
import { EXPORT_MEDIA_TYPES } from './download';

dayjs.extend(utc);
dayjs.extend(timezone);

// Meetings take place in the Netherlands: their times are entered and shown in Dutch time
// whatever the device's time zone (as lib/meetingTime does); the API speaks UTC timestamps.
const ZONE = 'Europe/Amsterdam';

/** An RFC 3339 timestamp → the Dutch date (`2026-09-15`) and time (`14:30`). */
export function localParts(value: string | null | undefined): { datum: string; tijd: string } {
  if (!value) return { datum: '', tijd: '' };
  const d = dayjs(value);
  if (!d.isValid()) return { datum: '', tijd: '' };
  const nl = d.tz(ZONE);
  return { datum: nl.format('YYYY-MM-DD'), tijd: nl.format('HH:mm') };
}

/** A Dutch date and time → an RFC 3339 UTC timestamp without fractions (`2026-09-15T12:30:00Z`). */
export function toTimestamp(datum: string, tijd: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(datum) || !/^\d{2}:\d{2}$/.test(tijd)) return null;
  const d = dayjs.tz(`${datum} ${tijd}`, 'YYYY-MM-DD HH:mm', ZONE);
  return d.isValid() ? d.utc().format('YYYY-MM-DDTHH:mm:ss[Z]') : null;
}

/** The start of a meeting in a list: `15-09-2026 14:30` (Dutch time). */
export function formatStart(value: string): string {
  const { datum, tijd } = localParts(value);
  return datum ? `${datum.slice(8, 10)}-${datum.slice(5, 7)}-${datum.slice(0, 4)} ${tijd}` : '';
}

/** Today in the Netherlands: `2026-09-15`. */
export function vandaagNl(now: Date = new Date()): string {
  return localParts(now.toISOString()).datum;
}

/** The kind of attendance target of a meeting: none, a number of participants, or a share of a group. */
export type StreefKeuze = 'geen' | 'aantal' | 'percentage';

export function streefKeuzeOf(b: Pick<Bijeenkomst, 'streefOpkomst' | 'streefPercentage'>): StreefKeuze {
  if (b.streefOpkomst != null) return 'aantal';
  if (b.streefPercentage != null) return 'percentage';
  return 'geen';
}

type Getal = number | string;

function getal(value: Getal | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** The target fields of the body: only those of the chosen kind, the others explicitly null. */
export function streefVelden(
  keuze: StreefKeuze,
  values: { streefOpkomst: Getal; streefPercentage: Getal; doelgroepOmvang: Getal },
): Pick<BijeenkomstInput, 'streefOpkomst' | 'streefPercentage' | 'doelgroepOmvang'> {
  return {
    streefOpkomst: keuze === 'aantal' ? getal(values.streefOpkomst) : null,
    streefPercentage: keuze === 'percentage' ? getal(values.streefPercentage) : null,
    doelgroepOmvang: keuze === 'percentage' ? getal(values.doelgroepOmvang) : null,
  };
}

/** What the form of a meeting holds. */
export interface BijeenkomstWaarden extends Record<string, unknown> {
  titel: string;
  omschrijving: string;
  soort: string | null;
  datum: string;
  begintijd: string;
  /** Empty: the same day as `datum`. */
  einddatum: string;
  eindtijd: string;
  vorm: string;
  locatie: string;
  status: string;
  minDeelnemers: Getal;
  maxDeelnemers: Getal;
  streef: StreefKeuze;
  streefOpkomst: Getal;
  streefPercentage: Getal;
  doelgroepOmvang: Getal;
  activiteitId: string | null;
  projectId: string | null;
  portefeuilleId: string | null;
  publiek: boolean;
  /** `YYYY-MM-DDTHH:mm` (a datetime-local input), or empty. */
  aanmeldenTot: string;
  /** Hours before the start that the registered participants get a reminder by mail; empty: none. */
  herinnering: string;
}

/** The API's default: a reminder a day before the start. */
export const STANDAARD_HERINNERING = 24;

/** The choices for the reminder, in hours before the start (the API takes 1 to 168). */
export const HERINNERING_UREN = [2, 24, 48, 72, 168] as const;

/** `24` → "1 dag van tevoren", `2` → "2 uur van tevoren", `168` → "1 week van tevoren". */
export function herinneringLabel(uren: number): string {
  if (uren === 168) return '1 week van tevoren';
  if (uren % 24 === 0) return uren === 24 ? '1 dag van tevoren' : `${uren / 24} dagen van tevoren`;
  return `${uren} uur van tevoren`;
}

/** The choices of the reminder's select, with the meeting's own value when it is not one of them. */
export function herinneringOpties(huidig: string): { value: string; label: string }[] {
  const uren: number[] = [...HERINNERING_UREN];
  const eigen = Number(huidig);
  if (huidig !== '' && Number.isInteger(eigen) && !uren.includes(eigen)) uren.push(eigen);
  return [
    { value: '', label: 'Geen herinnering' },
    ...uren.sort((a, b) => a - b).map((u) => ({ value: String(u), label: herinneringLabel(u) })),
  ];
}

export const LEGE_BIJEENKOMST: BijeenkomstWaarden = {
  titel: '',
  omschrijving: '',
  soort: null,
  datum: '',
  begintijd: '',
  einddatum: '',
  eindtijd: '',
  vorm: 'live',
  locatie: '',
  status: 'gepland',
  minDeelnemers: '',
  maxDeelnemers: '',
  streef: 'geen',
  streefOpkomst: '',
  streefPercentage: '',
  doelgroepOmvang: '',
  activiteitId: null,
  projectId: null,
  portefeuilleId: null,
  publiek: false,
  aanmeldenTot: '',
  herinnering: String(STANDAARD_HERINNERING),
};

export function waardenVan(b: Bijeenkomst): BijeenkomstWaarden {
  const start = localParts(b.start);
  const eind = localParts(b.eind);
  const tot = localParts(b.aanmeldenTot);
  const num = (n: number | null | undefined): Getal => (n === null || n === undefined ? '' : n);
  return {
    titel: b.titel,
    omschrijving: b.omschrijving ?? '',
    soort: b.soort,
    datum: start.datum,
    begintijd: start.tijd,
    einddatum: eind.datum === start.datum ? '' : eind.datum,
    eindtijd: eind.tijd,
    vorm: b.vorm,
    locatie: b.locatie ?? '',
    status: b.status,
    minDeelnemers: num(b.minDeelnemers),
    maxDeelnemers: num(b.maxDeelnemers),
    streef: streefKeuzeOf(b),
    streefOpkomst: num(b.streefOpkomst),
    streefPercentage: num(b.streefPercentage),
    doelgroepOmvang: num(b.doelgroepOmvang),
    activiteitId: b.activiteitId ?? null,
    projectId: b.projectId ?? null,
    portefeuilleId: b.portefeuilleId ?? null,
    publiek: b.publiek,
    aanmeldenTot: tot.datum ? `${tot.datum}T${tot.tijd}` : '',
    // Left out by the API of before reminders: its default.
    herinnering:
      b.herinneringUrenVooraf === undefined
        ? String(STANDAARD_HERINNERING)
        : b.herinneringUrenVooraf === null
          ? ''
          : String(b.herinneringUrenVooraf),
  };
}

export function invoerVan(v: BijeenkomstWaarden): BijeenkomstInput {
  const [totDatum = '', totTijd = ''] = v.aanmeldenTot.split('T');
  return {
    titel: v.titel.trim(),
    omschrijving: v.omschrijving.trim() || null,
    soort: v.soort as BijeenkomstInput['soort'],
    start: toTimestamp(v.datum, v.begintijd) ?? '',
    eind: toTimestamp(v.einddatum || v.datum, v.eindtijd) ?? '',
    vorm: v.vorm as BijeenkomstInput['vorm'],
    locatie: v.locatie.trim() || null,
    status: v.status as BijeenkomstInput['status'],
    minDeelnemers: getal(v.minDeelnemers),
    maxDeelnemers: getal(v.maxDeelnemers),
    ...streefVelden(v.streef, v),
    activiteitId: v.activiteitId || null,
    projectId: v.projectId || null,
    portefeuilleId: v.portefeuilleId || null,
    publiek: v.publiek,
    // The deadline only means something for self-registration.
    aanmeldenTot: v.publiek && v.aanmeldenTot ? toTimestamp(totDatum, totTijd.slice(0, 5)) : null,
    herinneringUrenVooraf: v.herinnering === '' ? null : Number(v.herinnering),
  };
}

function heelGetal(value: Getal, label: string, min: number): string | null {
  if (value === '') return null;
  const n = getal(value);
  if (n === null || !Number.isInteger(n) || n < min) return `${label}: een heel getal van ${min} of meer`;
  return null;
}

/**
 * The API's rules for a meeting, checked before sending: required fields, the end after the
 * start, min ≤ max, one kind of target with what it needs, and the deadline before the start.
 */
export function bijeenkomstFouten(v: BijeenkomstWaarden): Partial<Record<keyof BijeenkomstWaarden, string>> {
  const e: Partial<Record<keyof BijeenkomstWaarden, string>> = {};
  if (v.titel.trim() === '') e.titel = 'Titel is verplicht';
  else if (v.titel.length > 200) e.titel = 'Titel mag hoogstens 200 tekens lang zijn';
  if (!v.soort) e.soort = 'Kies een soort';
  if (!v.datum) e.datum = 'Datum is verplicht';
  if (!v.begintijd) e.begintijd = 'Begintijd is verplicht';
  if (!v.eindtijd) e.eindtijd = 'Eindtijd is verplicht';
  const start = toTimestamp(v.datum, v.begintijd);
  const eind = toTimestamp(v.einddatum || v.datum, v.eindtijd);
  if (start && eind && eind <= start) {
    if (v.einddatum) e.einddatum = 'Moet na het begin liggen';
    else e.eindtijd = 'Moet na de begintijd liggen';
  }
  const min = heelGetal(v.minDeelnemers, 'Minimum', 1);
  const max = heelGetal(v.maxDeelnemers, 'Maximum', 1);
  if (min) e.minDeelnemers = min;
  if (max) e.maxDeelnemers = max;
  const minN = getal(v.minDeelnemers);
  const maxN = getal(v.maxDeelnemers);
  if (!min && !max && minN !== null && maxN !== null && minN > maxN) {
    e.maxDeelnemers = 'Het maximum mag niet kleiner zijn dan het minimum';
  }
  if (v.streef === 'aantal') {
    if (v.streefOpkomst === '') e.streefOpkomst = 'Vul het aantal deelnemers in dat u verwacht';
    else {
      const err = heelGetal(v.streefOpkomst, 'Streefopkomst', 1);
      if (err) e.streefOpkomst = err;
    }
  }
  if (v.streef === 'percentage') {
    const pct = getal(v.streefPercentage);
    if (v.streefPercentage === '') e.streefPercentage = 'Vul een percentage in';
    else if (pct === null || pct < 0 || pct > 100) e.streefPercentage = 'Een percentage van 0 tot en met 100';
    if (v.doelgroepOmvang === '') e.doelgroepOmvang = 'Vul in hoe groot de doelgroep is';
    else {
      const err = heelGetal(v.doelgroepOmvang, 'Doelgroep', 1);
      if (err) e.doelgroepOmvang = err;
    }
  }
  if (v.publiek && v.aanmeldenTot && start) {
    const [d = '', t = ''] = v.aanmeldenTot.split('T');
    const tot = toTimestamp(d, t.slice(0, 5));
    if (tot && tot > start) e.aanmeldenTot = 'Aanmelden moet sluiten vóór het begin van de bijeenkomst';
  }
  return e;
}

/** One day in a month view. */
export interface Dag {
  /** `2026-09-15` */
  datum: string;
  dag: number;
  inMaand: boolean;
}

const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/**
 * The weeks of a month (`2026-09`) for a calendar, Monday first, with the days of the months
 * around it that fill the first and last week.
 */
export function maandRaster(maand: string): Dag[][] {
  const first = dayjs(`${maand}-01`);
  // dayjs: Sunday = 0; the Dutch week starts on Monday.
  const back = (first.day() + 6) % 7;
  let day = first.subtract(back, 'day');
  const last = first.endOf('month');
  const weeks: Dag[][] = [];
  while (day.isBefore(last) || day.isSame(last, 'day')) {
    const week: Dag[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ datum: iso(day), dag: day.date(), inMaand: day.month() === first.month() });
      day = day.add(1, 'day');
    }
    weeks.push(week);
  }
  return weeks;
}

/** `2026-09` → `2026-10` (or back with -1). */
export function verschuifMaand(maand: string, stap: number): string {
  return dayjs(`${maand}-01`).add(stap, 'month').format('YYYY-MM');
}

/** The first and last day of a month, for the `vanaf` and `tot` filters of the list. */
export function maandBereik(maand: string): { vanaf: string; tot: string } {
  const first = dayjs(`${maand}-01`);
  return { vanaf: iso(first), tot: iso(first.endOf('month')) };
}

/** The months of a school year (`2022-2023`): August to July. */
export function maandenVanSchooljaar(schooljaar: string): string[] {
  const start = Number(schooljaar.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => dayjs(`${start}-08-01`).add(i, 'month').format('YYYY-MM'));
}

/** Meetings by the local day they start on, each day in order of time. */
export function perDag<T extends Pick<Bijeenkomst, 'start'>>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
    const key = localParts(item.start).datum;
    const list = map.get(key) ?? [];
    list.push(item);
    map.set(key, list);
  }
  return map;
}

/** School years to choose from: from 2020-2021 to the year after the current one, newest first. */
export function schooljaarKeuzes(huidig: string): string[] {
  const last = Number(huidig.slice(0, 4)) + 1;
  const years: string[] = [];
  for (let y = last; y >= 2020; y--) years.push(`${y}-${y + 1}`);
  return years;
}

/** One bad row of an import, as the server names it: `rijen[3].email`. */
export interface ImportFout {
  rij: number;
  kolom: string;
  reden: string;
}

/** The row errors of a refused import in row order; other reasons (e.g. a missing column) apart. */
export function importFouten(params: readonly InvalidParam[]): { rijen: ImportFout[]; overig: string[] } {
  const rijen: ImportFout[] = [];
  const overig: string[] = [];
  for (const { name, reason } of params) {
    const m = /^rijen\[(\d+)\](?:\.(.+))?$/.exec(name);
    if (m) rijen.push({ rij: Number(m[1]), kolom: m[2] ?? '', reden: reason });
    else overig.push(name && name !== 'body' ? `${name}: ${reason}` : reason);
  }
  rijen.sort((a, b) => a.rij - b.rij || a.kolom.localeCompare(b.kolom));
  return { rijen, overig };
}

/**
 * The media type to send a file with: browsers report CSV under several names (or none, or as
 * `application/vnd.ms-excel` on Windows), so the extension decides. Null: not CSV or XLSX.
 */
export function importMediaType(naam: string): string | null {
  const ext = naam.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return EXPORT_MEDIA_TYPES.csv;
  if (ext === 'xlsx') return EXPORT_MEDIA_TYPES.xlsx;
  return null;
}

/** The dates of a series, checked: each a valid date, none twice, none on the meeting's own day. */
/** The most copies one request makes. */
export const MAX_HERHALINGEN = 52;

export function herhalingFouten(datums: string[], eigenDatum: string): (string | null)[] {
  return datums.map((d, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !dayjs(d).isValid()) return 'Kies een datum';
    if (d === eigenDatum) return 'Dit is de datum van deze bijeenkomst zelf';
    if (datums.indexOf(d) !== i) return 'Deze datum staat er al';
    return null;
  });
}

/** `n` dates every `weken` weeks after a date: to fill a series quickly. */
export function reeksDatums(vanaf: string, weken: number, n: number): string[] {
  const start = dayjs(vanaf);
  if (!start.isValid() || weken < 1 || n < 1) return [];
  return Array.from({ length: n }, (_, i) => iso(start.add((i + 1) * weken, 'week')));
}

/** A name search that ignores case and accents ("Sofie" finds "Sofie Çelik" with "celik"). */
export function naamPast(naam: string, zoek: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLocaleLowerCase('nl-NL');
  const q = norm(zoek.trim());
  if (q === '') return true;
  const n = norm(naam);
  return q.split(/\s+/).every((part) => n.includes(part));
}

/** The counter of the attendance screen: of the registered, how many are present, and who is not recorded yet. */
export function presentieTelling(items: { id: string; aanwezig?: boolean | null }[]): {
  aanwezig: number;
  totaal: number;
  open: string[];
} {
  return {
    aanwezig: items.filter((a) => a.aanwezig === true).length,
    totaal: items.length,
    open: items.filter((a) => a.aanwezig == null).map((a) => a.id),
  };
}

/** One registration's attendance changed in a list (for an optimistic update and its rollback). */
export function metAanwezig<T extends { id: string; aanwezig?: boolean | null }>(
  items: T[],
  id: string,
  aanwezig: boolean | null,
): T[] {
  return items.map((a) => (a.id === id ? { ...a, aanwezig } : a));
}
