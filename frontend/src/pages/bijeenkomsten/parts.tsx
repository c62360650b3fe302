import { Badge } from '@mantine/core';
import type { Bijeenkomst } from '../../api/types';
import { TOON_STATUS_COLORS, TOON_STATUS_LABELS, toonStatus } from '../../lib/tijd';

/** The status of a meeting as it stands now: a planned meeting that is over asks for its attendance. */
export function StatusBadge({
  bijeenkomst,
}: {
  bijeenkomst: Pick<Bijeenkomst, 'status' | 'start' | 'eind' | 'aantalAanwezig'>;
}) {
  const status = toonStatus(bijeenkomst, new Date());
  return (
    <Badge
      variant="light"
      color={TOON_STATUS_COLORS[status]}
      className={status === 'afgelopen' ? 'badge-lang' : 'badge-heel'}
      maw={status === 'afgelopen' ? 190 : undefined}
    >
      {TOON_STATUS_LABELS[status]}
    </Badge>
  );
}
