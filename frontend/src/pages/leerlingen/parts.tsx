import { Anchor, Badge, type BadgeProps } from '@mantine/core';
import { Link } from 'react-router';
import { useBekendeReferentie } from '../arrangementen/parts';

/** Marks a pupil whose data were anonymised after the retention period. */
export function GeanonimiseerdBadge(props: BadgeProps) {
  return (
    <Badge variant="outline" color="gray.8" radius="sm" {...props}>
      Geanonimiseerd
    </Badge>
  );
}

/** The pupil of a record in a list: its reference when known here, else a link to the dossier. */
export function LeerlingCel({ id }: { id: string }) {
  const referentie = useBekendeReferentie(id);
  return (
    <Anchor component={Link} to={`/leerlingen/${id}`} size="sm">
      {referentie ?? 'Leerling'}
    </Anchor>
  );
}
