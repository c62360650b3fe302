import type { Me, Rechten } from '../api/types';

export type Area =
  | 'start'
  | 'overzicht'
  | 'schoolcontacten'
  | 'schoolcontactOverzicht'
  | 'samenwerkingsverbanden'
  | 'scholen'
  | 'schoolbesturen'
  | 'werkgebieden'
  | 'gemeenten'
  | 'gebruikers'
  | 'clients'
  | 'ondersteuningsplannen'
  | 'activiteitenplannen'
  | 'evaluatie'
  | 'portefeuilles'
  | 'projecten'
  | 'bijeenkomsten'
  | 'bijeenkomstStatistieken'
  | 'leerlingen'
  | 'arrangementen'
  | 'arrangementStatistieken'
  | 'budget'
  | 'budgetten'
  | 'mdos'
  | 'mdoStatistieken'
  | 'tlvs'
  | 'tlvWerkvoorraad'
  | 'tlvStatistieken'
  | 'thuiszitters'
  | 'thuiszitterPeildata'
  | 'thuiszitterVervolg'
  | 'thuiszitterStatistieken'
  | 'auditregels'
  | 'mails'
  | 'monitor'
  | 'bestuursmonitor'
  | 'kengetallen';

export const AREA_LABELS: Record<Area, string> = {
  start: 'Start',
  overzicht: 'Overzicht',
  schoolcontacten: 'Schoolcontacten',
  schoolcontactOverzicht: 'Contacten per school',
  samenwerkingsverbanden: 'Samenwerkingsverbanden',
  scholen: 'Scholen',
  schoolbesturen: 'Schoolbesturen',
  werkgebieden: 'Werkgebieden',
  gemeenten: 'Gemeenten',
  gebruikers: 'Gebruikers',
  clients: 'Clients',
  ondersteuningsplannen: 'Ondersteuningsplannen',
  activiteitenplannen: 'Activiteitenplannen',
  evaluatie: 'Evalueren',
  portefeuilles: 'Portefeuilles',
  projecten: 'Projecten',
  bijeenkomsten: 'Bijeenkomsten',
  bijeenkomstStatistieken: 'Statistieken bijeenkomsten',
  leerlingen: 'Leerlingen',
  arrangementen: 'Arrangementen',
  arrangementStatistieken: 'Cijfers arrangementen',
  budget: 'Budget werkgebieden',
  budgetten: 'Budgetten',
  mdos: "MDO's",
  mdoStatistieken: "Cijfers MDO's",
  tlvs: 'TLV-aanvragen',
  tlvWerkvoorraad: 'Werkvoorraad TLV',
  tlvStatistieken: "Cijfers TLV's",
  thuiszitters: 'Thuiszittersbord',
  thuiszitterPeildata: 'Peildata',
  thuiszitterVervolg: 'Vervolg',
  thuiszitterStatistieken: 'Cijfers thuiszitters',
  auditregels: 'Auditlog',
  mails: 'Mails',
  monitor: 'Gemeenten',
  bestuursmonitor: 'Schoolbesturen',
  kengetallen: 'Kengetallen',
};

export const AREA_PATHS: Record<Area, string> = {
  start: '/',
  overzicht: '/overzicht',
  schoolcontacten: '/schoolcontacten',
  schoolcontactOverzicht: '/schoolcontacten/overzicht',
  samenwerkingsverbanden: '/samenwerkingsverbanden',
  scholen: '/scholen',
  schoolbesturen: '/schoolbesturen',
  werkgebieden: '/werkgebieden',
  gemeenten: '/gemeenten',
  gebruikers: '/gebruikers',
  clients: '/clients',
  ondersteuningsplannen: '/ondersteuningsplannen',
  activiteitenplannen: '/activiteitenplannen',
  evaluatie: '/evalueren',
  portefeuilles: '/portefeuilles',
  projecten: '/projecten',
  bijeenkomsten: '/bijeenkomsten',
  bijeenkomstStatistieken: '/bijeenkomsten/statistieken',
  leerlingen: '/leerlingen',
  arrangementen: '/arrangementen',
  arrangementStatistieken: '/arrangementen/statistieken',
  budget: '/budget',
  budgetten: '/budget/budgetten',
  mdos: '/mdos',
  mdoStatistieken: '/mdos/statistieken',
  tlvs: '/tlv',
  tlvWerkvoorraad: '/tlv/werkvoorraad',
  tlvStatistieken: '/tlv/statistieken',
  thuiszitters: '/thuiszitters',
  thuiszitterPeildata: '/thuiszitters/peildata',
  thuiszitterVervolg: '/thuiszitters/vervolg',
  thuiszitterStatistieken: '/thuiszitters/statistieken',
  auditregels: '/auditregels',
  mails: '/mails',
  monitor: '/monitor',
  bestuursmonitor: '/monitor/schoolbesturen',
  kengetallen: '/kengetallen',
};

/** An area's name in running text: "scholen", but "MDO's" (an abbreviation keeps its capitals). */
export function areaNoun(area: Area): string {
  const label = AREA_LABELS[area];
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * The figures of the pupil areas (`leerlingcijfers`), which name no pupil. Who reads pupils finds
 * each under its own area's heading; who reads only the figures (a lezer) finds them together under
 * "Leerlingcijfers", where they follow each other in the menu.
 */
export const LEERLINGCIJFER_AREAS: Area[] = [
  'mdoStatistieken',
  'tlvStatistieken',
  'thuiszitterStatistieken',
  'arrangementStatistieken',
];

/** The areas of the planning cycle, shown under the heading "Planning" in the navigation. */
export const PLANNING_AREAS: Area[] = [
  'ondersteuningsplannen',
  'activiteitenplannen',
  'evaluatie',
  'portefeuilles',
  'projecten',
  'kengetallen',
];

/**
 * A consulent's contacts with her schools and the overview per school, under the heading
 * "Schoolcontacten" (not for a lezer: the API gives them `403`).
 */
export const SCHOOLCONTACT_AREAS: Area[] = ['schoolcontacten', 'schoolcontactOverzicht'];

/** Meetings and their figures, shown under the heading "Bijeenkomsten". */
export const BIJEENKOMST_AREAS: Area[] = ['bijeenkomsten', 'bijeenkomstStatistieken'];

/** Pupil-level data and who saw it, shown under the heading "Leerlingen". */
export const LEERLING_AREAS: Area[] = ['leerlingen', 'mdos', 'mdoStatistieken', 'auditregels'];

/**
 * TLV-aanvragen (toelaatbaarheidsverklaringen), shown under the heading "TLV's" to who reads pupils.
 * The worklist first: the desk's day starts with what waits.
 */
export const TLV_AREAS: Area[] = ['tlvWerkvoorraad', 'tlvs', 'tlvStatistieken'];

/**
 * Thuiszitters, shown under the heading "Thuiszitters" to who reads pupils: the board of open cases
 * first (a consulent's daily view), then the counts on the peildata, the follow-up and the figures.
 */
export const THUISZITTER_AREAS: Area[] = [
  'thuiszitters',
  'thuiszitterPeildata',
  'thuiszitterVervolg',
  'thuiszitterStatistieken',
];

/**
 * Arrangementen, their figures and the werkgebied budgets, under the heading "Arrangementen". The
 * budget is read by every user of the SWV (it names no pupils); the rest only by those who read
 * pupils.
 */
export const ARRANGEMENT_AREAS: Area[] = ['arrangementen', 'arrangementStatistieken', 'budget'];

/**
 * What the SWV shares, under the heading "Monitoren": the JOP monitor (what each gemeente's client
 * receives) and the board monitor (what each schoolbestuur's client receives). Their items are called
 * "Gemeenten" and "Schoolbesturen" like the lists under "Organisatie", so their links say which.
 */
export const MONITOR_AREAS: Area[] = ['monitor', 'bestuursmonitor'];

/**
 * Who works with Koers and what it sends them, under the heading "Beheer": the users, the clients of
 * other systems, and the mails in the outbox (invitations, confirmations, messages to participants).
 */
export const BEHEER_AREAS: Area[] = ['gebruikers', 'clients', 'mails'];

/** The name of an area's link where its label alone would be ambiguous in the menu. */
export const AREA_LINK_NAMES: Partial<Record<Area, string>> = {
  monitor: 'Gemeenten (JOP-monitor)',
  bestuursmonitor: 'Schoolbesturen (bestuursmonitor)',
};

/** The areas in the navigation, in this order, as far as the caller may read them. */
const NAVIGATION: Area[] = [
  'samenwerkingsverbanden',
  'start',
  'overzicht',
  ...SCHOOLCONTACT_AREAS,
  ...LEERLING_AREAS,
  ...TLV_AREAS,
  ...THUISZITTER_AREAS,
  ...ARRANGEMENT_AREAS,
  ...PLANNING_AREAS,
  ...BIJEENKOMST_AREAS,
  ...MONITOR_AREAS,
  'scholen',
  'schoolbesturen',
  'werkgebieden',
  'gemeenten',
  ...BEHEER_AREAS,
];

/**
 * The right of `GET /auth/me` that governs each area. `lezen: 'schrijven'`: the area is shown
 * only to those who may change it (every user reads their own SWV, but only the platform's
 * beheerder manages the list of them). `schrijven: false`: nothing to change there.
 */
const GOVERNED_BY: Record<Area, { recht: keyof Rechten; lezen?: 'schrijven'; schrijven?: false }> = {
  start: { recht: 'organisatie', schrijven: false },
  overzicht: { recht: 'organisatie', schrijven: false },
  schoolcontacten: { recht: 'schoolcontacten' },
  schoolcontactOverzicht: { recht: 'schoolcontacten', schrijven: false },
  samenwerkingsverbanden: { recht: 'samenwerkingsverbanden', lezen: 'schrijven' },
  scholen: { recht: 'organisatie' },
  schoolbesturen: { recht: 'organisatie' },
  werkgebieden: { recht: 'organisatie' },
  gemeenten: { recht: 'gemeenten' },
  gebruikers: { recht: 'gebruikers' },
  clients: { recht: 'clients' },
  ondersteuningsplannen: { recht: 'planstructuur' },
  activiteitenplannen: { recht: 'planstructuur' },
  portefeuilles: { recht: 'planstructuur' },
  // Evaluating is a change: a lezer reads the evaluations on the activities themselves.
  evaluatie: { recht: 'uitvoering', lezen: 'schrijven' },
  projecten: { recht: 'uitvoering' },
  bijeenkomsten: { recht: 'bijeenkomsten' },
  bijeenkomstStatistieken: { recht: 'bijeenkomsten', schrijven: false },
  leerlingen: { recht: 'leerlingen' },
  arrangementen: { recht: 'leerlingen' },
  // The figures name no pupil: a lezer reads them too, with small counts withheld.
  arrangementStatistieken: { recht: 'leerlingcijfers', schrijven: false },
  budget: { recht: 'budgetten', schrijven: false },
  budgetten: { recht: 'budgetten' },
  mdos: { recht: 'leerlingen' },
  mdoStatistieken: { recht: 'leerlingcijfers', schrijven: false },
  tlvs: { recht: 'leerlingen' },
  tlvWerkvoorraad: { recht: 'leerlingen', schrijven: false },
  tlvStatistieken: { recht: 'leerlingcijfers', schrijven: false },
  thuiszitters: { recht: 'leerlingen' },
  // Freezing a peildatum is a change: who writes pupils may.
  thuiszitterPeildata: { recht: 'leerlingen' },
  thuiszitterVervolg: { recht: 'leerlingen', schrijven: false },
  thuiszitterStatistieken: { recht: 'leerlingcijfers', schrijven: false },
  auditregels: { recht: 'auditregels', schrijven: false },
  mails: { recht: 'mails', schrijven: false },
  monitor: { recht: 'monitor', schrijven: false },
  bestuursmonitor: { recht: 'bestuursmonitor', schrijven: false },
  kengetallen: { recht: 'kengetallen' },
};

/** Who is asking: the rights the API computed from their role (`GET /auth/me`), and the role. */
export type Caller = Pick<Me, 'rechten' | 'rol'> | null | undefined;

/**
 * A consulent starts her day on "Mijn week" (her worklist, her schools, the week's meetings): that
 * is her start page, and the start page of the others is her "Overzicht".
 */
export function startsOnMijnWeek(caller: Caller): boolean {
  return caller?.rol === 'consulent' && caller.rechten.schoolcontacten.lezen;
}

/**
 * Who reads the SWV's KPIs and does not start on "Mijn week" (a director: beheerder or lezer, and the
 * medewerker) starts on the dashboard: the KPIs first, then the plan and the organisation.
 */
export function startsOnDashboard(caller: Caller): boolean {
  return !startsOnMijnWeek(caller) && (caller?.rechten.kengetallen.lezen ?? false);
}

/** The label of an area in the menu: the consulent's start is "Mijn week", a director's the "Dashboard". */
export function areaLabel(caller: Caller, area: Area): string {
  if (area !== 'start') return AREA_LABELS[area];
  if (startsOnMijnWeek(caller)) return 'Mijn week';
  return startsOnDashboard(caller) ? 'Dashboard' : AREA_LABELS.start;
}

export function canRead(caller: Caller, area: Area): boolean {
  // The start page of the others, for who has "Mijn week" as hers.
  if (area === 'overzicht' && !startsOnMijnWeek(caller)) return false;
  const { recht, lezen = 'lezen' } = GOVERNED_BY[area];
  return caller?.rechten[recht][lezen] ?? false;
}

/** Who may create, change and delete records of an area. */
export function canWrite(caller: Caller, area: Area): boolean {
  const { recht, schrijven } = GOVERNED_BY[area];
  return schrijven ?? caller?.rechten[recht].schrijven ?? false;
}

/** The areas in the navigation, in order (what the API lets the caller read). */
export function areasFor(caller: Caller): Area[] {
  return NAVIGATION.filter((area) => canRead(caller, area));
}

/** Where a user lands after signing in. */
export function homePath(caller: Caller): string {
  const first = areasFor(caller)[0];
  return first ? AREA_PATHS[first] : '/';
}

/** Who may add, change and evaluate activities (and record project progress). */
export function canWriteActiviteiten(caller: Caller): boolean {
  return caller?.rechten.uitvoering.schrijven ?? false;
}

/** Who may see and change the registrations of meetings (personal data: not the lezer). */
export function canReadAanmeldingen(caller: Caller): boolean {
  return caller?.rechten.aanmeldingen.lezen ?? false;
}

/** Who may change the registrations of meetings and mail their participants. */
export function canWriteAanmeldingen(caller: Caller): boolean {
  return caller?.rechten.aanmeldingen.schrijven ?? false;
}
