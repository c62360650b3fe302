import { Badge, Stack, Text } from '@mantine/core';
import { mails } from '../../api/resources';
import type { Mail } from '../../api/types';
import { DataList, type Column } from '../../components/DataList';
import { PageHeader } from '../../components/PageHeader';
import { options } from '../../lib/labels';
import { MAIL_SOORT_LABELS, MAIL_STATUS_COLORS, MAIL_STATUS_LABELS, mailVerloop, toontFout } from '../../lib/mails';
import { formatMoment } from '../../lib/meetingTime';

/** A moment that stays whole: on a narrow screen the time goes below the date. */
function Moment({ value }: { value: string }) {
  const [datum, tijd] = formatMoment(value).split(', ');
  return (
    <span className="tabular">
      <span className="nowrap">{datum},</span> <span className="nowrap">{tijd}</span>
    </span>
  );
}

const columns: Column<Mail>[] = [
  {
    key: 'aangemaakt',
    header: 'Aangemaakt',
    sortable: true,
    render: (m) => <Moment value={m.aangemaakt} />,
    visibleFrom: 'sm',
  },
  {
    key: 'onderwerp',
    header: 'Aan en onderwerp',
    render: (m) => (
      <Stack gap={2} miw={0}>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {m.aan}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {m.onderwerp}
        </Text>
        {/* On a phone the kind and the moment fold in here, so the status keeps its room. */}
        <Text size="xs" c="dimmed" hiddenFrom="md">
          {MAIL_SOORT_LABELS[m.soort]}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          Aangemaakt <Moment value={m.aangemaakt} />
        </Text>
      </Stack>
    ),
  },
  { key: 'soort', header: 'Soort', render: (m) => MAIL_SOORT_LABELS[m.soort], visibleFrom: 'md' },
  {
    key: 'status',
    header: 'Status',
    render: (m) => (
      <Stack gap={4} align="flex-start">
        <Badge variant="light" color={MAIL_STATUS_COLORS[m.status]} className="badge-heel">
          {MAIL_STATUS_LABELS[m.status]}
        </Badge>
        <Text size="xs" c="dimmed">
          {mailVerloop(m)}
        </Text>
        {toontFout(m) && (
          <Text size="xs" c="red.9" style={{ overflowWrap: 'anywhere' }}>
            <Text span size="xs" fw={700}>
              Melding van de mailserver:
            </Text>{' '}
            {m.laatsteFout}
          </Text>
        )}
      </Stack>
    ),
  },
];

export default function MailsPage() {
  return (
    <>
      <PageHeader
        title="Mails"
        description="Wat Koers namens uw samenwerkingsverband mailt, nieuwste eerst: bevestigingen, berichten aan deelnemers, uitnodigingen en wachtwoordherstel. Een mislukte mail probeert Koers vanzelf opnieuw; de inhoud van een verzonden mail wordt niet bewaard."
      />
      <DataList
        resource={mails}
        noun="mails"
        columns={columns}
        defaults={{ sort: '-aangemaakt' }}
        tableMinWidth={0}
        searchLabel="Zoeken"
        searchPlaceholder="Ontvanger of onderwerp"
        filters={[
          { key: 'status', label: 'Status', options: options(MAIL_STATUS_LABELS) },
          { key: 'soort', label: 'Soort', options: options(MAIL_SOORT_LABELS) },
        ]}
        emptyTitle="Nog geen mails"
        emptyDescription="Hier verschijnt elke mail die Koers verstuurt: de bevestiging met afmeldlink na een aanmelding voor een bijeenkomst, berichten aan deelnemers, uitnodigingen voor nieuwe gebruikers en links voor een nieuw wachtwoord. U ziet per mail of hij is verzonden, nog wacht of is mislukt."
      />
    </>
  );
}
