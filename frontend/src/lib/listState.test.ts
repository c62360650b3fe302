import { describe, expect, it } from 'vitest';
import {
  hasSelection,
  nextSort,
  parseListState,
  sortDirection,
  toApiQuery,
  toExportQuery,
  toSearchParams,
  withChange,
  type ListState,
} from './listState';

const keys = ['soort', 'gemeenteId'];

describe('URL → list state', () => {
  it('reads paging, sort, search and the known filters', () => {
    const state = parseListState(new URLSearchParams('page=3&pageSize=50&sort=-naam&q=zon&soort=sbo&onbekend=1'), keys);
    expect(state).toEqual({ page: 3, pageSize: 50, sort: '-naam', q: 'zon', filters: { soort: 'sbo' } });
  });

  it('falls back to the defaults for missing or broken values', () => {
    const state = parseListState(new URLSearchParams('page=0&pageSize=5000&soort='), keys, { sort: 'naam' });
    expect(state).toEqual({ page: 1, pageSize: 25, sort: 'naam', q: '', filters: {} });
    expect(parseListState(new URLSearchParams('page=abc&pageSize=-1'), keys).page).toBe(1);
  });
});

describe('list state → URL', () => {
  it('leaves out what equals the defaults, so a clean list has a clean URL', () => {
    const state: ListState = { page: 1, pageSize: 25, sort: 'naam', q: '', filters: {} };
    expect(toSearchParams(state, { sort: 'naam' }).toString()).toBe('');
  });

  it('round-trips through the URL', () => {
    const state: ListState = {
      page: 2,
      pageSize: 100,
      sort: '',
      q: 'de zon',
      filters: { soort: 'bao', gemeenteId: 'g1' },
    };
    const params = toSearchParams(state, { sort: 'naam' });
    expect(params.toString()).toBe('q=de+zon&gemeenteId=g1&soort=bao&sort=&page=2&pageSize=100');
    expect(parseListState(params, keys, { sort: 'naam' })).toEqual(state);
  });
});

describe('changes', () => {
  const state: ListState = { page: 4, pageSize: 25, sort: 'naam', q: '', filters: { soort: 'bao' } };

  it('start again at page 1 when search, filters, sort or page size change', () => {
    expect(withChange(state, { q: 'zon' }).page).toBe(1);
    expect(withChange(state, { filters: { gemeenteId: 'g1' } })).toMatchObject({
      page: 1,
      filters: { soort: 'bao', gemeenteId: 'g1' },
    });
    expect(withChange(state, { sort: '-naam' }).page).toBe(1);
    expect(withChange(state, { pageSize: 50 }).page).toBe(1);
    expect(withChange(state, { page: 2 }).page).toBe(2);
    expect(withChange(state, { q: '' }).page).toBe(4);
  });

  it('remove a filter that is cleared', () => {
    expect(withChange(state, { filters: { soort: null } }).filters).toEqual({});
  });

  it('cycle a column through ascending, descending and the default order', () => {
    expect(nextSort('', 'brin')).toBe('brin');
    expect(nextSort('brin', 'brin')).toBe('-brin');
    expect(nextSort('-brin', 'brin')).toBe('');
    expect(nextSort('-naam', 'brin')).toBe('brin');
    expect(sortDirection('-brin', 'brin')).toBe('descending');
    expect(sortDirection('naam', 'brin')).toBe('none');
  });
});

describe('list state → API', () => {
  const state: ListState = { page: 2, pageSize: 50, sort: '-leerlingaantal', q: '  zon ', filters: { soort: 'so' } };

  it('asks for the page with sort, trimmed search and filters', () => {
    expect(toApiQuery(state)).toEqual({ page: 2, pageSize: 50, sort: '-leerlingaantal', q: 'zon', soort: 'so' });
    expect(toApiQuery({ ...state, sort: '', q: '' })).toEqual({ page: 2, pageSize: 50, soort: 'so' });
  });

  it('exports the same selection without paging', () => {
    expect(toExportQuery(state)).toEqual({ sort: '-leerlingaantal', q: 'zon', soort: 'so' });
  });

  it('knows when a selection narrows the list', () => {
    expect(hasSelection(state)).toBe(true);
    expect(hasSelection({ ...state, q: ' ', filters: {} })).toBe(false);
  });
});
