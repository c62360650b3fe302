import type {
  Eindreden,
  LeerplichtCategorie,
  Perspectief,
  Scenario,
  ThuiszitterCategorie,
  Aanvraag,
  AdviesLbt,
  AdviesUitkomst,
  BesluitUitkomst,
  BezwaarUitkomst,
  Discipline,
  OpschortingReden,
  TlvCategorie,
  TlvSoort,
  TlvStatus,
  Vervolg,
  WerkSoort,
  AanmeldingBron,
  ContactSignaal,
  ContactSoort,
  ArrangementSoort,
  ArrangementStatus,
  BudgetSoort,
  Categorie,
  MdoUitkomst,
  AuditActie,
  AanmeldingStatus,
  ActiviteitSoort,
  BijeenkomstSoort,
  BijeenkomstStatus,
  EvaluatieStatus,
  Functie,
  Geslacht,
  PlanStatus,
  ProjectStatus,
  Rol,
  SchoolSoort,
  Scope,
  Sector,
  Signaal,
  Vorm,
} from '../api/types';

export const ROL_LABELS: Record<Rol, string> = {
  platformbeheerder: 'Platformbeheerder',
  beheerder: 'Beheerder',
  consulent: 'Consulent',
  medewerker: 'Medewerker',
  lezer: 'Lezer',
};

/**
 * What each role may do, in one line, where a role is chosen (after the API's role table,
 * `role_allows`).
 */
export const ROL_UITLEG: Record<Rol, string> = {
  platformbeheerder:
    'Beheert de samenwerkingsverbanden, de gemeenten en hun beheerders; ziet geen gegevens binnen een samenwerkingsverband.',
  beheerder:
    'Mag alles in het samenwerkingsverband: ook gebruikers, koppelingen, organisatie, budgetten, kengetallen, het auditlog en de mails.',
  consulent:
    "Werkt met leerlingen, TLV's, schoolcontacten en bijeenkomsten en stelt het plan op; geen gebruikers, organisatie of budgetten.",
  medewerker:
    "Werkt met leerlingen, TLV's, schoolcontacten en bijeenkomsten en legt de uitvoering van activiteiten vast; wijzigt het plan niet.",
  lezer:
    'Leest het plan, de bijeenkomsten, de cijfers en de monitoren, zonder leerlingen of deelnemers; wijzigt niets.',
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
  'bestuur:read': 'Bestuursmonitor lezen',
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

export const BIJEENKOMST_SOORT_LABELS: Record<BijeenkomstSoort, string> = {
  ib_netwerk: 'IB-netwerk',
  leerkrachtmiddag: 'Leerkrachtmiddag',
  intervisie: 'Intervisie',
  kenniskring: 'Kenniskring',
  directienetwerk: 'Directienetwerk',
  groot_netwerk: 'Groot Netwerk',
  training: 'Training',
  good_practice: 'Good practice',
  netwerk: 'Netwerk',
  ouderavond: 'Ouderavond',
  overleg: 'Overleg',
  studiedag: 'Studiedag',
  gebiedsgesprek: 'Gebiedsgesprek',
  overig: 'Overig',
};

export const VORM_LABELS: Record<Vorm, string> = {
  live: 'Live',
  online: 'Online',
  hybride: 'Hybride',
};

export const BIJEENKOMST_STATUS_LABELS: Record<BijeenkomstStatus, string> = {
  gepland: 'Gepland',
  doorgegaan: 'Doorgegaan',
  geannuleerd: 'Geannuleerd',
};

/** Mantine colours of the meeting statuses (always shown with their label). */
export const BIJEENKOMST_STATUS_COLORS: Record<BijeenkomstStatus, string> = {
  gepland: 'koers',
  doorgegaan: 'green',
  geannuleerd: 'red',
};

export const FUNCTIE_LABELS: Record<Functie, string> = {
  leerkracht: 'Leerkracht',
  intern_begeleider: 'Intern begeleider',
  directeur: 'Directeur',
  ambulant_begeleider: 'Ambulant begeleider',
  onderwijsassistent: 'Onderwijsassistent',
  specialist: 'Specialist',
  ouder: 'Ouder',
  student: 'Student',
  jeugdprofessional: 'Jeugdprofessional',
  gemeente: 'Gemeente',
  overig: 'Overig',
};

export const AANMELDING_STATUS_LABELS: Record<AanmeldingStatus, string> = {
  aangemeld: 'Aangemeld',
  wachtlijst: 'Wachtlijst',
  afgemeld: 'Afgemeld',
};

export const AANMELDING_BRON_LABELS: Record<AanmeldingBron, string> = {
  medewerker: 'Medewerker',
  publiek: 'Zelf aangemeld',
  import: 'Import',
  inloop: 'Binnengelopen',
};

export const GESLACHT_LABELS: Record<Geslacht, string> = {
  jongen: 'Jongen',
  meisje: 'Meisje',
  anders: 'Anders',
  onbekend: 'Onbekend',
};

/** What someone did with pupils' data, as the audit log says it. */
export const AUDIT_ACTIE_LABELS: Record<AuditActie, string> = {
  lezen: 'Bekeken',
  exporteren: 'Geëxporteerd',
  aanmaken: 'Aangemaakt',
  wijzigen: 'Gewijzigd',
  verwijderen: 'Verwijderd',
};

/** Mantine colours of those actions (always shown with their label): changes stand out from reads. */
export const AUDIT_ACTIE_COLORS: Record<AuditActie, string> = {
  lezen: 'gray',
  exporteren: 'orange',
  aanmaken: 'green',
  wijzigen: 'koers',
  verwijderen: 'red',
};

/** What a pupil's year group is called in the SWV's sector: "groep" in po, "leerjaar" in vo. */
export function leerjaarLabel(sector: Sector | null | undefined): string {
  return sector === 'po' ? 'Groep' : 'Leerjaar';
}

export const ARRANGEMENT_SOORT_LABELS: Record<ArrangementSoort, string> = {
  individueel: 'Individueel',
  groep: 'Groep',
  innovatie: 'Innovatie',
};

export const ARRANGEMENT_STATUS_LABELS: Record<ArrangementStatus, string> = {
  aangevraagd: 'Aangevraagd',
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
  beeindigd: 'Beëindigd',
};

/** Mantine colours of the arrangement statuses (always shown with their label). */
export const ARRANGEMENT_STATUS_COLORS: Record<ArrangementStatus, string> = {
  aangevraagd: 'koers',
  toegekend: 'green',
  afgewezen: 'red',
  ingetrokken: 'gray',
  beeindigd: 'dark',
};

/** The support categories of the support plan, numbered as the SWV numbers them. */
export const CATEGORIE_LABELS: Record<Categorie, string> = {
  gestructureerde_leeromgeving: '1. Gestructureerde leeromgeving',
  ondersteunende_leeromgeving: '2. Ondersteunende leeromgeving',
  uitdagende_leeromgeving: '3. Uitdagende leeromgeving',
  taal_communicatierijke_leeromgeving: '4. Taal- en communicatierijke leeromgeving',
  gedragsinterventietechnieken: '5. Gedragsinterventietechnieken',
  verrijkt_leesonderwijs: '6. Verrijkt leesonderwijs',
  verrijkt_rekenonderwijs: '7. Verrijkt rekenonderwijs',
  aangepaste_leeromgeving: '8. Aangepaste leeromgeving (fysieke beperkingen)',
  overig: '9. Overig',
};

/** The categories in a chart's narrow axis: number and a word or two. */
export const CATEGORIE_KORT: Record<Categorie, string> = {
  gestructureerde_leeromgeving: '1 Gestructureerd',
  ondersteunende_leeromgeving: '2 Ondersteunend',
  uitdagende_leeromgeving: '3 Uitdagend',
  taal_communicatierijke_leeromgeving: '4 Taal en communicatie',
  gedragsinterventietechnieken: '5 Gedrag',
  verrijkt_leesonderwijs: '6 Lezen',
  verrijkt_rekenonderwijs: '7 Rekenen',
  aangepaste_leeromgeving: '8 Aangepast (fysiek)',
  overig: '9 Overig',
};

export const BUDGET_SOORT_LABELS: Record<BudgetSoort, string> = {
  regulier: 'Regulier',
  extra: 'Extra',
};

export const MDO_UITKOMST_LABELS: Record<MdoUitkomst, string> = {
  arrangement: 'Arrangement',
  tlv_aanvraag: 'TLV-aanvraag',
  advies: 'Advies',
  verwijzing_jeugdhulp: 'Verwijzing jeugdhulp',
  geen_vervolg: 'Geen vervolg',
};

/** Ondersteuningsniveaus of an MDO (1-4) and of an arrangement (2 or 3). */
export const NIVEAU_LABELS: Record<'1' | '2' | '3' | '4', string> = {
  '1': 'Niveau 1',
  '2': 'Niveau 2',
  '3': 'Niveau 3',
  '4': 'Niveau 4',
};

/** The trimesters the seeds report in. */
export const TRIMESTER_LABELS: Record<'1' | '2' | '3', string> = {
  '1': 'T1 (aug-nov)',
  '2': 'T2 (dec-mrt)',
  '3': 'T3 (apr-jul)',
};

export const TLV_SOORT_LABELS: Record<TlvSoort, string> = {
  sbo: 'Speciaal basisonderwijs (sbo)',
  so: 'Speciaal onderwijs (so)',
  vso: 'Voortgezet speciaal onderwijs (vso)',
};

export const TLV_CATEGORIE_LABELS: Record<TlvCategorie, string> = {
  laag: 'Laag (categorie 1)',
  midden: 'Midden (categorie 2)',
  hoog: 'Hoog (categorie 3)',
};

export const AANVRAAG_LABELS: Record<Aanvraag, string> = {
  nieuw: 'Nieuw',
  verlenging: 'Verlenging',
  herbeoordeling: 'Herbeoordeling',
};

export const TLV_STATUS_LABELS: Record<TlvStatus, string> = {
  in_behandeling: 'In behandeling',
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken',
};

/** Mantine colours of the TLV statuses (always shown with their label). */
export const TLV_STATUS_COLORS: Record<TlvStatus, string> = {
  in_behandeling: 'koers',
  toegekend: 'green',
  afgewezen: 'red',
  ingetrokken: 'gray',
};

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  orthopedagoog: 'Orthopedagoog',
  psycholoog: 'Psycholoog',
  kinderpsychiater: 'Kinderpsychiater',
  maatschappelijk_werker: 'Maatschappelijk werker',
  arts: 'Arts',
  overig: 'Overig',
};

export const ADVIES_UITKOMST_LABELS: Record<AdviesUitkomst, string> = {
  toelaatbaar: 'Toelaatbaar',
  niet_toelaatbaar: 'Niet toelaatbaar',
};

export const OPSCHORTING_REDEN_LABELS: Record<OpschortingReden, string> = {
  aanvulling: 'Wacht op aanvulling (Awb 4:15)',
  overig: 'Overig',
};

export const BESLUIT_UITKOMST_LABELS: Record<BesluitUitkomst, string> = {
  toegekend: 'Toegekend',
  afgewezen: 'Afgewezen',
};

export const ADVIES_LBT_LABELS: Record<AdviesLbt, string> = {
  gegrond: 'Gegrond',
  ongegrond: 'Ongegrond',
};

export const BEZWAAR_UITKOMST_LABELS: Record<BezwaarUitkomst, string> = {
  gegrond: 'Gegrond (de aanvraag wordt heropend)',
  ongegrond: 'Ongegrond',
  ingetrokken: 'Ingetrokken',
  niet_ontvankelijk: 'Niet-ontvankelijk',
};

export const VERVOLG_LABELS: Record<Vervolg, string> = {
  regulier: 'Regulier basisonderwijs',
  sbo: 'Speciaal basisonderwijs (sbo)',
  so: 'Speciaal onderwijs (so)',
  vso: 'Voortgezet speciaal onderwijs (vso)',
  vo: 'Voortgezet onderwijs (vo)',
  anders: 'Anders',
};

/** Why an item is on a worklist (the TLV desk's, or a consulent's own). */
export const WERK_SOORT_LABELS: Record<WerkSoort, string> = {
  tlv_termijn: 'Beslistermijn',
  tlv_advies: 'Advies ontbreekt',
  tlv_aanvulling: 'Aanvulling uitgebleven',
  tlv_bezwaar: 'Bezwaar',
  tlv_herbeoordeling: 'Herbeoordeling',
  schoolcontact_vervolg: 'Vervolg schoolcontact',
  thuiszitter_perspectief: 'Thuiszitter zonder perspectief',
  thuiszitter_stil: 'Thuiszitter niet bijgewerkt',
  activiteit_evaluatie: 'Evaluatie activiteit',
  bijeenkomst_aanwezigheid: 'Aanwezigheid vastleggen',
};

/** The situations of a thuiszitter: the attendance officers' categories (leerplicht), and at risk. */
export const THUISZITTER_CATEGORIE_LABELS: Record<ThuiszitterCategorie, string> = {
  relatief_verzuim: 'Relatief verzuim',
  langdurig_relatief_verzuim: 'Langdurig relatief verzuim',
  absoluut_verzuim: 'Absoluut verzuim',
  vrijstelling_5a: 'Vrijstelling 5a',
  vrijstelling_5b: 'Vrijstelling 5b',
  vrijstelling_5c: 'Vrijstelling 5c',
  langdurig_ziek: 'Langdurig ziek',
  dreigend: 'Dreigend thuiszitter',
};

/** The same situations as choices in a form, with what each means (the seeds' definitions). */
export const THUISZITTER_CATEGORIE_KEUZES: Record<ThuiszitterCategorie, string> = {
  relatief_verzuim: 'Relatief verzuim (ingeschreven, ongeoorloofd afwezig)',
  langdurig_relatief_verzuim: 'Langdurig relatief verzuim (meer dan 4 weken)',
  absoluut_verzuim: 'Absoluut verzuim (leerplichtig, niet ingeschreven)',
  vrijstelling_5a: 'Vrijstelling 5a (lichamelijk of psychisch)',
  vrijstelling_5b: 'Vrijstelling 5b (bezwaar tegen de richting)',
  vrijstelling_5c: 'Vrijstelling 5c (school in het buitenland)',
  langdurig_ziek: 'Langdurig ziek (meer dan 4 weken)',
  dreigend: 'Dreigend thuiszitter (nog op school, met risico)',
};

/** The leerplicht categories as column heads of a count. */
export const LEERPLICHT_KORT: Record<LeerplichtCategorie, string> = {
  relatief_verzuim: 'Relatief verzuim',
  langdurig_relatief_verzuim: 'Langdurig relatief',
  absoluut_verzuim: 'Absoluut verzuim',
  vrijstelling_5a: 'Vrijst. 5a',
  vrijstelling_5b: 'Vrijst. 5b',
  vrijstelling_5c: 'Vrijst. 5c',
  langdurig_ziek: 'Langdurig ziek',
};

/** How a pupil at risk is at risk, as the consulenten count it (the seeds' situatieschets). */
export const SCENARIO_LABELS: Record<Scenario, string> = {
  a: 'A: substantiële aanpassingen, leerling profiteert niet',
  b: 'B: aangepaste onderwijstijd, (nog) geen vrijstelling',
  c: 'C: vaak buiten de klas zonder bevoegd persoon',
  d: 'D: geen vertrouwen, dreigende schorsing of verwijdering',
  combinatie: 'Combinatie van scenario’s of anders',
};

/** The scenarios as column heads of a count, under a heading that says "per scenario". */
export const SCENARIO_KORT: Record<Scenario, string> = {
  a: 'A',
  b: 'B',
  c: 'C',
  d: 'D',
  combinatie: 'Combinatie',
};

/** Where the pupil is heading, as the consulenten follow it. */
export const PERSPECTIEF_LABELS: Record<Perspectief, string> = {
  geplaatst_regulier: 'Geplaatst in het regulier onderwijs',
  geplaatst_sbo: 'Geplaatst in het sbo',
  geplaatst_so: 'Geplaatst in het so',
  geplaatst_vso: 'Geplaatst in het vso',
  onderwijszorg: 'Geplaatst in een onderwijszorggroep',
  zorg_bovenliggend: 'Zorg bovenliggend, weinig of geen onderwijs',
  school_gevonden_wacht_op_plaatsing: 'School gevonden, wacht op plaatsing',
  in_gesprek_met_perspectief: 'In gesprek met een school, met perspectief',
  in_gesprek: 'In gesprek met een school',
  thuis_met_perspectief: 'Thuis met perspectief',
  thuis_zonder_perspectief: 'Thuis zonder perspectief',
};

/** Why a case ended. */
export const EINDREDEN_LABELS: Record<Eindreden, string> = {
  onderwijs: 'Weer onderwijs',
  verhuisd: 'Verhuisd',
  vrijstelling: 'Vrijstelling',
  leerplicht_voorbij: 'Niet meer leerplichtig',
  overig: 'Overig',
};

/** The four outcomes of the follow-up of a cohort. */
export const UITKOMST_LABELS = {
  weerOnderwijs: 'Weer onderwijs',
  weinigOnderwijs: 'Weinig onderwijs (zorg voorop)',
  beeindigdAnders: 'Anders beëindigd',
  nogThuis: 'Nog thuis',
} as const;

/** How long pupils are at home, in the bands of the count and the figures. */
export const DUUR_LABELS = {
  korterDan1Maand: 'Korter dan 1 maand',
  tussen1En3Maanden: '1 tot 3 maanden',
  langerDan3Maanden: 'Langer dan 3 maanden',
} as const;

/** The same bands as column heads of a count. */
export const DUUR_KORT: Record<keyof typeof DUUR_LABELS, string> = {
  korterDan1Maand: '< 1 maand',
  tussen1En3Maanden: '1-3 maanden',
  langerDan3Maanden: '> 3 maanden',
};

/** The kinds of a consulent's contact with a school. */
export const CONTACT_SOORT_LABELS: Record<ContactSoort, string> = {
  startgesprek: 'Startgesprek',
  consultatie: 'Consultatie',
  meso_gesprek: 'Mesogesprek',
  observatie: 'Observatie',
  signaal: 'Signaal',
  evaluatie: 'Evaluatie',
  overig: 'Overig',
};

/** How the school is doing, as the consulent judged it in a contact. */
export const CONTACT_SIGNAAL_LABELS: Record<ContactSignaal, string> = {
  op_koers: 'Op koers',
  aandacht: 'Aandacht',
  risico: 'Risico',
};
