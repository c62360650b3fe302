import { api } from './client';
import { unwrap } from './problem';
import type { paths } from './schema';
import type {
  Client,
  ClientInput,
  ClientMetGeheim,
  Gebruiker,
  GebruikerInput,
  Gemeente,
  GemeenteInput,
  Page,
  Samenwerkingsverband,
  SamenwerkingsverbandInput,
  School,
  Schoolbestuur,
  SchoolbestuurInput,
  SchoolInput,
  Versioned,
  Werkgebied,
  WerkgebiedInput,
  Ondersteuningsplan,
  OndersteuningsplanInput,
  Ambitie,
  AmbitieInput,
  Activiteitenplan,
  ActiviteitenplanInput,
  Activiteit,
  ActiviteitInput,
  Evaluatie,
  Evaluatieverslag,
  Portefeuille,
  PortefeuilleInput,
  Project,
  ProjectInput,
  Voortgang,
  VoortgangInput,
  Aanmelding,
  AanmeldingInput,
  Bijeenkomst,
  BijeenkomstInput,
  ImportResultaat,
  NieuweAanmelding,
  Opkomst,
} from './types';
import { EXPORT_MEDIA_TYPES, type ExportFormat } from '../lib/download';

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
  | '/bijeenkomsten/{id}/aanmeldingen';

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

const ifMatch = (etag: string | null) => (etag ? { 'If-Match': etag } : {});
const versioned = <T>(result: { data?: T; error?: unknown; response: Response }): Versioned<T> => ({
  data: unwrap(result),
  etag: result.response.headers.get('ETag'),
});
const done = (result: { error?: unknown; response: Response }): void => {
  unwrap({ ...result, data: undefined });
};

export const samenwerkingsverbanden: Resource<
  '/samenwerkingsverbanden',
  Samenwerkingsverband,
  SamenwerkingsverbandInput
> = {
  path: '/samenwerkingsverbanden',
  list: async (query) => unwrap(await api.GET('/samenwerkingsverbanden', { params: { query } })),
  get: async (id) => versioned(await api.GET('/samenwerkingsverbanden/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/samenwerkingsverbanden', { body })),
  update: async (id, body, etag) =>
    versioned(
      await api.PUT('/samenwerkingsverbanden/{id}', {
        params: { path: { id }, header: ifMatch(etag) },
        body,
      }),
    ),
  remove: async (id, etag) =>
    done(await api.DELETE('/samenwerkingsverbanden/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const gemeenten: Resource<'/gemeenten', Gemeente, GemeenteInput> = {
  path: '/gemeenten',
  list: async (query) => unwrap(await api.GET('/gemeenten', { params: { query } })),
  get: async (id) => versioned(await api.GET('/gemeenten/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/gemeenten', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/gemeenten/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/gemeenten/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const schoolbesturen: Resource<'/schoolbesturen', Schoolbestuur, SchoolbestuurInput> = {
  path: '/schoolbesturen',
  list: async (query) => unwrap(await api.GET('/schoolbesturen', { params: { query } })),
  get: async (id) => versioned(await api.GET('/schoolbesturen/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/schoolbesturen', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/schoolbesturen/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/schoolbesturen/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const werkgebieden: Resource<'/werkgebieden', Werkgebied, WerkgebiedInput> = {
  path: '/werkgebieden',
  list: async (query) => unwrap(await api.GET('/werkgebieden', { params: { query } })),
  get: async (id) => versioned(await api.GET('/werkgebieden/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/werkgebieden', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/werkgebieden/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/werkgebieden/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const scholen: Resource<'/scholen', School, SchoolInput> = {
  path: '/scholen',
  list: async (query) => unwrap(await api.GET('/scholen', { params: { query } })),
  get: async (id) => versioned(await api.GET('/scholen/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/scholen', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/scholen/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/scholen/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const gebruikers: Resource<'/gebruikers', Gebruiker, GebruikerInput> = {
  path: '/gebruikers',
  list: async (query) => unwrap(await api.GET('/gebruikers', { params: { query } })),
  get: async (id) => versioned(await api.GET('/gebruikers/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/gebruikers', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/gebruikers/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/gebruikers/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const clients: Resource<'/clients', Client, ClientInput> & {
  createWithSecret(input: ClientInput): Promise<ClientMetGeheim>;
  rotateSecret(id: string): Promise<ClientMetGeheim>;
  setActief(id: string, actief: boolean, etag: string | null): Promise<Versioned<Client>>;
} = {
  path: '/clients',
  list: async (query) => unwrap(await api.GET('/clients', { params: { query } })),
  get: async (id) => versioned(await api.GET('/clients/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/clients', { body })),
  createWithSecret: async (body) => unwrap(await api.POST('/clients', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/clients/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/clients/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
  rotateSecret: async (id) => unwrap(await api.POST('/clients/{id}/secret', { params: { path: { id } } })),
  // Revoking is a JSON merge patch of one field, so nothing else of the client can be overwritten.
  setActief: async (id, actief, etag) =>
    versioned(
      await api.PATCH('/clients/{id}', {
        params: { path: { id }, header: ifMatch(etag) },
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: { actief } as ClientInput,
      }),
    ),
};

export const ondersteuningsplannen: Resource<'/ondersteuningsplannen', Ondersteuningsplan, OndersteuningsplanInput> = {
  path: '/ondersteuningsplannen',
  list: async (query) => unwrap(await api.GET('/ondersteuningsplannen', { params: { query } })),
  get: async (id) => versioned(await api.GET('/ondersteuningsplannen/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/ondersteuningsplannen', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/ondersteuningsplannen/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/ondersteuningsplannen/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const ambities: Resource<'/ambities', Ambitie, AmbitieInput> = {
  path: '/ambities',
  list: async (query) => unwrap(await api.GET('/ambities', { params: { query } })),
  get: async (id) => versioned(await api.GET('/ambities/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/ambities', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/ambities/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/ambities/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const activiteitenplannenBase: Resource<'/activiteitenplannen', Activiteitenplan, ActiviteitenplanInput> = {
  path: '/activiteitenplannen',
  list: async (query) => unwrap(await api.GET('/activiteitenplannen', { params: { query } })),
  get: async (id) => versioned(await api.GET('/activiteitenplannen/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/activiteitenplannen', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/activiteitenplannen/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/activiteitenplannen/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const activiteitenBase: Resource<'/activiteiten', Activiteit, ActiviteitInput> = {
  path: '/activiteiten',
  list: async (query) => unwrap(await api.GET('/activiteiten', { params: { query } })),
  get: async (id) => versioned(await api.GET('/activiteiten/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/activiteiten', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/activiteiten/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/activiteiten/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const portefeuilles: Resource<'/portefeuilles', Portefeuille, PortefeuilleInput> = {
  path: '/portefeuilles',
  list: async (query) => unwrap(await api.GET('/portefeuilles', { params: { query } })),
  get: async (id) => versioned(await api.GET('/portefeuilles/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/portefeuilles', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/portefeuilles/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/portefeuilles/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

export const projecten: Resource<'/projecten', Project, ProjectInput> = {
  path: '/projecten',
  list: async (query) => unwrap(await api.GET('/projecten', { params: { query } })),
  get: async (id) => versioned(await api.GET('/projecten/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/projecten', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/projecten/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/projecten/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

const bijeenkomstenBase: Resource<'/bijeenkomsten', Bijeenkomst, BijeenkomstInput> = {
  path: '/bijeenkomsten',
  list: async (query) => unwrap(await api.GET('/bijeenkomsten', { params: { query } })),
  get: async (id) => versioned(await api.GET('/bijeenkomsten/{id}', { params: { path: { id } } })),
  create: async (body) => unwrap(await api.POST('/bijeenkomsten', { body })),
  update: async (id, body, etag) =>
    versioned(await api.PUT('/bijeenkomsten/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
  remove: async (id, etag) =>
    done(await api.DELETE('/bijeenkomsten/{id}', { params: { path: { id }, header: ifMatch(etag) } })),
};

const merge = { 'Content-Type': 'application/merge-patch+json' } as const;

export const bijeenkomsten = {
  ...bijeenkomstenBase,
  opkomst: async (id: string): Promise<Opkomst> =>
    unwrap(await api.GET('/bijeenkomsten/{id}/opkomst', { params: { path: { id } } })),
  /** Copies on other dates (same time of day and duration); answers the copies. */
  herhaal: async (id: string, datums: string[]): Promise<Bijeenkomst[]> =>
    unwrap(await api.POST('/bijeenkomsten/{id}/herhaling', { params: { path: { id } }, body: { datums } })).items,
  /** The .ics file of a meeting, fetched with the bearer token. */
  agenda: async (id: string): Promise<{ blob: Blob; disposition: string | null }> => {
    const result = await api.GET('/bijeenkomsten/{id}/agenda', {
      params: { path: { id } },
      headers: { Accept: 'text/calendar' },
      parseAs: 'blob',
    });
    return { blob: unwrap(result), disposition: result.response.headers.get('Content-Disposition') };
  },
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
  ...activiteitenplannenBase,
  /** Next year's concept plan with every activity that was not finished. */
  kopie: async (id: string, schooljaar: string): Promise<Activiteitenplan> =>
    unwrap(await api.POST('/activiteitenplannen/{id}/kopie', { params: { path: { id } }, body: { schooljaar } })),
  /** The evaluation account as JSON. */
  verslag: async (id: string): Promise<Evaluatieverslag> =>
    unwrap(await api.GET('/activiteitenplannen/{id}/evaluatie', { params: { path: { id } } })),
  /** The evaluation account as a file (Markdown or Word), fetched with the bearer token. */
  verslagBestand: async (id: string, accept: string): Promise<{ blob: Blob; disposition: string | null }> => {
    const result = await api.GET('/activiteitenplannen/{id}/evaluatie', {
      params: { path: { id } },
      headers: { Accept: accept },
      parseAs: 'blob',
    });
    return { blob: unwrap(result), disposition: result.response.headers.get('Content-Disposition') };
  },
};

export const activiteiten = {
  ...activiteitenBase,
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

/** The whole filtered list as CSV or XLSX (fetched with the bearer token, through the client). */
export async function exportList(
  path: string,
  query: Record<string, string>,
  format: ExportFormat,
): Promise<{ blob: Blob; disposition: string | null }> {
  // The path is one of the list endpoints, which all answer text/csv and XLSX (see the contract);
  // the query was built from the same list state as the page on screen.
  const result = await api.GET(path as '/scholen', {
    params: { query: query },
    headers: { Accept: EXPORT_MEDIA_TYPES[format] },
    parseAs: 'blob',
  });
  const blob = unwrap(result);
  return { blob, disposition: result.response.headers.get('Content-Disposition') };
}
