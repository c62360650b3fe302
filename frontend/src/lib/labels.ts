import type {
  ActiviteitSoort,
  EvaluatieStatus,
  PlanStatus,
  ProjectStatus,
  Rol,
  SchoolSoort,
  Scope,
  Sector,
  Signaal,
} from '../api/types';

export const ROL_LABELS: Record<Rol, string> = {
  platformbeheerder: 'Platformbeheerder',
  beheerder: 'Beheerder',
  consulent: 'Consulent',
  medewerker: 'Medewerker',
  lezer: 'Lezer',
};

export const SCHOOL_SOORT_LABELS: Record<SchoolSoort, string> = {
  bao: 'Basisonderwijs (bao)',
  sbo: 'Speciaal basisonderwijs (sbo)',
  so: 'Speciaal onderwijs (so)',
  vso: 'Voortgezet speciaal onderwijs (vso)',
  vo: 'Voortgezet onderwijs (vo)',
  ikc: 'Integraal kindcentrum (ikc)',
};

export const SCHOOL_SOORT_SHORT: Record<SchoolSoort, string> = {
  bao: 'bao',
  sbo: 'sbo',
  so: 'so',
  vso: 'vso',
  vo: 'vo',
  ikc: 'ikc',
};

export const SECTOR_LABELS: Record<Sector, string> = {
  po: 'PO (primair onderwijs)',
  vo: 'VO (voortgezet onderwijs)',
};

export const SCOPE_LABELS: Record<Scope, string> = {
  'organisatie:read': 'Organisatie lezen',
  'organisatie:write': 'Organisatie wijzigen',
  'planning:read': 'Planning lezen',
  'planning:write': 'Planning wijzigen',
  'bijeenkomsten:read': 'Bijeenkomsten lezen',
  'bijeenkomsten:write': 'Bijeenkomsten wijzigen',
  'jop:read': 'JOP-monitor lezen',
};

export function options<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export const SIGNAAL_LABELS: Record<Signaal, string> = {
  op_koers: 'Op koers',
  aandacht: 'Aandacht',
  risico: 'Risico',
  afgerond: 'Afgerond',
};

/** Mantine colours of the signals (always shown with their label, never colour alone). */
export const SIGNAAL_COLORS: Record<Signaal, string> = {
  op_koers: 'green.9',
  aandacht: 'yellow.9',
  risico: 'red.9',
  afgerond: 'blue.9',
};

export const EVALUATIE_STATUS_LABELS: Record<EvaluatieStatus, string> = {
  uitgevoerd: 'Uitgevoerd',
  deels: 'Deels uitgevoerd',
  niet_uitgevoerd: 'Niet uitgevoerd',
  doorgeschoven: 'Doorgeschoven',
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  concept: 'Concept',
  vastgesteld: 'Vastgesteld',
};

export const ACTIVITEIT_SOORT_LABELS: Record<ActiviteitSoort, string> = {
  gepland: 'Gepland',
  extra: 'Extra',
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  gepland: 'Gepland',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  gestopt: 'Gestopt',
};
