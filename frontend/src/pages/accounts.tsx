import { Badge } from '@mantine/core';
import type { Column, Filter } from '../components/DataList';
import type { Lookup } from './lookups';

/** What the lists of users and of clients share: whether each may sign in, and its SWV. */
interface Account {
  samenwerkingsverbandId?: string | null;
  actief: boolean;
}

/** The status column, with the word and colour for an account that may not sign in. */
export function statusColumn<T extends Account>(inactief: { label: string; color: string }): Column<T> {
  return {
    key: 'actief',
    header: 'Status',
    sortable: true,
    render: (account) =>
      account.actief ? (
        <Badge variant="outline" color="green">
          Actief
        </Badge>
      ) : (
        <Badge variant="outline" color={inactief.color}>
          {inactief.label}
        </Badge>
      ),
  };
}

export function statusFilter(inactief: string): Filter<'actief'> {
  return {
    key: 'actief',
    label: 'Status',
    options: [
      { value: 'true', label: 'Actief' },
      { value: 'false', label: inactief },
    ],
  };
}

/** The SWV of each account, for the platform's beheerder (who sees them all); `none` where it has none. */
export function swvColumns<T extends Account>(
  swvs: Lookup | null,
  none: string,
  visibleFrom: Column<T>['visibleFrom'],
): Column<T>[] {
  if (!swvs) return [];
  return [
    {
      key: 'samenwerkingsverbandId',
      header: 'Samenwerkingsverband',
      render: (account) => swvs.name(account.samenwerkingsverbandId) || none,
      visibleFrom,
    },
  ];
}

export function swvFilters(swvs: Lookup | null): Filter<'samenwerkingsverbandId'>[] {
  return swvs ? [{ key: 'samenwerkingsverbandId', label: 'Samenwerkingsverband', options: swvs.options }] : [];
}
