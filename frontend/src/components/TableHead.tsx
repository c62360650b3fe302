import { Table, type MantineBreakpoint } from '@mantine/core';

export interface HeadCell {
  label: string;
  /** When two columns would have the same label. */
  key?: string;
  w?: number;
  ta?: 'right' | 'center';
  visibleFrom?: MantineBreakpoint;
}

/** The header row of a plain table: every cell a column header (`scope="col"`) for screen readers. */
export function TableHead({ cells }: { cells: (string | HeadCell)[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {cells.map((c) => {
          const { label, key = label, ...props } = typeof c === 'string' ? { label: c } : c;
          return (
            <Table.Th key={key} scope="col" {...props}>
              {label}
            </Table.Th>
          );
        })}
      </Table.Tr>
    </Table.Thead>
  );
}
