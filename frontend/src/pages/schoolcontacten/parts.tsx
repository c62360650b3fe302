import { Badge, Button, Group, Text, type ButtonProps } from '@mantine/core';
import { IconMessageCirclePlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ContactSignaal, Signalen } from '../../api/types';
import { SIGNAAL_BG } from '../../components/SignalCounts';
import { CONTACT_SIGNAAL_LABELS } from '../../lib/labels';
import { vervolgStand } from '../../lib/schoolcontacten';
import { formatDate } from '../../lib/format';

/** The quick contact form for a school (when given), coming back to `terug` after saving. */
export function contactPad(schoolId: string | null, terug: string): string {
  const q = new URLSearchParams();
  if (schoolId) q.set('schoolId', schoolId);
  q.set('terug', terug);
  return `/schoolcontacten/nieuw?${q.toString()}`;
}

/** The way to the quick contact form. */
export function ContactKnop({
  schoolId = null,
  terug,
  label = 'Contact vastleggen',
  ariaLabel,
  ...props
}: ButtonProps & { schoolId?: string | null; terug: string; label?: string; ariaLabel?: string }) {
  return (
    <Button
      component={Link}
      to={contactPad(schoolId, terug)}
      leftSection={<IconMessageCirclePlus size={18} aria-hidden />}
      aria-label={ariaLabel}
      {...props}
    >
      {label}
    </Button>
  );
}

/** A contact's signal as a coloured chip with its label (never colour alone). */
export function ContactSignaalBadge({ signaal }: { signaal: ContactSignaal }) {
  return (
    <span className="signaal" style={{ background: SIGNAAL_BG[signaal] }}>
      {CONTACT_SIGNAAL_LABELS[signaal]}
    </span>
  );
}

/** The signals of concern in a year (aandacht, risico) as counted chips; a dash when there are none. */
export function ZorgSignalen({ signalen }: { signalen: Signalen }) {
  const zorg = (['risico', 'aandacht'] as const).filter((s) => signalen[s] > 0);
  if (zorg.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="wrap">
      {zorg.map((s) => (
        <span key={s} className="signaal" style={{ background: SIGNAAL_BG[s] }}>
          <strong className="tabular">{signalen[s]}</strong> {CONTACT_SIGNAAL_LABELS[s].toLowerCase()}
        </span>
      ))}
    </Group>
  );
}

const STAND_KLEUR = { gedaan: 'green', gepland: 'koers', vandaag: 'orange', te_laat: 'red' } as const;

/** Where a contact's follow-up stands, in a badge with words: done, planned, today or late. */
export function VervolgBadge({
  contact,
  vandaag,
}: {
  contact: { vervolgOp?: string | null; vervolgGedaan: boolean };
  vandaag: string;
}) {
  const stand = vervolgStand(contact, vandaag);
  if (stand === 'geen') return null;
  const datum = formatDate(contact.vervolgOp);
  const tekst = {
    gedaan: `Vervolg ${datum} gedaan`,
    gepland: `Vervolg op ${datum}`,
    vandaag: 'Vervolg vandaag',
    te_laat: `Vervolg ${datum} open`,
  }[stand];
  return (
    <Badge
      variant={stand === 'gedaan' ? 'outline' : 'light'}
      color={STAND_KLEUR[stand]}
      radius="sm"
      tt="none"
      className="badge-heel"
    >
      {tekst}
    </Badge>
  );
}

/** A school under the SWV's minimum of contacts so far, in words (the row is tinted as well). */
export function OnderMinimum() {
  return <span className="onder-minimum">Onder minimum</span>;
}
