import { describe, expect, it } from 'vitest';
import type { Rechten, Rol } from '../api/types';
import {
  AREA_LABELS,
  AREA_LINK_NAMES,
  AREA_PATHS,
  areaLabel,
  areaNoun,
  areasFor,
  canRead,
  canReadAanmeldingen,
  canWrite,
  canWriteActiviteiten,
  homePath,
  LEERLINGCIJFER_AREAS,
  startsOnDashboard,
  startsOnMijnWeek,
  type Area,
} from './roles';

/** The rights `GET /auth/me` answers for a user of each role: the API's role table (`role_allows`). */
function rechtenVan(rol: Rol): Rechten {
  const platform = rol === 'platformbeheerder';
  const swv = !platform;
  const recht = (lezen: boolean, schrijven: boolean) => ({ lezen, schrijven });
  const uitvoerend = rol === 'beheerder' || rol === 'consulent' || rol === 'medewerker';
  return {
    samenwerkingsverbanden: recht(true, platform),
    gemeenten: recht(true, platform),
    organisatie: recht(swv, rol === 'beheerder'),
    gebruikers: recht(platform || rol === 'beheerder', platform || rol === 'beheerder'),
    clients: recht(platform || rol === 'beheerder', platform || rol === 'beheerder'),
    planstructuur: recht(swv, rol === 'beheerder' || rol === 'consulent'),
    uitvoering: recht(swv, uitvoerend),
    bijeenkomsten: recht(swv, uitvoerend),
    aanmeldingen: recht(uitvoerend, uitvoerend),
    leerlingen: recht(uitvoerend, uitvoerend),
    leerlingcijfers: recht(uitvoerend || rol === 'lezer', false),
    auditregels: recht(rol === 'beheerder', false),
    mails: recht(rol === 'beheerder', false),
    budgetten: recht(swv, rol === 'beheerder'),
    schoolcontacten: recht(uitvoerend, uitvoerend),
    monitor: recht(swv, false),
    bestuursmonitor: recht(swv, false),
    kengetallen: recht(swv, rol === 'beheerder'),
  };
}

const PLANNING: Area[] = [
  'ondersteuningsplannen',
  'activiteitenplannen',
  'evaluatie',
  'portefeuilles',
  'projecten',
  'kengetallen',
];
/** The menu of every user of an SWV, for a lezer (no pupil-level data). */
const SWV_MENU: Area[] = [
  'start',
  'budget',
  ...PLANNING,
  'bijeenkomsten',
  'bijeenkomstStatistieken',
  'monitor',
  'bestuursmonitor',
  'scholen',
  'schoolbesturen',
  'werkgebieden',
  'gemeenten',
];

/** The menu of an SWV user with `extra` areas right after the start page (pupils and the audit log). */
const withPupils = (...extra: Area[]): Area[] => ['start', ...extra, ...SWV_MENU.slice(1)];
/** The contacts with schools and their overview, right after the start page, for who works with schools. */
const CONTACTEN: Area[] = ['schoolcontacten', 'schoolcontactOverzicht'];
/** Pupil-level areas of those who read pupils: pupils and MDO's, then (after the audit log) arrangementen. */
const PUPILS: Area[] = ['leerlingen', 'mdos', 'mdoStatistieken'];
const ARRANGEMENTEN: Area[] = ['arrangementen', 'arrangementStatistieken'];
/** TLV-aanvragen, between the pupils (with the audit log) and the arrangementen, the worklist first. */
const TLVS: Area[] = ['tlvWerkvoorraad', 'tlvs', 'tlvStatistieken'];
/** Thuiszitters after the TLV's, the board first. */
const THUISZITTERS: Area[] = ['thuiszitters', 'thuiszitterPeildata', 'thuiszitterVervolg', 'thuiszitterStatistieken'];

/** What each role sees and can do (as when the SPA still kept its own copy of the role table, plus pupils). */
const EXPECTED: Record<
  Rol,
  { menu: Area[]; writes: Area[]; activiteiten: boolean; aanmeldingen: boolean; home: string }
> = {
  beheerder: {
    menu: [
      ...withPupils(...CONTACTEN, ...PUPILS, 'auditregels', ...TLVS, ...THUISZITTERS, ...ARRANGEMENTEN),
      'gebruikers',
      'clients',
      'mails',
    ],
    writes: [
      ...PLANNING,
      'schoolcontacten',
      'bijeenkomsten',
      'scholen',
      'schoolbesturen',
      'werkgebieden',
      'gebruikers',
      'clients',
      'leerlingen',
      'arrangementen',
      'mdos',
      'tlvs',
      'thuiszitters',
      'thuiszitterPeildata',
      'budgetten',
    ],
    activiteiten: true,
    aanmeldingen: true,
    home: '/',
  },
  consulent: {
    // Her start page is "Mijn week"; the start page of the others is her "Overzicht".
    menu: withPupils('overzicht', ...CONTACTEN, ...PUPILS, ...TLVS, ...THUISZITTERS, ...ARRANGEMENTEN),
    writes: [
      ...PLANNING.filter((a) => a !== 'kengetallen'),
      'schoolcontacten',
      'bijeenkomsten',
      'leerlingen',
      'arrangementen',
      'mdos',
      'tlvs',
      'thuiszitters',
      'thuiszitterPeildata',
    ],
    activiteiten: true,
    aanmeldingen: true,
    home: '/',
  },
  medewerker: {
    menu: withPupils(...CONTACTEN, ...PUPILS, ...TLVS, ...THUISZITTERS, ...ARRANGEMENTEN),
    writes: [
      'schoolcontacten',
      'evaluatie',
      'projecten',
      'bijeenkomsten',
      'leerlingen',
      'arrangementen',
      'mdos',
      'tlvs',
      'thuiszitters',
      'thuiszitterPeildata',
    ],
    activiteiten: true,
    aanmeldingen: true,
    home: '/',
  },
  // Evaluating is a change: a lezer is never offered it. Of the pupil areas only the figures.
  lezer: {
    menu: withPupils('mdoStatistieken', 'tlvStatistieken', 'thuiszitterStatistieken', 'arrangementStatistieken').filter(
      (a) => a !== 'evaluatie',
    ),
    writes: [],
    activiteiten: false,
    aanmeldingen: false,
    home: '/',
  },
  platformbeheerder: {
    menu: ['samenwerkingsverbanden', 'gemeenten', 'gebruikers', 'clients'],
    writes: ['samenwerkingsverbanden', 'gemeenten', 'gebruikers', 'clients'],
    activiteiten: false,
    aanmeldingen: false,
    home: '/samenwerkingsverbanden',
  },
};

const ALL_AREAS = Object.keys(AREA_LABELS) as Area[];

describe('what the menus and buttons show, from the rights of GET /auth/me', () => {
  for (const [rol, expected] of Object.entries(EXPECTED) as [Rol, (typeof EXPECTED)[Rol]][]) {
    it(`shows a ${rol} the same menu and buttons as before`, () => {
      const me = { rechten: rechtenVan(rol), rol };
      expect(areasFor(me)).toEqual(expected.menu);
      // A page can be opened exactly when its area is in the menu (the budgetten with the budget page).
      const menu = expected.menu.includes('budget') ? [...expected.menu, 'budgetten'] : expected.menu;
      expect(ALL_AREAS.filter((area) => canRead(me, area)).sort()).toEqual([...menu].sort());
      expect(ALL_AREAS.filter((area) => canWrite(me, area)).sort()).toEqual([...expected.writes].sort());
      expect(canWriteActiviteiten(me)).toBe(expected.activiteiten);
      expect(canReadAanmeldingen(me)).toBe(expected.aanmeldingen);
      expect(homePath(me)).toBe(expected.home);
    });
  }

  it('shows nothing to a caller without rights', () => {
    expect(areasFor(null)).toEqual([]);
    expect(canWrite(undefined, 'scholen')).toBe(false);
    expect(homePath(null)).toBe('/');
  });

  it('never offers to change the start page, the statistics or the audit log', () => {
    const me = { rechten: rechtenVan('beheerder') };
    expect(canWrite(me, 'start')).toBe(false);
    expect(canWrite(me, 'bijeenkomstStatistieken')).toBe(false);
    expect(canWrite(me, 'auditregels')).toBe(false);
    expect(canWrite(me, 'mails')).toBe(false);
    expect(canWrite(me, 'arrangementStatistieken')).toBe(false);
    expect(canWrite(me, 'mdoStatistieken')).toBe(false);
    expect(canWrite(me, 'tlvWerkvoorraad')).toBe(false);
    expect(canWrite(me, 'tlvStatistieken')).toBe(false);
    expect(canWrite(me, 'thuiszitterVervolg')).toBe(false);
    expect(canWrite(me, 'thuiszitterStatistieken')).toBe(false);
    expect(canWrite(me, 'budget')).toBe(false);
    expect(canWrite(me, 'budgetten')).toBe(true);
  });

  it('shows each monitor by its own right, never to change, and names its link apart from the lists', () => {
    const lezer = rechtenVan('lezer');
    const zonderBesturen = { rechten: { ...lezer, bestuursmonitor: { lezen: false, schrijven: false } } };
    expect(areasFor(zonderBesturen)).toContain('monitor');
    expect(areasFor(zonderBesturen)).not.toContain('bestuursmonitor');
    const zonderGemeenten = { rechten: { ...lezer, monitor: { lezen: false, schrijven: false } } };
    expect(areasFor(zonderGemeenten)).toContain('bestuursmonitor');
    expect(areasFor(zonderGemeenten)).not.toContain('monitor');
    const beheerder = { rechten: rechtenVan('beheerder') };
    expect(canWrite(beheerder, 'bestuursmonitor')).toBe(false);
    expect(AREA_PATHS.bestuursmonitor).toBe('/monitor/schoolbesturen');
    expect(AREA_LINK_NAMES.monitor).toBe('Gemeenten (JOP-monitor)');
    expect(AREA_LINK_NAMES.bestuursmonitor).toBe('Schoolbesturen (bestuursmonitor)');
  });

  it('shows pupils and the audit log by their own rights, not by role', () => {
    const lezer = rechtenVan('lezer');
    // A lezer who was given the right to read pupils (the API decides; the SPA follows).
    const me = { rechten: { ...lezer, leerlingen: { lezen: true, schrijven: false } } };
    expect(areasFor(me)).toContain('leerlingen');
    expect(areasFor(me)).toContain('arrangementen');
    expect(canWrite(me, 'leerlingen')).toBe(false);
    expect(canWrite(me, 'arrangementen')).toBe(false);
    expect(areasFor(me)).not.toContain('auditregels');
    const auditor = { rechten: { ...lezer, auditregels: { lezen: true, schrijven: false } } };
    expect(areasFor(auditor)).toEqual(
      withPupils(
        'mdoStatistieken',
        'auditregels',
        'tlvStatistieken',
        'thuiszitterStatistieken',
        'arrangementStatistieken',
      ).filter((a) => a !== 'evaluatie'),
    );
  });

  it('shows every user of an SWV the werkgebied budgets, and lets only who may write them change them', () => {
    const lezer = { rechten: rechtenVan('lezer') };
    expect(canRead(lezer, 'budget')).toBe(true);
    expect(canRead(lezer, 'budgetten')).toBe(true);
    expect(canWrite(lezer, 'budgetten')).toBe(false);
    expect(canRead(lezer, 'arrangementen')).toBe(false);
    expect(canRead(lezer, 'mdos')).toBe(false);
    expect(canRead(lezer, 'tlvs')).toBe(false);
    expect(canRead(lezer, 'thuiszitters')).toBe(false);
  });

  it('shows the figures of the pupil areas to who reads them, and nothing of the pupils themselves', () => {
    const lezer = { rechten: rechtenVan('lezer') };
    for (const area of LEERLINGCIJFER_AREAS) {
      expect(canRead(lezer, area)).toBe(true);
      expect(canWrite(lezer, area)).toBe(false);
    }
    for (const area of ['leerlingen', 'tlvWerkvoorraad', 'thuiszitterPeildata', 'thuiszitterVervolg'] as const) {
      expect(canRead(lezer, area)).toBe(false);
    }
    // The right to the figures alone governs them, whatever the right to pupils says.
    const zonder = { rechten: { ...rechtenVan('medewerker'), leerlingcijfers: { lezen: false, schrijven: false } } };
    for (const area of LEERLINGCIJFER_AREAS) expect(canRead(zonder, area)).toBe(false);
    expect(canRead(zonder, 'tlvs')).toBe(true);
  });
});

describe("a consulent's start page", () => {
  it('is "Mijn week", with the start page of the others as her "Overzicht"', () => {
    const consulent = { rechten: rechtenVan('consulent'), rol: 'consulent' as const };
    expect(startsOnMijnWeek(consulent)).toBe(true);
    expect(areaLabel(consulent, 'start')).toBe('Mijn week');
    expect(canRead(consulent, 'overzicht')).toBe(true);
    const medewerker = { rechten: rechtenVan('medewerker'), rol: 'medewerker' as const };
    expect(startsOnMijnWeek(medewerker)).toBe(false);
    expect(areaLabel(medewerker, 'start')).toBe('Dashboard');
    expect(startsOnDashboard(medewerker)).toBe(true);
    expect(startsOnDashboard(consulent)).toBe(false);
    const lezer = { rechten: rechtenVan('lezer'), rol: 'lezer' as const };
    expect(areaLabel(lezer, 'start')).toBe('Dashboard');
    const platform = { rechten: rechtenVan('platformbeheerder'), rol: 'platformbeheerder' as const };
    expect(areaLabel(platform, 'start')).toBe('Start');
    expect(canRead(medewerker, 'overzicht')).toBe(false);
  });

  it('hides the contacts with schools from a lezer', () => {
    const lezer = { rechten: rechtenVan('lezer'), rol: 'lezer' as const };
    expect(canRead(lezer, 'schoolcontacten')).toBe(false);
    expect(canRead(lezer, 'schoolcontactOverzicht')).toBe(false);
  });
});

describe('area names in running text', () => {
  it('lowercases a name, but keeps an abbreviation', () => {
    expect(areaNoun('scholen')).toBe('scholen');
    expect(areaNoun('budgetten')).toBe('budgetten');
    expect(areaNoun('mdos')).toBe("MDO's");
    expect(areaNoun('arrangementStatistieken')).toBe('cijfers arrangementen');
  });
});
