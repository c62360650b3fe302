import { Badge, type BadgeProps } from '@mantine/core';

/** Marks a pupil whose data were anonymised after the retention period. */
export function GeanonimiseerdBadge(props: BadgeProps) {
  return (
    <Badge variant="outline" color="gray.8" radius="sm" {...props}>
      Geanonimiseerd
    </Badge>
  );
}
