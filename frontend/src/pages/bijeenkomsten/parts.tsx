import { Badge } from '@mantine/core';
import type { BijeenkomstStatus } from '../../api/types';
import { BIJEENKOMST_STATUS_COLORS, BIJEENKOMST_STATUS_LABELS } from '../../lib/labels';

export function StatusBadge({ status }: { status: BijeenkomstStatus }) {
  return (
    <Badge variant="light" color={BIJEENKOMST_STATUS_COLORS[status]} className="badge-heel">
      {BIJEENKOMST_STATUS_LABELS[status]}
    </Badge>
  );
}
