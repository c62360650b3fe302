import { Paper, Stack, type MantineSize, type MantineSpacing } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Versioned } from '../api/types';
import { AREA_PATHS, areaNoun, type Area } from '../auth/roles';
import {
  BackLink,
  ConflictAlert,
  DeleteButton,
  FormActions,
  GeneralErrors,
  ReadOnlyNote,
  RecordMeta,
} from './FormParts';
import { PageHeader } from './PageHeader';
import { RecordLoader } from './RecordLoader';
import type { RecordFormState, RecordSource } from './recordForm';

interface Saved {
  id: string;
  createdAt: string;
  updatedAt: string;
  versie: number;
}

export interface RecordFormProps<T> {
  /** The record as read, or null for a new one. */
  loaded: Versioned<T> | null;
}

/**
 * The route of a record's form: `:id` is read (`nieuw`, or no id, is a new record), and the form
 * gets a key per record, so opening another record starts from its own values and ETag.
 */
export function RecordRoute<T>({
  resource,
  area,
  form: Form,
}: {
  resource: RecordSource<T>;
  /** Where "not found" sends the user back to. */
  area: Area;
  form: ComponentType<RecordFormProps<T>>;
}) {
  const { id } = useParams();
  const recordId = id === 'nieuw' ? undefined : id;
  return (
    <RecordLoader resource={resource} id={recordId} listPath={AREA_PATHS[area]} listLabel={areaNoun(area)}>
      {(loaded) => <Form key={recordId ?? 'nieuw'} loaded={loaded} />}
    </RecordLoader>
  );
}

/** The route of a record's own page: `:id` is read, and the record shown by `view`. */
export function RecordViewRoute<T>({
  resource,
  area,
  view: View,
}: {
  resource: RecordSource<T>;
  area: Area;
  view: ComponentType<{ record: T }>;
}) {
  const { id } = useParams();
  return (
    <RecordLoader resource={resource} id={id} listPath={AREA_PATHS[area]} listLabel={areaNoun(area)}>
      {(loaded) => (loaded ? <View record={loaded.data} /> : null)}
    </RecordLoader>
  );
}

/**
 * The page around the fields of a record form: the way back, the title with the record's
 * versions, what to do after a conflict, the note for those who may only read, the errors the
 * API gave, and saving and deleting.
 */
export function RecordFormPage<T extends Saved>({
  form: f,
  back,
  title,
  pageTitle,
  actions,
  readOnlyWho,
  heading,
  submitLabel,
  deleteWhat,
  deleteConsequence,
  afterDelete = AREA_PATHS[f.area],
  deletable = true,
  maw = 820,
  gap = 'md',
  sections,
  buttonSize,
  children,
}: {
  form: RecordFormState<T>;
  /** The size of the buttons (`lg` for a form made for a tablet). */
  buttonSize?: MantineSize;
  /** Where the back link and "Annuleren" lead, when not to the area's list (e.g. to the record's own page). */
  back?: { to: string; label: ReactNode } | false | null;
  title: ReactNode;
  /** The tab title, when `title` is not plain text. */
  pageTitle?: string;
  actions?: ReactNode;
  /** Who may change the record, for those who may only read it. */
  readOnlyWho?: string;
  /** A heading above the fields, when the page has more than the form. */
  heading?: ReactNode;
  submitLabel?: string;
  /** e.g. "de school Bavoschool", in the question before deleting. */
  deleteWhat: (record: T) => string;
  /** What else goes with the record, said in the question before deleting. */
  deleteConsequence?: ReactNode;
  /** Where to go after deleting (default: the list). */
  afterDelete?: string;
  deletable?: boolean;
  maw?: number;
  gap?: MantineSpacing;
  /** Parts of the page besides the form, above or below it. */
  sections?: { gap: MantineSpacing; before?: ReactNode; after?: ReactNode };
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const record = f.loaded?.data;
  const backTo = back ? back.to : AREA_PATHS[f.area];
  const form = (
    <form onSubmit={f.submit} noValidate>
      <Stack gap={gap}>
        <ConflictAlert
          conflict={f.conflict}
          changedFields={f.changedFields}
          onReload={() => void f.reloadLatest()}
          reloading={f.reloading}
        />
        {f.readOnly && readOnlyWho && <ReadOnlyNote who={readOnlyWho} />}
        {heading}
        <GeneralErrors messages={f.general} />
        {children}
        <FormActions
          cancelTo={backTo}
          saving={f.saving}
          readOnly={f.readOnly}
          submitLabel={submitLabel}
          size={buttonSize}
          extra={
            record && !f.readOnly && deletable ? (
              <DeleteButton
                size={buttonSize}
                path={f.resource.path}
                what={deleteWhat(record)}
                consequence={deleteConsequence}
                remove={() => f.resource.remove(record.id, f.etag)}
                onDeleted={() => void navigate(afterDelete)}
              />
            ) : undefined
          }
        />
      </Stack>
    </form>
  );

  return (
    <>
      <BackLink to={backTo}>{back ? back.label : `Alle ${areaNoun(f.area)}`}</BackLink>
      <PageHeader
        title={title}
        pageTitle={pageTitle}
        description={record ? <RecordMeta record={record} /> : undefined}
        actions={actions}
      />
      {sections ? (
        <Stack gap={sections.gap} maw={maw}>
          {sections.before}
          <Paper withBorder p="lg" radius="md">
            {form}
          </Paper>
          {sections.after}
        </Stack>
      ) : (
        <Paper withBorder p="lg" radius="md" maw={maw}>
          {form}
        </Paper>
      )}
    </>
  );
}
