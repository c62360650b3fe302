import {
  Alert,
  Anchor,
  Box,
  Button,
  EmptyState,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconDownload,
  IconSearch,
  IconX,
} from '@tabler/icons-react';
import { useState, type ComponentType, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../api/problem';
import { exportList, type ListPath, type ListQuery, type ListSource } from '../api/resources';
import type { Page } from '../api/types';
import { exportFilename, saveBlob, type ExportFormat } from '../lib/download';
import { aantalMet, formatNumber } from '../lib/format';
import {
  hasSelection,
  nextSort,
  PAGE_SIZES,
  parseListState,
  sortDirection,
  toApiQuery,
  toExportQuery,
  toSearchParams,
  withChange,
  type ListDefaults,
  type ListState,
} from '../lib/listState';
import { useDraft } from './useDraft';
import { DateField } from './DateField';

export interface Column<T> {
  /** Also the sort field of the API, when `sortable`. */
  key: string;
  header: string;
  sortable?: boolean;
  render: (row: T) => ReactNode;
  /** Numbers are right-aligned. */
  numeric?: boolean;
  /** Hide on narrow screens. */
  visibleFrom?: 'sm' | 'md' | 'lg' | 'xl';
  /** Keep on one line (codes, e-mail addresses). */
  nowrap?: boolean;
  /** This column carries the link to the row's page (default: the first column). */
  link?: boolean;
  /** In the link's column: something shown after the link, outside it (a badge). */
  aside?: (row: T) => ReactNode;
}

export interface FilterOption {
  value: string;
  label: string;
}

/** What a filter's own control is given: its label, the value in the URL, and a way to change it. */
export interface FilterControlProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}

/**
 * A filter of the list, kept in the URL under `key`: a choice among options (the default), a
 * date (`YYYY-MM-DD`), or a control of the page's own (e.g. a pupil found by its reference).
 */
export type Filter<K extends string> = { key: K; label: string } & (
  | {
      /** Undefined while the choices are loading. */
      options: FilterOption[] | undefined;
      /** What no choice means (default "Alle"). */
      placeholder?: string;
    }
  | { type: 'date' }
  | { control: ComponentType<FilterControlProps> }
);

export interface DataListProps<P extends ListPath, T extends { id: string }> {
  resource: ListSource<P, T>;
  /** Plural noun for texts: "scholen". */
  noun: string;
  columns: Column<T>[];
  filters?: Filter<keyof ListQuery<P> & string>[];
  defaults?: ListDefaults;
  /**
   * Query parameters sent with every page and export, not shown as filters (the board of
   * thuiszitters: only the cases that run today).
   */
  vast?: Record<string, string>;
  /** The label of the search box; without it the list has none (the API searches nothing). */
  searchLabel?: string;
  searchPlaceholder?: string;
  /** The page of a row; without it rows are not links (e.g. when they are edited in place). */
  rowHref?: (row: T) => string;
  /** What to do when there are no records at all (e.g. "Voeg een school toe met…"). */
  emptyTitle: string;
  emptyDescription: ReactNode;
  emptyAction?: ReactNode;
  /**
   * Below this width the table scrolls sideways (default 500: narrower than a tablet's content,
   * wider than a phone's). A list whose columns fold up on a phone can go lower.
   */
  tableMinWidth?: number;
}

const MAX_EXPORT_WAIT_NOTE = 'Een export bevat de hele gefilterde lijst, niet alleen deze pagina.';

/**
 * A server-side paged, sortable, filterable list whose state lives in the URL query, with CSV
 * and XLSX export of the same selection.
 */
export function DataList<P extends ListPath, T extends { id: string }>(props: DataListProps<P, T>) {
  const { resource, noun, columns, filters = [], defaults = {}, rowHref, vast } = props;
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filterKeys = filters.map((f) => f.key);
  const state = parseListState(params, filterKeys, defaults);
  const apiQuery = { ...toApiQuery(state), ...vast };

  const query = useQuery({
    queryKey: [...(resource.queryKey ?? [resource.path]), 'list', apiQuery],
    queryFn: () => resource.list(apiQuery as ListQuery<P>),
    placeholderData: keepPreviousData,
  });

  const update = (next: ListState, replace = false) => {
    setParams(toSearchParams(next, defaults), { replace });
  };
  const change = (c: Parameters<typeof withChange>[1], replace = false) => update(withChange(state, c), replace);

  const data: Page<T> | undefined = query.data;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / state.pageSize)) : 1;
  const selection = hasSelection(state);
  const linkIndex = Math.max(
    0,
    columns.findIndex((c) => c.link),
  );

  // Nothing at all yet: only the empty state, which says what to do; no search, filters or export.
  const nothingYet = data !== undefined && data.total === 0 && !selection;
  const controls = filters.length + (props.searchLabel !== undefined ? 1 : 0);

  return (
    <Stack gap="md">
      {!nothingYet && (
        <Paper withBorder p="sm" radius="md">
          <Group gap="sm" align="flex-end" wrap="wrap" justify="space-between">
            <SimpleGrid
              cols={{ base: 1, xs: 2, md: Math.min(controls, 3), lg: Math.min(controls, 5) }}
              spacing="sm"
              // Full width on a phone, so "Filters wissen" wraps below instead of squeezing the filters.
              style={{ flex: '1 1 320px' }}
            >
              {props.searchLabel !== undefined && (
                <SearchBox
                  label={props.searchLabel}
                  placeholder={props.searchPlaceholder}
                  value={state.q}
                  onSearch={(q) => change({ q }, true)}
                />
              )}
              {filters.map((filter) => (
                <FilterControl
                  key={filter.key}
                  filter={filter}
                  value={state.filters[filter.key] ?? null}
                  onChange={(value) => change({ filters: { [filter.key]: value } })}
                />
              ))}
            </SimpleGrid>
            {selection && (
              <Button
                variant="subtle"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={() => update({ ...state, q: '', filters: {}, page: 1 })}
              >
                Filters wissen
              </Button>
            )}
          </Group>
        </Paper>
      )}

      {!nothingYet && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {data
              ? data.total === 0
                ? `Geen ${noun}`
                : `${aantalMet(data.total, noun)}${selection ? ' gevonden' : ''}`
              : `${capitalize(noun)} worden geladen…`}
          </Text>
          <ExportButtons path={resource.href ?? resource.path} noun={noun} state={state} vast={vast} />
        </Group>
      )}

      {query.isError ? (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title="De lijst kon niet worden geladen"
          role="alert"
        >
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{errorMessage(query.error)}</Text>
            <Group gap="sm">
              <Button size="xs" variant="outline" color="red" onClick={() => void query.refetch()}>
                Opnieuw proberen
              </Button>
              {query.error instanceof ApiError && query.error.status === 400 && (
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => update({ ...state, q: '', filters: {}, sort: '', page: 1 })}
                >
                  Zoekopdracht, filters en sortering wissen
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      ) : data && data.total === 0 && data.items.length === 0 ? (
        <Paper withBorder radius="md" py="xl">
          {selection ? (
            <EmptyState
              title={`Geen ${noun} gevonden`}
              description="Niets past bij deze zoekopdracht en filters. Pas ze aan of wis ze."
            >
              <EmptyState.Actions>
                <Button variant="outline" onClick={() => update({ ...state, q: '', filters: {}, page: 1 })}>
                  Filters wissen
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState title={props.emptyTitle} description={props.emptyDescription}>
              {props.emptyAction && <EmptyState.Actions>{props.emptyAction}</EmptyState.Actions>}
            </EmptyState>
          )}
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          {/* Narrower than a tablet's content beside the menu (820 px wide: about 530), wider than a phone's. */}
          <Table.ScrollContainer minWidth={props.tableMinWidth ?? 500} type="native">
            <Table
              striped
              highlightOnHover
              aria-busy={query.isFetching}
              aria-label={`Lijst van ${noun}`}
              style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
            >
              <Table.Thead>
                <Table.Tr>
                  {columns.map((col) => (
                    <Table.Th
                      key={col.key}
                      visibleFrom={col.visibleFrom}
                      ta={col.numeric ? 'right' : undefined}
                      aria-sort={col.sortable ? sortDirection(state.sort, col.key) : undefined}
                    >
                      {col.sortable ? (
                        <UnstyledButton
                          className="sort-button"
                          onClick={() => change({ sort: nextSort(state.sort, col.key) })}
                          title={`Sorteer op ${col.header.toLowerCase()}`}
                        >
                          {col.header}
                          <SortIcon direction={sortDirection(state.sort, col.key)} />
                        </UnstyledButton>
                      ) : (
                        col.header
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data
                  ? data.items.map((row) => (
                      <Table.Tr
                        key={row.id}
                        className={rowHref ? 'clickable-row' : undefined}
                        onClick={(event) => {
                          // Clicks on the link itself are handled by the link.
                          if (!rowHref || (event.target as HTMLElement).closest('a,button')) return;
                          void navigate(rowHref(row));
                        }}
                      >
                        {columns.map((col, index) => (
                          <Table.Td
                            key={col.key}
                            visibleFrom={col.visibleFrom}
                            ta={col.numeric ? 'right' : undefined}
                            className={
                              [col.numeric ? 'tabular' : '', col.nowrap ? 'nowrap' : ''].join(' ').trim() || undefined
                            }
                          >
                            {index === linkIndex && rowHref ? (
                              <>
                                <Anchor component={Link} to={rowHref(row)} fw={500}>
                                  {col.render(row)}
                                </Anchor>
                                {col.aside?.(row)}
                              </>
                            ) : (
                              col.render(row)
                            )}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))
                  : Array.from({ length: Math.min(state.pageSize, 8) }, (_, i) => (
                      <Table.Tr key={i} aria-hidden>
                        {columns.map((col) => (
                          <Table.Td key={col.key} visibleFrom={col.visibleFrom}>
                            <Skeleton height={14} radius="sm" width={col.numeric ? '40%' : '75%'} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                {data && data.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={columns.length}>
                      <Text size="sm" py="md" ta="center">
                        Deze pagina is leeg.{' '}
                        <Anchor component="button" type="button" onClick={() => change({ page: 1 })}>
                          Naar de eerste pagina
                        </Anchor>
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {data && data.total > 0 && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed">
            {formatNumber(Math.min((state.page - 1) * state.pageSize + 1, data.total))}–
            {formatNumber(Math.min(state.page * state.pageSize, data.total))} van {aantalMet(data.total, noun)}
          </Text>
          <Group gap="md">
            <Pagination
              total={lastPage}
              value={Math.min(state.page, lastPage)}
              onChange={(page) => change({ page })}
              size="sm"
              siblings={1}
              hideWithOnePage
              getControlProps={(control) => ({
                'aria-label': {
                  first: 'Eerste pagina',
                  previous: 'Vorige pagina',
                  next: 'Volgende pagina',
                  last: 'Laatste pagina',
                }[control],
              })}
              getItemProps={(page) => ({
                'aria-label': `Pagina ${page}`,
                'aria-current': page === state.page ? 'page' : undefined,
              })}
            />
            <Select
              aria-label="Aantal per pagina"
              data={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} per pagina` }))}
              value={String(state.pageSize)}
              onChange={(value) => value && change({ pageSize: Number(value) })}
              allowDeselect={false}
              w={150}
              size="sm"
            />
          </Group>
        </Group>
      )}
    </Stack>
  );
}

/** The control of one filter: a select, a date, or the page's own. */
function FilterControl<K extends string>({
  filter,
  value,
  onChange,
}: {
  filter: Filter<K>;
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  if ('control' in filter) {
    const Control = filter.control;
    return <Control label={filter.label} value={value} onChange={onChange} />;
  }
  if ('type' in filter) {
    return <DateField label={filter.label} value={value ?? ''} onChange={(v) => onChange(v || null)} />;
  }
  return (
    <Select
      label={filter.label}
      placeholder={filter.placeholder ?? 'Alle'}
      data={filter.options ?? []}
      value={value}
      onChange={onChange}
      clearable
      searchable={(filter.options?.length ?? 0) > 8}
      nothingFoundMessage="Niets gevonden"
      disabled={filter.options === undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function SortIcon({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  const props = { size: 14, 'aria-hidden': true } as const;
  if (direction === 'ascending') return <IconArrowUp {...props} />;
  if (direction === 'descending') return <IconArrowDown {...props} />;
  return <IconArrowsSort {...props} opacity={0.5} />;
}

/** Search as you type (debounced), kept in step with the URL (back button, "Filters wissen"). */
function SearchBox({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onSearch: (q: string) => void;
}) {
  const [text, setText] = useDraft(value);
  const debounced = useDebouncedCallback((q: string) => onSearch(q), 350);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onSearch(text);
        }
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
    />
  );
}

function ExportButtons({
  path,
  noun,
  state,
  vast,
}: {
  path: string;
  noun: string;
  state: ListState;
  vast?: Record<string, string>;
}) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const { blob, disposition } = await exportList(path, { ...toExportQuery(state), ...vast }, format);
      saveBlob(blob, exportFilename(path.slice(1), format, new Date(), disposition));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Exporteren lukte niet', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Box>
      <Group gap="xs" title={MAX_EXPORT_WAIT_NOTE}>
        <Text size="sm" c="dimmed" visibleFrom="sm">
          Exporteren:
        </Text>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={busy === 'xlsx'}
          disabled={busy !== null}
          onClick={() => void run('xlsx')}
          aria-label={`Exporteer ${noun} als Excel-bestand`}
        >
          Excel
        </Button>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} aria-hidden />}
          loading={busy === 'csv'}
          disabled={busy !== null}
          onClick={() => void run('csv')}
          aria-label={`Exporteer ${noun} als CSV`}
        >
          CSV
        </Button>
      </Group>
    </Box>
  );
}
