import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A labelled value in the facts of a record. */
export function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Stack>
  );
}

/** A fact naming another record, as a link to its page (under `path`); a dash when there is none. */
export function RecordFact({
  label,
  record,
  path,
}: {
  label: string;
  record: { id: string; naam: string } | undefined;
  path: string;
}) {
  return (
    <Fact
      label={label}
      value={
        record ? (
          <Anchor component={Link} to={`${path}/${record.id}`} size="sm">
            {record.naam}
          </Anchor>
        ) : (
          '—'
        )
      }
    />
  );
}
