import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createApi } from './client';
import { ApiError } from './problem';
import * as resources from './resources';
import { crud, type ListPath } from './resources';
import type { paths } from './schema';
import { Session } from './session';
import type { School, SchoolInput } from './types';

const school = { id: 's1', naam: 'De Regenboog' };

/** A client against a fake server that logs each request and answers as the contract does. */
function setup(answer: (request: Request) => Response) {
  const requests: { method: string; url: string; ifMatch: string | null; body: string }[] = [];
  const fetch = vi.fn(async (request: Request) => {
    requests.push({
      method: request.method,
      url: request.url.replace('http://koers.test/api/v1', ''),
      ifMatch: request.headers.get('If-Match'),
      body: await request.clone().text(),
    });
    return answer(request);
  });
  const { api, session } = createApi({
    baseUrl: 'http://koers.test/api/v1',
    fetch,
    session: () =>
      new Session({
        store: { get: () => null, set: () => undefined },
        refresh: () => Promise.resolve({ kind: 'rejected' }),
      }),
  });
  session.setTokens({ accessToken: 'a1', refreshToken: 'r1', tokenType: 'Bearer', expiresIn: 900 });
  return { scholen: crud('/scholen', '/scholen/{id}', api), requests };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

describe('crud', () => {
  it('lists, reads, creates, replaces and deletes with the If-Match the caller holds', async () => {
    const { scholen, requests } = setup((request) =>
      request.method === 'DELETE'
        ? json(204, null)
        : request.method === 'POST'
          ? json(201, school)
          : request.url.endsWith('/scholen?sort=naam&page=2')
            ? json(200, { items: [school], page: 2, pageSize: 50, total: 51 })
            : json(200, school, { ETag: '"3"' }),
    );

    expect(await scholen.list({ sort: 'naam', page: 2 })).toEqual({
      items: [school],
      page: 2,
      pageSize: 50,
      total: 51,
    });
    expect(await scholen.get('s1')).toEqual({ data: school, etag: '"3"' });
    expect(await scholen.create({ naam: 'De Regenboog' } as SchoolInput)).toEqual(school);
    expect(await scholen.update('s1', { naam: 'De Regenboog' } as SchoolInput, '"3"')).toEqual({
      data: school,
      etag: '"3"',
    });
    await scholen.remove('s1', '"3"');
    await scholen.remove('s1', null);

    expect(requests).toEqual([
      { method: 'GET', url: '/scholen?sort=naam&page=2', ifMatch: null, body: '' },
      { method: 'GET', url: '/scholen/s1', ifMatch: null, body: '' },
      { method: 'POST', url: '/scholen', ifMatch: null, body: '{"naam":"De Regenboog"}' },
      { method: 'PUT', url: '/scholen/s1', ifMatch: '"3"', body: '{"naam":"De Regenboog"}' },
      { method: 'DELETE', url: '/scholen/s1', ifMatch: '"3"', body: '' },
      { method: 'DELETE', url: '/scholen/s1', ifMatch: null, body: '' },
    ]);
  });

  it('throws the problem of a refused call as an ApiError', async () => {
    const { scholen } = setup(() =>
      json(412, {
        type: 'urn:koers:problem:gewijzigd',
        title: 'Verouderd',
        status: 412,
        detail: 'Intussen gewijzigd.',
      }),
    );
    const error = await scholen.update('s1', { naam: 'X' } as SchoolInput, '"1"').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(412);
  });

  it('types each resource by the contract: the record of GET, the body of PUT and of POST', () => {
    type Scholen = typeof resources.scholen;
    expectTypeOf<ReturnType<Scholen['get']>>().toEqualTypeOf<Promise<{ data: School; etag: string | null }>>();
    expectTypeOf<Parameters<Scholen['update']>[1]>().toEqualTypeOf<SchoolInput>();

    // Every resource's create takes exactly the body the contract gives for POST on its list.
    type Resources = typeof resources;
    type PostBody<P extends ListPath> = paths[P] extends {
      post: { requestBody: { content: { 'application/json': infer B } } };
    }
      ? B
      : never;
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    type Differing = {
      [K in keyof Resources]: Resources[K] extends { path: infer P extends ListPath; create(input: infer I): unknown }
        ? Same<I, PostBody<P>> extends true
          ? never
          : K
        : never;
    }[keyof Resources];
    expectTypeOf<Differing>().toBeNever();
  });
});
