import { Badge, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BijeenkomstStatus } from '../../api/types';
import { BIJEENKOMST_STATUS_COLORS, BIJEENKOMST_STATUS_LABELS } from '../../lib/labels';

export function StatusBadge({ status }: { status: BijeenkomstStatus }) {
  return (
    <Badge variant="light" color={BIJEENKOMST_STATUS_COLORS[status]} className="badge-heel">
      {BIJEENKOMST_STATUS_LABELS[status]}
    </Badge>
  );
}

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
