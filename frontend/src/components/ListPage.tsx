import type { ReactNode } from 'react';
import type { ListPath } from '../api/resources';
import { useCanWrite } from '../auth/authContext';
import { AREA_LABELS, AREA_PATHS, areaNoun, type Area } from '../auth/roles';
import { DataList, type DataListProps } from './DataList';
import { NewButton } from './LinkButton';
import { PageHeader } from './PageHeader';

type RecordListProps<P extends ListPath, T extends { id: string }> = Omit<
  DataListProps<P, T>,
  'noun' | 'searchLabel' | 'defaults' | 'rowHref' | 'emptyAction'
> & {
  /** Names the list, and says who may add to it and where its records' pages are. */
  area: Area;
  sort: string;
  /** The button to add a record, for those who may. */
  newLabel: string;
  /** Where that button leads, when not to `<list>/nieuw`. */
  newHref?: string;
  /** What an empty list says to those who may not add records, when it differs. */
  emptyReadOnly?: ReactNode;
};

/** The list of an area's records, each row a link to its page, with a way to add one when the list is empty. */
export function RecordList<P extends ListPath, T extends { id: string }>({
  area,
  sort,
  newLabel,
  newHref,
  emptyDescription,
  emptyReadOnly = emptyDescription,
  ...list
}: RecordListProps<P, T>) {
  const writable = useCanWrite(area);
  const path = AREA_PATHS[area];
  return (
    <DataList
      {...list}
      noun={areaNoun(area)}
      defaults={{ sort }}
      searchLabel="Zoeken"
      rowHref={(row) => `${path}/${row.id}`}
      emptyDescription={writable ? emptyDescription : emptyReadOnly}
      emptyAction={writable ? <NewButton to={newHref ?? `${path}/nieuw`}>{newLabel}</NewButton> : undefined}
    />
  );
}

/** A page with the list of an area's records: its title, what the list holds, and a button to add one. */
export function ListPage<P extends ListPath, T extends { id: string }>({
  description,
  ...list
}: RecordListProps<P, T> & { description: ReactNode }) {
  const writable = useCanWrite(list.area);
  return (
    <>
      <PageHeader
        title={AREA_LABELS[list.area]}
        description={description}
        actions={
          writable ? (
            <NewButton to={list.newHref ?? `${AREA_PATHS[list.area]}/nieuw`}>{list.newLabel}</NewButton>
          ) : undefined
        }
      />
      <RecordList {...list} />
    </>
  );
}
