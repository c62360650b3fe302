import { useForm, type FormValidateInput } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createElement, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../api/problem';
import type { ListPath } from '../api/resources';
import type { Versioned } from '../api/types';
import { useCanWrite } from '../auth/authContext';
import { AREA_PATHS, type Area } from '../auth/roles';
import { mapInvalidParams } from '../lib/formErrors';

/** What a form page needs of a resource. */
export interface RecordApi<T, I> {
  path: ListPath;
  get(id: string): Promise<Versioned<T>>;
  create(input: I): Promise<T>;
  update(id: string, input: I, etag: string | null): Promise<Versioned<T>>;
  remove(id: string, etag: string | null): Promise<void>;
}

/** What a record's page reads by id: the record itself, or another view of it (`part`, e.g. a dossier). */
export type RecordSource<T> = Pick<RecordApi<T, unknown>, 'path' | 'get'> & { part?: string };

/** Reads one record for a form. It is not refetched behind the user's back: the ETag must stay
 * the one the user started from, so a save cannot silently overwrite someone else's change. */
export function useRecord<T>(resource: RecordSource<T>, id: string | undefined) {
  return useQuery({
    queryKey: [resource.path, resource.part ?? 'detail', id],
    queryFn: () => resource.get(id ?? ''),
    enabled: id !== undefined,
    staleTime: Infinity,
    gcTime: 0,
  });
}

export type Conflict = 'none' | 'stale' | 'reloaded';

/**
 * After a change: lists, counts and choices of a resource are read again. The record open in a
 * form is left alone (it keeps the ETag the user started from, and after a delete it is gone).
 */
export function invalidateLists(queryClient: QueryClient, path: ListPath): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: [path], predicate: (query) => query.queryKey[1] !== 'detail' });
}

export interface RecordFormOptions<T extends { id: string }, V extends Record<string, unknown>, I> {
  resource: RecordApi<T, I>;
  /** The record as read, or null for a new one. */
  loaded: Versioned<T> | null;
  empty: V;
  toValues: (record: T) => V;
  toInput: (values: V) => I;
  validate: FormValidateInput<V>;
  /** The area of the record: who may not change its records only reads the form. */
  area: Area;
  /** When the caller may only read the form for another reason than the area's rights. */
  readOnly?: boolean;
  /** Field labels, for messages about fields and for the hints after a conflict. */
  labels: Partial<Record<keyof V & string, string>>;
  /** The form field that shows an API field, where the names differ (`start` → `begintijd`). */
  aliases?: Record<string, string>;
  /** How to show a value of a field in a hint (e.g. the name of a selected id). */
  display?: Partial<Record<keyof V & string, (value: unknown) => string>>;
  /** Where to go after saving: by default back to the area's list; `undefined` stays on the form. */
  savedTo?: string | ((record: T, created: boolean) => string | undefined);
  /** What else to do after saving. */
  onSaved?: (record: T, created: boolean) => void;
  /** The notification after saving, e.g. "School opgeslagen"; or said from the record and what was sent. */
  savedMessage: string | ((record: T, created: boolean, values: V) => string);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(leeg)';
  if (Array.isArray(value)) return value.length === 0 ? '(geen)' : value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * One way to edit a record: a Mantine form with client-side validation, the API's
 * `invalidParams` shown at the matching fields, PUT with If-Match, and a 412 answered with
 * "reload" that keeps what the user typed and marks the fields someone else changed.
 */
export function useRecordForm<T extends { id: string }, V extends Record<string, unknown>, I>(
  options: RecordFormOptions<T, V, I>,
) {
  const { resource, area, loaded, toValues, toInput, labels, savedTo } = options;
  const writable = useCanWrite(area);
  const readOnly = options.readOnly ?? !writable;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const initial = loaded ? toValues(loaded.data) : options.empty;
  const [etag, setEtag] = useState<string | null>(loaded?.etag ?? null);
  const [base, setBase] = useState<V>(initial);
  const [conflict, setConflict] = useState<Conflict>('none');
  const [changedByOthers, setChangedByOthers] = useState<Partial<Record<string, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [reloading, setReloading] = useState(false);

  const form = useForm<V>({
    mode: 'controlled',
    initialValues: initial,
    validate: options.validate,
    validateInputOnBlur: true,
  });

  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first) form.getInputNode(first)?.focus();
  };

  const mutation = useMutation({
    mutationFn: async (values: V): Promise<{ record: T; created: boolean }> => {
      const input = toInput(values);
      if (loaded) {
        const saved = await resource.update(loaded.data.id, input, etag);
        setEtag(saved.etag);
        return { record: saved.data, created: false };
      }
      return { record: await resource.create(input), created: true };
    },
    onSuccess: async ({ record, created }, values) => {
      const { savedMessage } = options;
      notifications.show({
        color: 'green',
        message: typeof savedMessage === 'function' ? savedMessage(record, created, values) : savedMessage,
      });
      await invalidateLists(queryClient, resource.path);
      options.onSaved?.(record, created);
      const to = typeof savedTo === 'function' ? savedTo(record, created) : (savedTo ?? AREA_PATHS[area]);
      if (to !== undefined) void navigate(to);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        setConflict('stale');
        return;
      }
      if (error instanceof ApiError && error.invalidParams.length > 0) {
        const mapped = mapInvalidParams(
          error.invalidParams,
          Object.keys(options.empty),
          labels as Record<string, string>,
          options.aliases,
        );
        form.setErrors(mapped.fields);
        setGeneral(
          mapped.other.length > 0 ? mapped.other : Object.keys(mapped.fields).length > 0 ? [] : [errorMessage(error)],
        );
        focusFirstError(mapped.fields);
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        setGeneral(['Dit record bestaat niet meer: iemand anders heeft het verwijderd.']);
        return;
      }
      setGeneral([errorMessage(error)]);
    },
  });

  const submit = form.onSubmit(
    (values) => {
      if (readOnly) return;
      setGeneral([]);
      mutation.mutate(values);
    },
    (errors) => focusFirstError(errors),
  );

  /** After a 412: read the newest version, keep the user's input, mark what others changed. */
  const reloadLatest = async () => {
    if (!loaded) return;
    setReloading(true);
    try {
      const latest = await resource.get(loaded.data.id);
      const latestValues = toValues(latest.data);
      const changed: Partial<Record<string, string>> = {};
      for (const key of Object.keys(latestValues)) {
        if (!same(base[key], latestValues[key])) {
          const show = options.display?.[key as keyof V & string] ?? showValue;
          changed[key] = show(latestValues[key]);
        }
      }
      setEtag(latest.etag);
      setBase(latestValues);
      setChangedByOthers(changed);
      setConflict('reloaded');
      queryClient.setQueryData([resource.path, 'detail', loaded.data.id], latest);
    } catch (error) {
      setGeneral([
        error instanceof ApiError && error.status === 404
          ? 'Iemand anders heeft dit record intussen verwijderd.'
          : errorMessage(error),
      ]);
    } finally {
      setReloading(false);
    }
  };

  /** Takes over a newer version saved by this user elsewhere on the page (e.g. a revoke). */
  const adopt = (latest: Versioned<T>, fields: (keyof V & string)[]) => {
    const latestValues = toValues(latest.data);
    setEtag(latest.etag);
    setBase((prev) => {
      const next = { ...prev };
      for (const key of fields) next[key] = latestValues[key];
      return next;
    });
    for (const key of fields) form.setFieldValue(key, latestValues[key] as never);
    queryClient.setQueryData([resource.path, 'detail', latest.data.id], latest);
  };

  /**
   * Props for an input: value, error, read-only, and a line below it: the hint after a conflict,
   * or else the help text (left out while the field shows an error, and when only reading).
   */
  const field = (name: keyof V & string, description?: string, type?: 'checkbox') => {
    const other = changedByOthers[name];
    const help: ReactNode =
      other !== undefined
        ? createElement('span', { className: 'changed-by-other' }, `Iemand anders wijzigde dit intussen in: ${other}`)
        : readOnly || form.errors[name]
          ? undefined
          : description;
    return {
      ...form.getInputProps(name, type ? { type } : undefined),
      readOnly,
      description: help,
      ...(readOnly ? { withAsterisk: false } : {}),
    };
  };

  return {
    form,
    field,
    submit,
    saving: mutation.isPending,
    etag,
    conflict,
    changedFields: Object.keys(changedByOthers).map((key) => (labels as Record<string, string>)[key] ?? key),
    reloadLatest,
    reloading,
    adopt,
    general,
    readOnly,
    loaded,
    resource,
    area,
  };
}

/** What the page around a record form needs of it (see RecordFormPage). */
export interface RecordFormState<T> {
  loaded: Versioned<T> | null;
  resource: Pick<RecordApi<T, never>, 'path' | 'remove'>;
  submit: (event?: SyntheticEvent<HTMLFormElement>) => void;
  saving: boolean;
  etag: string | null;
  conflict: Conflict;
  /** The labels of the fields someone else changed, after a conflict. */
  changedFields: string[];
  reloadLatest: () => Promise<void>;
  reloading: boolean;
  general: string[];
  readOnly: boolean;
  area: Area;
}

/** A form whose fields are all text: its values taken from the record as they are, and trimmed for saving. */
export function textFields<K extends string>(labels: Record<K, string>) {
  type Values = Record<K, string>;
  const keys = Object.keys(labels) as K[];
  const each = (value: (key: K) => string) => Object.fromEntries(keys.map((key) => [key, value(key)])) as Values;
  return {
    labels,
    empty: each(() => ''),
    toValues: (record: Values) => each((key) => record[key]),
    toInput: (values: Values) => each((key) => values[key].trim()),
  };
}
