import { describe, expect, it, vi } from 'vitest';
import { createApi, refresher } from './client';
import { Session, type RefreshTokenStore } from './session';

function memoryStore(initial: string | null): RefreshTokenStore & { value: string | null } {
  return {
    value: initial,
    get() {
      return this.value;
    },
    set(token) {
      this.value = token;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const problem401 = {
  type: 'urn:koers:problem:niet-aangemeld',
  title: 'Niet aangemeld',
  status: 401,
  detail: 'Token verlopen.',
};
const page = { items: [], page: 1, pageSize: 1, total: 3 };
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake API: access token `a<n>` pairs with refresh token `r<n>`; only the newest pair works. */
function fakeServer(options: { refresh?: 'ok' | 'reject' | 'down'; slowPath?: string } = {}) {
  let generation = 1;
  const log: string[] = [];
  const bodies: unknown[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path === '/auth/refresh') {
      log.push('refresh');
      await delay(5);
      if (options.refresh === 'down') throw new TypeError('Failed to fetch');
      const { refreshToken } = (await request.json()) as { refreshToken: string };
      if (options.refresh === 'reject' || refreshToken !== `r${generation}`) return json(401, problem401);
      generation += 1;
      return json(200, {
        accessToken: `a${generation}`,
        refreshToken: `r${generation}`,
        tokenType: 'Bearer',
        expiresIn: 900,
      });
    }
    const auth = request.headers.get('Authorization');
    log.push(`${request.method} ${path} ${auth ?? '-'}`);
    if (request.method === 'POST') bodies.push(await request.clone().json());
    if (path === options.slowPath) await delay(40);
    if (auth !== `Bearer a${generation}`) return json(401, problem401);
    return request.method === 'POST' ? json(201, { id: 'x', naam: 'Noord' }) : json(200, page);
  });
  return { fetch, log, bodies };
}

function setup(server: ReturnType<typeof fakeServer>, store = memoryStore('r1')) {
  const signOuts: string[] = [];
  const { api, session } = createApi({
    baseUrl: 'http://koers.test/api/v1',
    fetch: server.fetch,
    session: (bare) => new Session({ store, refresh: refresher(bare) }),
  });
  session.onSignOut((reason) => signOuts.push(reason));
  return { api, session, store, signOuts };
}

describe('the API client', () => {
  it('sends the access token as a bearer token', async () => {
    const server = fakeServer();
    const { api, session } = setup(server);
    session.setTokens({ accessToken: 'a1', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });
    const { data } = await api.GET('/scholen', { params: { query: { pageSize: 1 } } });
    expect(data).toEqual(page);
    expect(server.log).toEqual(['GET /scholen Bearer a1']);
  });

  it('refreshes once for a burst of 401s and retries every request, bodies included', async () => {
    const server = fakeServer();
    const { api, session, store } = setup(server);
    // An expired access token: the server is already at generation 1, the client has a stale one.
    session.setTokens({ accessToken: 'a0', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });

    const results = await Promise.all([
      api.GET('/scholen'),
      api.GET('/gemeenten'),
      api.GET('/werkgebieden'),
      api.POST('/werkgebieden', { body: { naam: 'Noord' } }),
    ]);

    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 201]);
    expect(server.log.filter((l) => l === 'refresh')).toHaveLength(1);
    expect(session.accessToken).toBe('a2');
    expect(store.value).toBe('r2');
    // The POST went out twice (401, then the retry) with the same body.
    expect(server.bodies).toEqual([{ naam: 'Noord' }, { naam: 'Noord' }]);
  });

  it('does not refresh again for a late 401 when another call already got a new token', async () => {
    const server = fakeServer({ slowPath: '/schoolbesturen' });
    const { api, session } = setup(server);
    session.setTokens({ accessToken: 'a0', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });

    const slow = api.GET('/schoolbesturen'); // answers 401 after the refresh below is done
    await api.GET('/scholen'); // 401 → refresh → retry
    const late = await slow;

    expect(late.response.status).toBe(200);
    expect(server.log.filter((l) => l === 'refresh')).toHaveLength(1);
    expect(server.log.at(-1)).toBe('GET /schoolbesturen Bearer a2');
  });

  it('signs out once, and hands back the 401, when the refresh token is refused', async () => {
    const server = fakeServer({ refresh: 'reject' });
    const { api, session, store, signOuts } = setup(server);
    session.setTokens({ accessToken: 'a0', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });

    const results = await Promise.all([api.GET('/scholen'), api.GET('/gemeenten')]);

    expect(results.map((r) => r.response.status)).toEqual([401, 401]);
    expect(signOuts).toEqual(['expired']);
    expect(session.accessToken).toBeNull();
    expect(store.value).toBeNull();
  });

  it('keeps the sign-in when the server cannot be reached during a refresh', async () => {
    const server = fakeServer({ refresh: 'down' });
    const { api, session, store, signOuts } = setup(server);
    session.setTokens({ accessToken: 'a0', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });

    const result = await api.GET('/scholen');

    expect(result.response.status).toBe(401);
    expect(signOuts).toEqual([]);
    expect(store.value).toBe('r1');
  });

  it('never sends the bearer token to /auth/login and never retries a failed login', async () => {
    const fetch = vi.fn(async (request: Request) => {
      await Promise.resolve();
      expect(request.headers.get('Authorization')).toBeNull();
      return json(401, problem401);
    });
    const { api, session } = createApi({
      baseUrl: 'http://koers.test/api/v1',
      fetch,
      session: (bare) => new Session({ store: memoryStore(null), refresh: refresher(bare) }),
    });
    session.setTokens({ accessToken: 'a1', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });
    const result = await api.POST('/auth/login', { body: { email: 'x@example.org', password: 'fout' } });
    expect(result.response.status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('calls the public pages without a token, and a 401 there neither refreshes nor signs out', async () => {
    const server = fakeServer();
    const { api, session, signOuts } = setup(server);
    // Someone signed in earlier in this browser, with an expired access token.
    session.setTokens({ accessToken: 'a0', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });
    const result = await api.GET('/publiek/bijeenkomsten/{publicId}', { params: { path: { publicId: 'abc' } } });
    expect(result.response.status).toBe(401);
    expect(server.log).toEqual(['GET /publiek/bijeenkomsten/abc -']);
    expect(signOuts).toEqual([]);
    expect(session.accessToken).toBe('a0');
  });
});

describe('the session', () => {
  it('shares one refresh between tabs through the lock, each reading the newest token', async () => {
    const store = memoryStore('r1');
    const presented: string[] = [];
    let generation = 1;
    const refresh = async (token: string) => {
      presented.push(token);
      await delay(5);
      if (token !== `r${generation}`) return { kind: 'rejected' as const };
      generation += 1;
      return {
        kind: 'ok' as const,
        tokens: { accessToken: `a${generation}`, refreshToken: `r${generation}`, tokenType: 'Bearer', expiresIn: 900 },
      };
    };
    let tail: Promise<unknown> = Promise.resolve();
    const withLock = <T>(task: () => Promise<T>): Promise<T> => {
      const run = tail.then(task);
      tail = run.catch(() => undefined);
      return run;
    };
    const tabA = new Session({ store, refresh, withLock });
    const tabB = new Session({ store, refresh, withLock });

    const [a, b] = await Promise.all([tabA.refresh(), tabB.refresh()]);

    // Without the lock both tabs would present r1 and the second would be refused (reuse).
    expect(presented).toEqual(['r1', 'r2']);
    expect([a, b]).toEqual(['a2', 'a3']);
    expect(store.value).toBe('r3');
  });

  it('signs out when there is no refresh token at all', async () => {
    const session = new Session({ store: memoryStore(null), refresh: () => Promise.reject(new Error('not called')) });
    const reasons: string[] = [];
    session.onSignOut((r) => reasons.push(r));
    expect(await session.refresh()).toBeNull();
    expect(reasons).toEqual(['expired']);
  });
});
