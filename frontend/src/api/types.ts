import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type Rechten = Schemas['Rechten'];
export type Rol = Schemas['Rol'];
export type Scope = Schemas['Scope'];
export type Sector = Schemas['Sector'];
export type SchoolSoort = Schemas['SchoolSoort'];

export type Samenwerkingsverband = Schemas['Samenwerkingsverband'];
export type SamenwerkingsverbandInput = Schemas['SamenwerkingsverbandInput'];
export type Gemeente = Schemas['Gemeente'];
export type GemeenteInput = Schemas['GemeenteInput'];
export type Schoolbestuur = Schemas['Schoolbestuur'];
export type SchoolbestuurInput = Schemas['SchoolbestuurInput'];
export type Werkgebied = Schemas['Werkgebied'];
export type WerkgebiedInput = Schemas['WerkgebiedInput'];
export type School = Schemas['School'];
export type SchoolInput = Schemas['SchoolInput'];
export type Gebruiker = Schemas['Gebruiker'];
/** A colleague as every user of the SWV reads them: name and role, no address. */
export type Collega = Schemas['Collega'];
export type GebruikerInput = Schemas['GebruikerInput'];
export type Client = Schemas['Client'];
export type ClientInput = Schemas['ClientInput'];
export type ClientMetGeheim = Schemas['ClientMetGeheim'];

/** The list envelope every list endpoint answers. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A record as read with GET, with the ETag to send back as If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string | null;
}

export type Ondersteuningsplan = Schemas['Ondersteuningsplan'];
export type OndersteuningsplanInput = Schemas['OndersteuningsplanInput'];
export type Ambitie = Schemas['Ambitie'];
export type AmbitieInput = Schemas['AmbitieInput'];
export type Activiteitenplan = Schemas['Activiteitenplan'];
export type ActiviteitenplanInput = Schemas['ActiviteitenplanInput'];
export type Activiteit = Schemas['Activiteit'];
export type ActiviteitInput = Schemas['ActiviteitInput'];
export type ActiviteitSoort = Schemas['ActiviteitSoort'];
export type Evaluatie = Schemas['Evaluatie'];
export type EvaluatieStatus = Schemas['EvaluatieStatus'];
export type Signaal = Schemas['Signaal'];
export type PlanStatus = Schemas['PlanStatus'];
export type Telling = Schemas['Telling'];
export type Evaluatieverslag = Schemas['Evaluatieverslag'];
export type AmbitieVerslag = Schemas['AmbitieVerslag'];
export type VerslagActiviteit = Schemas['VerslagActiviteit'];
export type Portefeuille = Schemas['Portefeuille'];
export type PortefeuilleInput = Schemas['PortefeuilleInput'];
export type Project = Schemas['Project'];
export type ProjectInput = Schemas['ProjectInput'];
export type ProjectStatus = Schemas['ProjectStatus'];
export type Voortgang = Schemas['Voortgang'];
export type VoortgangInput = Schemas['VoortgangInput'];

export type Bijeenkomst = Schemas['Bijeenkomst'];
export type BijeenkomstInput = Schemas['BijeenkomstInput'];
export type BijeenkomstSoort = Schemas['BijeenkomstSoort'];
export type BijeenkomstStatus = Schemas['BijeenkomstStatus'];
export type Vorm = Schemas['Vorm'];
export type Functie = Schemas['Functie'];
export type Aanmelding = Schemas['Aanmelding'];
export type AanmeldingInput = Schemas['AanmeldingInput'];
export type AanmeldingStatus = Schemas['AanmeldingStatus'];
export type AanmeldingBron = Schemas['Bron'];
export type NieuweAanmelding = Schemas['NieuweAanmelding'];
export type Opkomst = Schemas['Opkomst'];
export type ImportResultaat = Schemas['ImportResultaat'];

export type PubliekeBijeenkomst = Schemas['PubliekeBijeenkomst'];
export type PubliekeSchool = Schemas['PubliekeSchool'];
export type AanmeldingOntvangen = Schemas['AanmeldingOntvangen'];
export type EigenAanmelding = Schemas['EigenAanmelding'];
export type Incheckcode = Schemas['Incheckcode'];
export type Statistieken = Schemas['Statistieken'];
export type Jaartelling = Schemas['Jaartelling'];
export type Bereik = Schemas['Bereik'];

export type Leerling = Schemas['Leerling'];
export type LeerlingInput = Schemas['LeerlingInput'];
export type Geslacht = Schemas['Geslacht'];
export type Dossier = Schemas['Dossier'];
export type Auditregel = Schemas['Auditregel'];
export type AuditActie = Schemas['Actie'];

export type Arrangement = Schemas['Arrangement'];
export type ArrangementInput = Schemas['ArrangementInput'];
export type ArrangementSoort = Schemas['ArrangementSoort'];
export type ArrangementStatus = Schemas['ArrangementStatus'];
export type Categorie = Schemas['Categorie'];
export type ArrangementStatistieken = Schemas['ArrangementStatistieken'];
export type Budget = Schemas['Budget'];
export type BudgetInput = Schemas['BudgetInput'];
export type BudgetSoort = Schemas['BudgetSoort'];
export type Mdo = Schemas['Mdo'];
export type MdoInput = Schemas['MdoInput'];
export type MdoUitkomst = Schemas['Uitkomst'];
export type MdoStatistieken = Schemas['MdoStatistieken'];
export type MdoJaar = Schemas['MdoJaar'];
export type MdoWerkgebied = Schemas['MdoWerkgebied'];
/** Counts by key (`"1"`, `"individueel"`): every key of the figure is there, zero when none. */
export type Telmap = Schemas['BTreeMap'];

export type Kengetal = Schemas['Kengetal'];
export type KengetalInput = Schemas['KengetalInput'];
export type KengetalBron = Schemas['KengetalBron'];
export type KengetalEenheid = Schemas['KengetalEenheid'];
export type KengetalSignaal = Schemas['KengetalSignaal'];
export type Richting = Schemas['Richting'];
export type KengetalWaarde = Schemas['KengetalWaarde'];
export type KengetalWaardeInput = Schemas['KengetalWaardeInput'];
export type Kengetallenoverzicht = Schemas['Kengetallenoverzicht'];
export type KengetalStand = Schemas['KengetalStand'];

export type BudgetOverzicht = Schemas['BudgetOverzicht'];
export type BudgetRegel = Schemas['BudgetRegel'];
export type BudgetMaand = Schemas['BudgetMaand'];
/** The signal of a werkgebied budget: within it, up to 10 % over, or more. */
export type BudgetSignaal = BudgetRegel['signaal'];

export type Tlv = Schemas['Tlv'];
export type TlvInput = Schemas['TlvInput'];
export type TlvSoort = Schemas['TlvSoort'];
export type TlvCategorie = Schemas['TlvCategorie'];
export type TlvStatus = Schemas['TlvStatus'];
export type Aanvraag = Schemas['Aanvraag'];
export type Advies = Schemas['Advies'];
export type AdviesInput = Schemas['AdviesInput'];
export type AdviesUitkomst = Schemas['AdviesUitkomst'];
export type Discipline = Schemas['Discipline'];
export type Opschorting = Schemas['Opschorting'];
export type OpschortingInput = Schemas['OpschortingInput'];
export type OpschortingReden = Schemas['OpschortingReden'];
export type Besluit = Schemas['Besluit'];
export type BesluitInput = Schemas['BesluitInput'];
export type BesluitUitkomst = Schemas['BesluitUitkomst'];
export type Bezwaar = Schemas['Bezwaar'];
export type BezwaarInput = Schemas['BezwaarInput'];
export type BezwaarUitkomst = Schemas['BezwaarUitkomst'];
export type AdviesLbt = Schemas['AdviesLbt'];
export type EerderBesluit = Schemas['EerderBesluit'];
export type Uitstroom = Schemas['Uitstroom'];
export type UitstroomInput = Schemas['UitstroomInput'];
export type Vervolg = Schemas['Vervolg'];
export type WerkItem = Schemas['WerkItem'];
export type WerkSoort = Schemas['WerkSoort'];
export type TlvStatistieken = Schemas['TlvStatistieken'];
export type TlvSoortRij = Schemas['TlvSoortRij'];
export type BriefInput = Schemas['BriefInput'];

export type Thuiszitter = Schemas['Thuiszitter'];
export type ThuiszitterInput = Schemas['ThuiszitterInput'];
export type ThuiszitterCategorie = Schemas['ThuiszitterCategorie'];
export type Scenario = Schemas['Scenario'];
export type Perspectief = Schemas['Perspectief'];
export type Eindreden = Schemas['Eindreden'];
export type Verloop = Schemas['Verloop'];
export type VerloopInput = Schemas['VerloopInput'];
export type ThuiszitterTelling = Schemas['ThuiszitterTelling'];
export type GemeenteTelling = Schemas['GemeenteTelling'];
/** The counts of one gemeente on a date, or of all of them. */
export type ThuiszitterCijfers = Schemas['Cijfers'];
/** The seven leerplicht categories of the Inspectie's return (never `dreigend`). */
export type LeerplichtCategorie = keyof Schemas['PerCategorie'];
export type Duur = Schemas['Duur'];
export type Peildatum = Schemas['Peildatum'];
export type ThuiszitterVervolg = Schemas['ThuiszitterVervolg'];
export type GemeenteVervolg = Schemas['GemeenteVervolg'];
/** Where the cases of a cohort are on the later date. */
export type Uitkomsten = Schemas['Uitkomsten'];
export type ThuiszitterStatistieken = Schemas['ThuiszitterStatistieken'];
export type Jaarcijfers = Schemas['Jaarcijfers'];

export type Schoolcontact = Schemas['Schoolcontact'];
export type SchoolcontactInput = Schemas['SchoolcontactInput'];
export type ContactSoort = Schemas['ContactSoort'];
export type ContactSignaal = Schemas['ContactSignaal'];
/** A school year's contacts per school, with the SWV's minimum so far. */
export type ContactOverzicht = Schemas['ContactOverzicht'];
export type SchoolContacten = Schemas['SchoolContacten'];
/** Contacts per signal in a year. */
export type Signalen = Schemas['Signalen'];

/** The measurable target of an activity, what Koers measured of it, and the evaluation it proposes. */
export type Streef = Schemas['Streef'];
export type StreefRichting = Schemas['Richting'];
export type StreefEenheid = Schemas['Eenheid'];
export type Voorstel = Schemas['Voorstel'];
/** What the SWV did with one school in a school year, in counts. */
export type SchoolKerncijfers = Schemas['SchoolKerncijfers'];

/** The JOP monitor: per gemeente what its client receives, counts of children suppressed. */
export type JopMonitor = Schemas['JopMonitor'];
export type JopGemeente = Schemas['JopGemeente'];
export type JopThuiszitters = Schemas['JopThuiszitters'];
/** A count of children: `{ waarde: n }` or `{ waarde: null, onderdrukt: true }` (1 to 4, or derivable). */
export type Aantal = Schemas['Aantal'];
/** `historisch`: each date in the gemeente of then; `huidig`: everything in today's gemeenten. */
export type Indeling = Schemas['Indeling'];
/** The board monitor: per schoolbestuur each of its schools, counts of children suppressed. */
export type BestuurMonitor = Schemas['BestuurMonitor'];
export type BestuurMonitorBestuur = Schemas['BestuurMonitorBestuur'];
export type BestuurSchool = Schemas['BestuurSchool'];

/** A mail in the outbox: to whom, about what, and how sending went (beheerder only). */
export type Mail = Schemas['Mail'];
export type MailSoort = Schemas['MailSoort'];
export type MailStatus = Schemas['MailStatus'];
/** A message to the participants of a meeting, and who receives it. */
export type BerichtInput = Schemas['BerichtInput'];
export type Ontvangers = Schemas['Ontvangers'];
