/** The state of a list page, kept in the URL query so it survives reloads and can be shared. */
export interface ListState {
  page: number;
  pageSize: number;
  /** `naam` or `-naam`; empty: the server's default order. */
  sort: string;
  q: string;
  filters: Record<string, string>;
}

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListDefaults {
  sort?: string;
  pageSize?: number;
}

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}

/** Reads the list state from the URL; unknown parameters are ignored, bad values fall back. */
export function parseListState(
  params: URLSearchParams,
  filterKeys: readonly string[],
  defaults: ListDefaults = {},
): ListState {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value !== null && value !== '') filters[key] = value;
  }
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), defaults.pageSize ?? DEFAULT_PAGE_SIZE, 200),
    sort: params.get('sort') ?? defaults.sort ?? '',
    q: params.get('q') ?? '',
    filters,
  };
}

/** Writes the list state as URL parameters, leaving out what equals the defaults. */
export function toSearchParams(state: ListState, defaults: ListDefaults = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q);
  for (const [key, value] of Object.entries(state.filters).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== '') params.set(key, value);
  }
  if (state.sort !== (defaults.sort ?? '')) params.set('sort', state.sort);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== (defaults.pageSize ?? DEFAULT_PAGE_SIZE)) {
    params.set('pageSize', String(state.pageSize));
  }
  return params;
}

/** The query parameters for the API: paging, sort, search and filters. */
export function toApiQuery(state: ListState): Record<string, string | number> {
  const query: Record<string, string | number> = { page: state.page, pageSize: state.pageSize };
  if (state.sort !== '') query.sort = state.sort;
  const q = state.q.trim();
  if (q !== '') query.q = q;
  for (const [key, value] of Object.entries(state.filters)) {
    if (value !== '') query[key] = value;
  }
  return query;
}

/** The same selection without paging, for exports of the whole filtered list. */
export function toExportQuery(state: ListState): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(toApiQuery(state))) {
    if (key !== 'page' && key !== 'pageSize') query[key] = String(value);
  }
  return query;
}

/** Clicking a column header: ascending, then descending, then back to the default order. */
export function nextSort(current: string, field: string): string {
  if (current === field) return `-${field}`;
  if (current === `-${field}`) return '';
  return field;
}

export function sortDirection(current: string, field: string): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}

/** A change of search, filters or sort starts again at page 1. */
export function withChange(
  state: ListState,
  change: Partial<Omit<ListState, 'filters'>> & { filters?: Record<string, string | null> },
): ListState {
  const filters = { ...state.filters };
  for (const [key, value] of Object.entries(change.filters ?? {})) {
    if (value === null || value === '') Reflect.deleteProperty(filters, key);
    else filters[key] = value;
  }
  const resetsPage =
    change.filters !== undefined ||
    (change.q !== undefined && change.q !== state.q) ||
    (change.sort !== undefined && change.sort !== state.sort) ||
    (change.pageSize !== undefined && change.pageSize !== state.pageSize);
  return {
    page: change.page ?? (resetsPage ? 1 : state.page),
    pageSize: change.pageSize ?? state.pageSize,
    sort: change.sort ?? state.sort,
    q: change.q ?? state.q,
    filters,
  };
}

export function hasSelection(state: ListState): boolean {
  return state.q.trim() !== '' || Object.keys(state.filters).length > 0;
}
