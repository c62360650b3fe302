import { Badge, Group, Text, type MantineSpacing } from '@mantine/core';
import type { Tlv, TlvStatus } from '../../api/types';
import { formatDate } from '../../lib/format';
import { TLV_STATUS_COLORS, TLV_STATUS_LABELS } from '../../lib/labels';
import { klokBadge, vervalBadge } from '../../lib/tlv';

export function TlvStatusBadge({ status }: { status: TlvStatus }) {
  return (
    <Badge variant="light" color={TLV_STATUS_COLORS[status]} radius="sm" tt="none" className="badge-heel">
      {TLV_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The clock in a badge: days left, late, suspended, or decided in time (colour with words, never alone). */
export function KlokBadge({ tlv, size }: { tlv: Tlv; size?: 'sm' | 'md' | 'lg' }) {
  const klok = klokBadge(tlv);
  return (
    <Badge
      variant={klok.kleur === 'gray' ? 'outline' : 'light'}
      color={klok.kleur}
      radius="sm"
      tt="none"
      size={size}
      className="badge-heel"
      data-testid="tlv-klok"
    >
      {klok.tekst}
    </Badge>
  );
}

/** The deadline with the clock beside it (a list's column and the pupil's page). */
export function Beslisdatum({ tlv }: { tlv: Tlv }) {
  return (
    <Group gap={6} wrap="wrap">
      {tlv.uiterlijkeBeslisdatum && (
        <Text span size="sm" className="tabular nowrap">
          {formatDate(tlv.uiterlijkeBeslisdatum)}
        </Text>
      )}
      <KlokBadge tlv={tlv} />
    </Group>
  );
}

/** The days left until a worklist item's due date, in the colours of the clock (words with the colour). */
export function VervalBadge({ datum, vandaag, ml }: { datum: string; vandaag: string; ml?: MantineSpacing }) {
  const verval = vervalBadge(datum, vandaag);
  return (
    <Badge
      variant="light"
      color={verval.kleur}
      radius="sm"
      tt="none"
      ml={ml}
      className="badge-heel"
      data-testid="verval"
    >
      {verval.tekst}
    </Badge>
  );
}
