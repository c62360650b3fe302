import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table wider than the screen scrolls sideways inside this region, which the keyboard can
 * reach (Tab, then the arrow keys) and which says what it holds.
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
