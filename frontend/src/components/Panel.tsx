import { Paper, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A boxed part of a record's page under its own heading, which names the section for screen readers. */
export function Panel({
  id,
  title,
  titleGap = 'xs',
  children,
}: {
  /** The heading's id. */
  id: string;
  title: ReactNode;
  /** The space below the heading. */
  titleGap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb={titleGap} id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
