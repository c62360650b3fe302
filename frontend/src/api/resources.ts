import { EXPORT_MEDIA_TYPES, type ExportFormat } from '../lib/download';
import { api, type ApiClient } from './client';
import { unwrap } from './problem';
import type { paths } from './schema';
import type {
  Aanmelding,
  Collega,
  Indeling,
  JopMonitor,
  BestuurMonitor,
  AanmeldingInput,
  AdviesInput,
  BesluitInput,
  BezwaarInput,
  Activiteit,
  Activiteitenplan,
  ArrangementStatistieken,
  Auditregel,
  BudgetOverzicht,
  Bijeenkomst,
  ClientInput,
  ClientMetGeheim,
  ContactOverzicht,
  Dossier,
  Evaluatie,
  Evaluatieverslag,
  Kengetallenoverzicht,
  KengetalWaarde,
  KengetalWaardeInput,
  ImportResultaat,
  Incheckcode,
  BerichtInput,
  Mail,
  MdoStatistieken,
  NieuweAanmelding,
  Opkomst,
  OpschortingInput,
  Page,
  BriefInput,
  Tlv,
  TlvInput,
  TlvStatistieken,
  Peildatum,
  Schoolcontact,
  SchoolKerncijfers,
  Thuiszitter,
  ThuiszitterInput,
  ThuiszitterStatistieken,
  ThuiszitterTelling,
  ThuiszitterVervolg,
  VerloopInput,
  WerkItem,
  UitstroomInput,
  Versioned,
  Voortgang,
  VoortgangInput,
} from './types';

/** The list endpoints. */
export type ListPath =
  | '/samenwerkingsverbanden'
  | '/gemeenten'
  | '/schoolbesturen'
  | '/werkgebieden'
  | '/scholen'
  | '/gebruikers'
  | '/clients'
  | '/ondersteuningsplannen'
  | '/ambities'
  | '/activiteitenplannen'
  | '/activiteiten'
  | '/portefeuilles'
  | '/projecten'
  | '/bijeenkomsten'
  | '/bijeenkomsten/{id}/aanmeldingen'
  | '/leerlingen'
  | '/arrangementen'
  | '/budgetten'
  | '/kengetallen'
  | '/mdos'
  | '/toelaatbaarheidsverklaringen'
  | '/toelaatbaarheidsverklaringen/werkvoorraad'
  | '/thuiszitters'
  | '/schoolcontacten'
  | '/werkvoorraad'
  | '/auditregels'
  | '/mails';

/** The query parameters a list endpoint takes, as the contract states them. */
export type ListQuery<P extends ListPath> = NonNullable<paths[P]['get']['parameters']['query']>;

/** What a list page reads: a page of records, and for exports the address of the list. */
export interface ListSource<P extends ListPath, T> {
  path: P;
  list(query: ListQuery<P>): Promise<Page<T>>;
  /** The address when `path` has parameters (`/bijeenkomsten/<id>/aanmeldingen`), for exports. */
  href?: string;
  /** The start of the query keys of this list, when not `[path]` (so a change can invalidate it). */
  queryKey?: readonly unknown[];
}

/** Everything the generic list and form pages need of one resource. */
export interface Resource<P extends ListPath, T, I> {
  path: P;
  list(query: ListQuery<P>): Promise<Page<T>>;
  get(id: string): Promise<Versioned<T>>;
  create(input: I): Promise<T>;
  update(id: string, input: I, etag: string | null): Promise<Versioned<T>>;
  remove(id: string, etag: string | null): Promise<void>;
}

/** The endpoints of one record: read, replace (with If-Match) and delete. */
type ItemPath = {
  [K in keyof paths]: paths[K] extends { get: unknown; put: unknown; delete: unknown } ? K : never;
}[keyof paths];

type Json<X> = X extends { content: { 'application/json': infer B } } ? B : never;
/** The record as the contract answers it to GET `{id}`. */
type RecordOf<IP extends ItemPath> = paths[IP]['get'] extends { responses: { 200: infer R } } ? Json<R> : never;
/** The body the contract takes for PUT `{id}` (and for POST on the list). */
type InputOf<IP extends ItemPath> = paths[IP]['put'] extends { requestBody: infer B } ? Json<B> : never;

type FetchResult = { data?: unknown; error?: unknown; response: Response };
/**
 * openapi-fetch checks a call only when its path is a literal; in `crud` the paths are type
 * parameters, so it calls through this plain signature and states the types (read from `paths`)
 * on the answers itself.
 */
type UncheckedCall = (path: string, init: object) => Promise<FetchResult>;

const ifMatch = (etag: string | null) => (etag ? { 'If-Match': etag } : {});
const merge = { 'Content-Type': 'application/merge-patch+json' } as const;
const versioned = <T>(result: { data?: T; error?: unknown; response: Response }): Versioned<T> => ({
  data: unwrap(result),
  etag: result.response.headers.get('ETag'),
});
const done = (result: { error?: unknown; response: Response }): void => {
  unwrap({ ...result, data: undefined });
};
/** A file fetched with the bearer token, with the name the server proposes. */
const blobOf = (result: { data?: Blob; error?: unknown; response: Response }) => ({
  blob: unwrap(result),
  disposition: result.response.headers.get('Content-Disposition'),
});

/** The list, read, create, replace and delete calls of a resource, typed by the contract. */
export function crud<P extends ListPath, IP extends ItemPath>(
  path: P,
  itemPath: IP,
  client: ApiClient = api,
): Resource<P, RecordOf<IP>, InputOf<IP>> {
  type T = RecordOf<IP>;
  const unchecked = client as unknown as Record<'GET' | 'POST' | 'PUT' | 'DELETE', UncheckedCall>;
  const one = (id: string, etag: string | null = null) => ({ path: { id }, header: ifMatch(etag) });
  return {
    path,
    list: async (query) => unwrap(await unchecked.GET(path, { params: { query } })) as Page<T>,
    get: async (id) => versioned(await unchecked.GET(itemPath, { params: one(id) })) as Versioned<T>,
    create: async (body) => unwrap(await unchecked.POST(path, { body })) as T,
    update: async (id, body, etag) =>
      versioned(await unchecked.PUT(itemPath, { params: one(id, etag), body })) as Versioned<T>,
    remove: async (id, etag) => done(await unchecked.DELETE(itemPath, { params: one(id, etag) })),
  };
}

export const samenwerkingsverbanden = crud('/samenwerkingsverbanden', '/samenwerkingsverbanden/{id}');
export const gemeenten = crud('/gemeenten', '/gemeenten/{id}');
export const schoolbesturen = crud('/schoolbesturen', '/schoolbesturen/{id}');
export const werkgebieden = crud('/werkgebieden', '/werkgebieden/{id}');
export const scholen = {
  ...crud('/scholen', '/scholen/{id}'),
  /** What the SWV did with the school in a school year, in counts (no pupils; not for a lezer). */
  kerncijfers: async (id: string, schooljaar: string): Promise<SchoolKerncijfers> =>
    unwrap(await api.GET('/scholen/{id}/kerncijfers', { params: { path: { id }, query: { schooljaar } } })),
};
export const gebruikers = crud('/gebruikers', '/gebruikers/{id}');
/**
 * The colleagues of the caller's SWV: every user reads `/gebruikers` (by name and role; a beheerder
 * gets the whole accounts, which carry these fields too).
 */
export const collegas: ListSource<'/gebruikers', Collega> = {
  path: '/gebruikers',
  list: async (query) => unwrap(await api.GET('/gebruikers', { params: { query } })),
};
export const ondersteuningsplannen = crud('/ondersteuningsplannen', '/ondersteuningsplannen/{id}');
export const ambities = crud('/ambities', '/ambities/{id}');
export const portefeuilles = crud('/portefeuilles', '/portefeuilles/{id}');
export const projecten = crud('/projecten', '/projecten/{id}');

/**
 * Pupils. Every answer about a pupil is written to the audit log, so a page reads what it shows
 * once: the dossier (the pupil with every record about it) is its own read, kept apart from the
 * record a form edits.
 */
export const leerlingen = {
  ...crud('/leerlingen', '/leerlingen/{id}'),
  dossier: {
    path: '/leerlingen',
    part: 'dossier',
    get: async (id: string): Promise<Versioned<Dossier>> => ({
      data: unwrap(await api.GET('/leerlingen/{id}/dossier', { params: { path: { id } } })),
      etag: null,
    }),
  },
} as const;

/**
 * Arrangementen. Every answer is audited (also of group and innovation arrangementen), so pages
 * read a list or one record once; the figures and the budget are aggregated.
 */
export const arrangementen = {
  ...crud('/arrangementen', '/arrangementen/{id}'),
  statistieken: async (schooljaar: string): Promise<ArrangementStatistieken> =>
    unwrap(await api.GET('/arrangementen/statistieken', { params: { query: { schooljaar } } })),
  /** The werkgebieden's budgets against the granted arrangementen (read by every user of the SWV). */
  budget: async (schooljaar: string, peildatum?: string): Promise<BudgetOverzicht> =>
    unwrap(
      await api.GET('/arrangementen/budget', {
        params: { query: peildatum ? { schooljaar, peildatum } : { schooljaar } },
      }),
    ),
};

/** The budgets of the werkgebieden, per school year (regulier and extra); written by beheerders. */
export const budgetten = crud('/budgetten', '/budgetten/{id}');

/** MDO's (multidisciplinary meetings), audited like every record about a pupil. */
export const mdos = {
  ...crud('/mdos', '/mdos/{id}'),
  statistieken: async (schooljaar: string): Promise<MdoStatistieken> =>
    unwrap(await api.GET('/mdos/statistieken', { params: { query: { schooljaar } } })),
};

const tlvPad = (id: string, etag: string | null) => ({ path: { id }, header: ifMatch(etag) });
/** A step whose answer is not the request: succeeded (or thrown), and nothing to take over. */
const nietsMeer = (result: { error?: unknown; response: Response }): undefined => {
  done(result);
  return undefined;
};

/**
 * TLV's (toelaatbaarheidsverklaringen), audited like every record about a pupil. Every step of a
 * request (advice, suspension, verdaging, decision, objection, outflow, withdrawal) sends the
 * request's ETag as If-Match, so two people working on one request never overwrite each other.
 * The request form patches only its own fields: the verdaging and the status are steps of their own.
 */
export const tlvs = {
  ...crud('/toelaatbaarheidsverklaringen', '/toelaatbaarheidsverklaringen/{id}'),
  /**
   * Saves the request form as a merge patch of the request's own fields: what is sent as verdaging
   * or status is left out, so a form opened before a verdaging or withdrawal cannot undo it.
   */
  update: async (id: string, body: TlvInput, etag: string | null): Promise<Versioned<Tlv>> => {
    const velden: Partial<TlvInput> = { ...body };
    delete velden.verdagingDagen;
    delete velden.verdagingReden;
    delete velden.status;
    return versioned(
      await api.PATCH('/toelaatbaarheidsverklaringen/{id}', {
        params: tlvPad(id, etag),
        headers: merge,
        // A merge patch: only the fields sent change (the schema lists the whole record).
        body: velden as TlvInput,
      }),
    );
  },
  /** The one verdaging (days and reason). */
  verdaag: async (id: string, verdagingDagen: number, verdagingReden: string, etag: string | null) =>
    versioned(
      await api.PATCH('/toelaatbaarheidsverklaringen/{id}', {
        params: tlvPad(id, etag),
        headers: merge,
        body: { verdagingDagen, verdagingReden } as TlvInput,
      }),
    ),
  trekIn: async (id: string, etag: string | null) =>
    versioned(
      await api.PATCH('/toelaatbaarheidsverklaringen/{id}', {
        params: tlvPad(id, etag),
        headers: merge,
        body: { status: 'ingetrokken' } as TlvInput,
      }),
    ),
  // An advice or a suspension answers itself, not the request: these answer nothing, and the page
  // reads the request again (its clock and versie changed too).
  /** Adds an advice. */
  adviseer: async (id: string, body: AdviesInput, etag: string | null) =>
    nietsMeer(await api.POST('/toelaatbaarheidsverklaringen/{id}/adviezen', { params: tlvPad(id, etag), body })),
  verwijderAdvies: async (id: string, adviesId: string, etag: string | null) =>
    nietsMeer(
      await api.DELETE('/toelaatbaarheidsverklaringen/{id}/adviezen/{adviesId}', {
        params: { path: { id, adviesId }, header: ifMatch(etag) },
      }),
    ),
  schortOp: async (id: string, body: OpschortingInput, etag: string | null) =>
    nietsMeer(await api.POST('/toelaatbaarheidsverklaringen/{id}/opschortingen', { params: tlvPad(id, etag), body })),
  /** Ends a running suspension: the clock runs again from `tot`. */
  beeindigOpschorting: async (id: string, opschortingId: string, tot: string, etag: string | null) =>
    nietsMeer(
      await api.PATCH('/toelaatbaarheidsverklaringen/{id}/opschortingen/{opschortingId}', {
        params: { path: { id, opschortingId }, header: ifMatch(etag) },
        headers: merge,
        body: { tot },
      }),
    ),
  besluit: async (id: string, body: BesluitInput, etag: string | null) =>
    versioned(await api.PUT('/toelaatbaarheidsverklaringen/{id}/besluit', { params: tlvPad(id, etag), body })),
  bezwaar: async (id: string, body: BezwaarInput, etag: string | null) =>
    versioned(await api.PUT('/toelaatbaarheidsverklaringen/{id}/bezwaar', { params: tlvPad(id, etag), body })),
  uitstroom: async (id: string, body: UitstroomInput, etag: string | null) =>
    versioned(await api.PUT('/toelaatbaarheidsverklaringen/{id}/uitstroom', { params: tlvPad(id, etag), body })),
  /** The figures of a school year (aggregated; suppressed for a lezer where few pupils are counted). */
  statistieken: async (schooljaar: string): Promise<TlvStatistieken> =>
    unwrap(await api.GET('/toelaatbaarheidsverklaringen/statistieken', { params: { query: { schooljaar } } })),
  /** The decision letter as a Word document; the names and address are used in it only, never kept. */
  besluitbrief: async (id: string, body: BriefInput) =>
    blobOf(
      await api.POST('/toelaatbaarheidsverklaringen/{id}/besluitbrief', {
        params: { path: { id } },
        body,
        headers: { Accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        parseAs: 'blob',
      }),
    ),
};

/** An item of the TLV desk's worklist, with a key of its own (one per request and reason). */
export type WerkvoorraadItem = WerkItem & { id: string };

/** The TLV desk's worklist: every open item of the SWV, soonest first (audited: it names pupils). */
export const tlvWerkvoorraad: ListSource<'/toelaatbaarheidsverklaringen/werkvoorraad', WerkvoorraadItem> = {
  path: '/toelaatbaarheidsverklaringen/werkvoorraad',
  // Under the requests' key, so that a step on a request (a decision, an advice) refreshes it.
  queryKey: ['/toelaatbaarheidsverklaringen', 'werkvoorraad'],
  list: async (query) => {
    const page = unwrap(await api.GET('/toelaatbaarheidsverklaringen/werkvoorraad', { params: { query } }));
    return { ...page, items: page.items.map((w) => ({ ...w, id: `${w.soort}:${w.link}` })) };
  },
};

/**
 * Thuiszitters: cases of pupils out of school (or at risk), each with its verloop. Cases are audited
 * like every record about a pupil; the count, the peildata, the follow-up and the figures are
 * aggregated. A change to the verloop sends the case's ETag as If-Match: the verloop is part of it.
 */
export const thuiszitters = {
  ...crud('/thuiszitters', '/thuiszitters/{id}'),
  /**
   * Saves the case form as a merge patch of the case's own fields. The first verloop entry's fields
   * (which `PUT` would write too) are left out, so the form never undoes a change to the timeline.
   */
  update: async (id: string, body: ThuiszitterInput, etag: string | null): Promise<Versioned<Thuiszitter>> => {
    const velden: Partial<ThuiszitterInput> = { ...body };
    delete velden.categorie;
    delete velden.scenario;
    delete velden.screening5a;
    delete velden.perspectief;
    return versioned(
      await api.PATCH('/thuiszitters/{id}', {
        params: { path: { id }, header: ifMatch(etag) },
        headers: merge,
        // A merge patch: only the fields sent change (the schema lists the whole record).
        body: velden as ThuiszitterInput,
      }),
    );
  },
  // A verloop entry answers itself, not the case: the page reads the case again (its versie changed).
  /** A new situation from a date on. */
  nieuweSituatie: async (id: string, body: VerloopInput, etag: string | null) =>
    nietsMeer(await api.POST('/thuiszitters/{id}/verloop', { params: { path: { id }, header: ifMatch(etag) }, body })),
  /** Removes a later verloop entry (the first one is the start of the case and cannot go). */
  verwijderSituatie: async (id: string, entryId: string, etag: string | null) =>
    nietsMeer(
      await api.DELETE('/thuiszitters/{id}/verloop/{entryId}', {
        params: { path: { id, entryId }, header: ifMatch(etag) },
      }),
    ),
  /** The count on a date, per gemeente (as it is registered now). */
  telling: async (datum: string): Promise<ThuiszitterTelling> =>
    unwrap(await api.GET('/thuiszitters/telling', { params: { query: { datum } } })),
  /** The frozen counts, newest first; of one school year when given. */
  peildata: async (schooljaar?: string): Promise<Peildatum[]> =>
    unwrap(await api.GET('/thuiszitters/peildata', { params: { query: schooljaar ? { schooljaar } : {} } })),
  /** Freezes the count of a date (today or earlier) as the one reported. */
  stelVast: async (datum: string): Promise<Peildatum> =>
    unwrap(await api.POST('/thuiszitters/peildata', { body: { datum } })),
  /** Undoes a mistaken freeze (beheerder). */
  maakVaststellingOngedaan: async (id: string): Promise<void> =>
    done(await api.DELETE('/thuiszitters/peildata/{id}', { params: { path: { id } } })),
  /** Where the cases counted on `van` are on `tot`. */
  vervolg: async (van: string, tot: string): Promise<ThuiszitterVervolg> =>
    unwrap(await api.GET('/thuiszitters/vervolg', { params: { query: { van, tot } } })),
  /** The figures of a school year up to `tot` (its end when not given), with the year before. */
  statistieken: async (schooljaar: string, tot?: string): Promise<ThuiszitterStatistieken> =>
    unwrap(
      await api.GET('/thuiszitters/statistieken', { params: { query: tot ? { schooljaar, tot } : { schooljaar } } }),
    ),
};

/**
 * Contacts of the consulenten with their schools (beheerder, consulent, medewerker; a lezer gets
 * `403`). Marking a follow-up done is a merge patch of that one field, with the contact's ETag.
 */
export const schoolcontacten = {
  ...crud('/schoolcontacten', '/schoolcontacten/{id}'),
  /** The follow-up is done: `{"vervolgGedaan": true}` as a merge patch (If-Match: the contact's version). */
  vervolgGedaan: async (id: string, etag: string | null): Promise<Schoolcontact> =>
    unwrap(
      await api.PATCH('/schoolcontacten/{id}', {
        params: { path: { id }, header: ifMatch(etag) },
        headers: merge,
        // A merge patch: only the field sent changes (the schema lists the whole record).
        body: { vervolgGedaan: true } as never,
      }),
    ),
  /** Per school of the SWV (of one consulent, with `consulentId`) the contacts of a school year. */
  overzicht: async (schooljaar: string, consulentId?: string | null): Promise<ContactOverzicht> =>
    unwrap(
      await api.GET('/schoolcontacten/overzicht', {
        params: { query: consulentId ? { schooljaar, consulentId } : { schooljaar } },
      }),
    ),
};

/** An item of the caller's own worklist, with a key of its own (one per record and reason). */
export type MijnWerkItem = WerkItem & { id: string };

/**
 * The caller's own worklist (`GET /werkvoorraad`): follow-ups of her contacts, TLV requests and
 * thuiszitters of her schools, activities to evaluate and attendance to record. Audited.
 */
export const werkvoorraad: ListSource<'/werkvoorraad', MijnWerkItem> = {
  path: '/werkvoorraad',
  // Under the contacts' key, so that a contact saved or done refreshes it.
  queryKey: ['/schoolcontacten', 'werkvoorraad'],
  list: async (query) => {
    const page = unwrap(await api.GET('/werkvoorraad', { params: { query } }));
    return { ...page, items: page.items.map((w) => ({ ...w, id: `${w.soort}:${w.link}` })) };
  },
};

/** Who read, exported or changed which pupils' data (beheerder only; newest first). */
export const auditregels: ListSource<'/auditregels', Auditregel> = {
  path: '/auditregels',
  list: async (query) => unwrap(await api.GET('/auditregels', { params: { query } })),
};

/**
 * The outbox of the SWV (beheerder only; newest first): every mail Koers sent or is sending, with
 * how it went. The content of a sent mail is not kept.
 */
export const mails: ListSource<'/mails', Mail> = {
  path: '/mails',
  list: async (query) => unwrap(await api.GET('/mails', { params: { query } })),
};

export const clients = {
  ...crud('/clients', '/clients/{id}'),
  createWithSecret: async (body: ClientInput): Promise<ClientMetGeheim> => unwrap(await api.POST('/clients', { body })),
  rotateSecret: async (id: string): Promise<ClientMetGeheim> =>
    unwrap(await api.POST('/clients/{id}/secret', { params: { path: { id } } })),
  // Revoking is a JSON merge patch of one field, so nothing else of the client can be overwritten.
  setActief: async (id: string, actief: boolean, etag: string | null) =>
    versioned(
      await api.PATCH('/clients/{id}', {
        params: { path: { id }, header: ifMatch(etag) },
        headers: merge,
        body: { actief } as ClientInput,
      }),
    ),
};

export const bijeenkomsten = {
  ...crud('/bijeenkomsten', '/bijeenkomsten/{id}'),
  opkomst: async (id: string): Promise<Opkomst> =>
    unwrap(await api.GET('/bijeenkomsten/{id}/opkomst', { params: { path: { id } } })),
  /** Copies on other dates (same time of day and duration); answers the copies. */
  herhaal: async (id: string, datums: string[]): Promise<Bijeenkomst[]> =>
    unwrap(await api.POST('/bijeenkomsten/{id}/herhaling', { params: { path: { id } }, body: { datums } })).items,
  /** Mails a message to the registered participants and/or the waiting list; answers how many. */
  bericht: async (id: string, body: BerichtInput): Promise<number> =>
    unwrap(await api.POST('/bijeenkomsten/{id}/berichten', { params: { path: { id } }, body })).aantal,
  /** A self check-in code for the QR code at the door (it works a quarter of an hour). */
  incheckcode: async (id: string): Promise<Incheckcode> =>
    unwrap(await api.GET('/bijeenkomsten/{id}/incheckcode', { params: { path: { id } } })),
  /** The .ics file of a meeting. */
  agenda: async (id: string) =>
    blobOf(
      await api.GET('/bijeenkomsten/{id}/agenda', {
        params: { path: { id } },
        headers: { Accept: 'text/calendar' },
        parseAs: 'blob',
      }),
    ),
};

/** The registrations of one meeting: a list source for DataList, and the changes to them. */
export const aanmeldingen = {
  /** Every list of registrations sits under the meeting lists, so a change to either refreshes both. */
  queryKey: (bijeenkomstId: string) => ['/bijeenkomsten', 'aanmeldingen', bijeenkomstId] as const,
  source: (bijeenkomstId: string): ListSource<'/bijeenkomsten/{id}/aanmeldingen', Aanmelding> => ({
    path: '/bijeenkomsten/{id}/aanmeldingen',
    href: `/bijeenkomsten/${bijeenkomstId}/aanmeldingen`,
    queryKey: aanmeldingen.queryKey(bijeenkomstId),
    list: async (query) =>
      unwrap(await api.GET('/bijeenkomsten/{id}/aanmeldingen', { params: { path: { id: bijeenkomstId }, query } })),
  }),
  create: async (bijeenkomstId: string, body: NieuweAanmelding): Promise<Aanmelding> =>
    unwrap(await api.POST('/bijeenkomsten/{id}/aanmeldingen', { params: { path: { id: bijeenkomstId } }, body })),
  /** Someone walking in unregistered: registered and present, also beyond the maximum. */
  inloop: async (bijeenkomstId: string, body: NieuweAanmelding): Promise<Aanmelding> =>
    unwrap(await api.POST('/bijeenkomsten/{id}/inloop', { params: { path: { id: bijeenkomstId } }, body })),
  patch: async (
    bijeenkomstId: string,
    aanmeldingId: string,
    body: Partial<AanmeldingInput>,
    etag: string | null,
  ): Promise<Aanmelding> =>
    unwrap(
      await api.PATCH('/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}', {
        params: { path: { id: bijeenkomstId, aanmeldingId }, header: ifMatch(etag) },
        headers: merge,
        // A merge patch: only the fields sent change (the schema lists the whole record).
        body: body as AanmeldingInput,
      }),
    ),
  /** Cancels a registration (it stays in the list as afgemeld; the waiting list moves up). */
  cancel: async (bijeenkomstId: string, aanmeldingId: string, etag: string | null): Promise<void> =>
    done(
      await api.DELETE('/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}', {
        params: { path: { id: bijeenkomstId, aanmeldingId }, header: ifMatch(etag) },
      }),
    ),
  /** Records attendance of many at once (`null` clears it); answers the new figures. */
  aanwezigheid: async (bijeenkomstId: string, aanmeldingIds: string[], aanwezig: boolean | null): Promise<Opkomst> => {
    // The API takes at most 2000 ids per call (a Groot Netwerk can be larger than one call).
    let opkomst: Opkomst | undefined;
    for (let i = 0; i < aanmeldingIds.length || opkomst === undefined; i += 2000) {
      opkomst = unwrap(
        await api.POST('/bijeenkomsten/{id}/aanwezigheid', {
          params: { path: { id: bijeenkomstId } },
          body: { aanmeldingIds: aanmeldingIds.slice(i, i + 2000), aanwezig },
        }),
      );
    }
    return opkomst;
  },
  /** Sends the file as it is: the server reads CSV or XLSX by its media type. */
  importeer: async (bijeenkomstId: string, file: Blob, mediaType: string): Promise<ImportResultaat> =>
    unwrap(
      await api.POST('/bijeenkomsten/{id}/aanmeldingen/import', {
        params: { path: { id: bijeenkomstId } },
        headers: { 'Content-Type': mediaType },
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
      }),
    ),
};

export const activiteitenplannen = {
  ...crud('/activiteitenplannen', '/activiteitenplannen/{id}'),
  /** Next year's concept plan with every activity that was not finished. */
  kopie: async (id: string, schooljaar: string): Promise<Activiteitenplan> =>
    unwrap(await api.POST('/activiteitenplannen/{id}/kopie', { params: { path: { id } }, body: { schooljaar } })),
  /** The evaluation account as JSON. */
  verslag: async (id: string): Promise<Evaluatieverslag> =>
    unwrap(await api.GET('/activiteitenplannen/{id}/evaluatie', { params: { path: { id } } })),
  /** The evaluation account as a file (Markdown or Word). */
  verslagBestand: async (id: string, accept: string) =>
    blobOf(
      await api.GET('/activiteitenplannen/{id}/evaluatie', {
        params: { path: { id } },
        headers: { Accept: accept },
        parseAs: 'blob',
      }),
    ),
};

export const activiteiten = {
  ...crud('/activiteiten', '/activiteiten/{id}'),
  evalueer: async (id: string, body: Evaluatie, etag: string | null): Promise<Versioned<Activiteit>> =>
    versioned(await api.PUT('/activiteiten/{id}/evaluatie', { params: { path: { id }, header: ifMatch(etag) }, body })),
};

export const voortgang = {
  list: async (projectId: string): Promise<Page<Voortgang>> =>
    unwrap(
      await api.GET('/projecten/{id}/voortgang', {
        params: { path: { id: projectId }, query: { pageSize: 200, sort: '-datum' } },
      }),
    ),
  create: async (projectId: string, body: VoortgangInput): Promise<Voortgang> =>
    unwrap(await api.POST('/projecten/{id}/voortgang', { params: { path: { id: projectId } }, body })),
};

/** Every record of a (small) list, page by page: for the choices of a select. */
export async function fetchAll<T, P extends ListPath>(
  resource: Pick<Resource<P, T, unknown>, 'list'>,
  query: ListQuery<P> = {},
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await resource.list({ ...query, page, pageSize: 200 });
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** The JOP monitor of a school year: every gemeente the SWV serves, as its client receives it. */
export const monitor = {
  path: '/monitor/jop',
  jop: async (schooljaar: string, indeling: Indeling): Promise<JopMonitor> =>
    unwrap(await api.GET('/monitor/jop', { params: { query: { schooljaar, indeling } } })),
};

/** The board monitor of a school year: per schoolbestuur of the SWV its schools, as the board receives them. */
export const bestuursmonitor = {
  path: '/monitor/schoolbestuur',
  get: async (schooljaar: string, schoolbestuurId?: string): Promise<BestuurMonitor> =>
    unwrap(
      await api.GET('/monitor/schoolbestuur', {
        params: { query: { schooljaar, ...(schoolbestuurId ? { schoolbestuurId } : {}) } },
      }),
    ),
};

/** The whole filtered list as CSV or XLSX (fetched with the bearer token, through the client). */
export async function exportList(
  path: string,
  query: Record<string, string>,
  format: ExportFormat,
): Promise<{ blob: Blob; disposition: string | null }> {
  // The path is one of the list endpoints, which all answer text/csv and XLSX (see the contract);
  // the query was built from the same list state as the page on screen.
  return blobOf(
    await api.GET(path as '/scholen', {
      params: { query: query },
      headers: { Accept: EXPORT_MEDIA_TYPES[format] },
      parseAs: 'blob',
    }),
  );
}

/** The KPIs (ken- en stuurgetallen) with their values per school year, and the overview of a year. */
export const kengetallen = {
  ...crud('/kengetallen', '/kengetallen/{id}'),
  /** Every KPI of a school year against its target, with the four years before. */
  overzicht: async (schooljaar: string): Promise<Kengetallenoverzicht> =>
    unwrap(await api.GET('/kengetallen/overzicht', { params: { query: { schooljaar } } })),
  /** The overview as a Word document or a spreadsheet, for the board. */
  overzichtBestand: async (schooljaar: string, accept: string) =>
    blobOf(
      await api.GET('/kengetallen/overzicht', {
        params: { query: { schooljaar } },
        headers: { Accept: accept },
        parseAs: 'blob',
      }),
    ),
  /** The values of one KPI, every school year (a handful per KPI). */
  waarden: async (id: string): Promise<KengetalWaarde[]> =>
    unwrap(
      await api.GET('/kengetallen/{id}/waarden', {
        params: { path: { id }, query: { pageSize: 200, sort: '-schooljaar' } },
      }),
    ).items,
  waardeToevoegen: async (id: string, body: KengetalWaardeInput): Promise<KengetalWaarde> =>
    unwrap(await api.POST('/kengetallen/{id}/waarden', { params: { path: { id } }, body })),
  waardeVerwijderen: async (id: string, waardeId: string): Promise<void> => {
    unwrap(await api.DELETE('/kengetallen/{id}/waarden/{waardeId}', { params: { path: { id, waardeId } } }));
  },
};
