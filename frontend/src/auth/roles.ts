import type { Rol } from '../api/types';

export type Area =
  | 'start'
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
  | 'bijeenkomstStatistieken';

export const AREA_LABELS: Record<Area, string> = {
  start: 'Start',
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
};

export const AREA_PATHS: Record<Area, string> = {
  start: '/',
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
};

/** The areas of the planning cycle, shown under the heading "Planning" in the navigation. */
export const PLANNING_AREAS: Area[] = [
  'ondersteuningsplannen',
  'activiteitenplannen',
  'evaluatie',
  'portefeuilles',
  'projecten',
];

/** Meetings and their figures, shown under the heading "Bijeenkomsten". */
export const BIJEENKOMST_AREAS: Area[] = ['bijeenkomsten', 'bijeenkomstStatistieken'];

const SWV_AREAS: Area[] = [
  'start',
  ...PLANNING_AREAS,
  ...BIJEENKOMST_AREAS,
  'scholen',
  'schoolbesturen',
  'werkgebieden',
  'gemeenten',
];

/** The areas in the navigation, in order, for a role (what the API lets that role read). */
export function areasFor(rol: Rol | null | undefined): Area[] {
  switch (rol) {
    case 'platformbeheerder':
      return ['samenwerkingsverbanden', 'gemeenten', 'gebruikers', 'clients'];
    case 'beheerder':
      return [...SWV_AREAS, 'gebruikers', 'clients'];
    case 'consulent':
    case 'medewerker':
    case 'lezer':
      return SWV_AREAS;
    default:
      return [];
  }
}

export function canRead(rol: Rol | null | undefined, area: Area): boolean {
  return areasFor(rol).includes(area);
}

/** Who may create, change and delete records of an area. */
export function canWrite(rol: Rol | null | undefined, area: Area): boolean {
  switch (area) {
    case 'samenwerkingsverbanden':
    case 'gemeenten':
      return rol === 'platformbeheerder';
    case 'scholen':
    case 'schoolbesturen':
    case 'werkgebieden':
      return rol === 'beheerder';
    case 'gebruikers':
    case 'clients':
      return rol === 'beheerder' || rol === 'platformbeheerder';
    case 'ondersteuningsplannen':
    case 'activiteitenplannen':
    case 'portefeuilles':
      return rol === 'beheerder' || rol === 'consulent';
    case 'evaluatie':
    case 'projecten':
    case 'bijeenkomsten':
      return rol === 'beheerder' || rol === 'consulent' || rol === 'medewerker';
    case 'start':
    case 'bijeenkomstStatistieken':
      return false;
  }
}

/** Where a user lands after signing in. */
export function homePath(rol: Rol | null | undefined): string {
  const first = areasFor(rol)[0];
  return first ? AREA_PATHS[first] : '/';
}

/** Who may add, change and evaluate activities (and record project progress). */
export function canWriteActiviteiten(rol: Rol | null | undefined): boolean {
  return rol === 'beheerder' || rol === 'consulent' || rol === 'medewerker';
}

/** Who may see and change the registrations of meetings (personal data: not the lezer). */
export function canReadAanmeldingen(rol: Rol | null | undefined): boolean {
  return rol === 'beheerder' || rol === 'consulent' || rol === 'medewerker';
}
