import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { browserLock, localStorageStore, Session, type RefreshOutcome } from './session';

/** JSON answers only; exports ask for CSV/XLSX explicitly with `parseAs: 'blob'`. */
export type ApiClient = Client<paths, 'application/json'>;

/** Paths that authenticate by themselves: no bearer token, and a 401 there is final. */
const PUBLIC_PATHS = new Set(['/auth/login', '/auth/refresh', '/auth/logout', '/auth/token']);

/**
 * The pages for participants (registering, cancelling) are used without an account: their calls
 * carry no token, even in a browser where someone is signed in, and never trigger a refresh.
 */
export function isPublicPath(schemaPath: string): boolean {
  return PUBLIC_PATHS.has(schemaPath) || schemaPath.startsWith('/publiek/');
}

/**
 * Adds `Authorization: Bearer <access token>` to every call, and on a `401` refreshes the tokens
 * once (single-flight through the session) and sends the request again. When the refresh fails
 * the session signs out, and the caller sees the original `401`.
 */
export function authMiddleware(session: Session): Middleware {
  // A copy of each request as sent (bodies can be read only once), to send it again after a 401.
  const pending = new Map<string, { copy: Request; token: string | null }>();

  return {
    onRequest({ request, schemaPath, id }) {
      if (isPublicPath(schemaPath)) return undefined;
      const token = session.accessToken;
      if (token !== null) request.headers.set('Authorization', `Bearer ${token}`);
      pending.set(id, { copy: request.clone(), token });
      return request;
    },
    async onResponse({ response, id, options }) {
      const sent = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || sent === undefined) return undefined;
      // Another call may have refreshed while this one was under way: then use its token.
      const current = session.accessToken;
      const token = current !== null && current !== sent.token ? current : await session.refresh();
      if (token === null) return undefined;
      const retry = new Request(sent.copy);
      retry.headers.set('Authorization', `Bearer ${token}`);
      return options.fetch(retry);
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
}

/** Presents a refresh token to POST /auth/refresh, through a client without the auth middleware. */
export function refresher(bare: ApiClient) {
  return async (refreshToken: string): Promise<RefreshOutcome> => {
    const { data, response } = await bare.POST('/auth/refresh', { body: { refreshToken } });
    if (response.ok && data) return { kind: 'ok', tokens: data };
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      return { kind: 'rejected' };
    }
    return { kind: 'unavailable' };
  };
}

export interface ApiSetup {
  baseUrl: string;
  fetch?: (input: Request) => Promise<Response>;
  session?: (bare: ApiClient) => Session;
}

/** The typed client with the auth middleware, its session, and a bare client for /auth calls. */
export function createApi({ baseUrl, fetch, session: makeSession }: ApiSetup) {
  const fetchImpl = fetch ?? ((input: Request) => globalThis.fetch(input));
  const bare = createClient<paths, 'application/json'>({ baseUrl, fetch: fetchImpl });
  const session =
    makeSession?.(bare) ?? new Session({ store: localStorageStore(), refresh: refresher(bare), withLock: browserLock });
  const api = createClient<paths, 'application/json'>({ baseUrl, fetch: fetchImpl });
  api.use(authMiddleware(session));
  return { api, bare, session };
}

const app = createApi({ baseUrl: '/api/v1' });

/** The client every page uses. */
export const api = app.api;
/** The client for sign-in and sign-out, which carry no bearer token. */
export const authApi = app.bare;
/** The tokens of the signed-in user. */
export const session = app.session;
