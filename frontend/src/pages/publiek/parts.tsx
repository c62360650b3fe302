import {
  Alert,
  Box,
  Button,
  Container,
  Group,
  List,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
  darken,
} from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconMapPin, IconUsers, IconVideo } from '@tabler/icons-react';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { Logo } from '../../components/Logo';
import { usePageTitle } from '../../components/usePageTitle';
import { VORM_LABELS } from '../../lib/labels';
import { accent } from '../../lib/huisstijl';
import { formatMeetingTime } from '../../lib/meetingTime';
import type { PubliekeBijeenkomst } from '../../api/types';
import type { PublicError } from './publiekErrors';

/** What the pages for participants show of the SWV that invites: its name, logo and colour. */
export interface Huisstijl {
  samenwerkingsverband?: string | null;
  kleur?: string | null;
  logo?: string | null;
}

/**
 * The frame of the pages for participants: no menu and no account, just Koers and the SWV that
 * invites (its name and logo, and its colour as the accent), so a teacher opening a link from an
 * e-mail on a phone sees at once who is asking.
 */
export function PublicFrame({ swv, children }: { swv?: Huisstijl | null; children: ReactNode }) {
  const { lijn, knoppen } = accent(swv?.kleur);
  // The SWV's colour for the buttons of the page (only when white text stays readable on it).
  const vars = knoppen
    ? ({
        '--mantine-color-koers-filled': knoppen,
        '--mantine-color-koers-filled-hover': darken(knoppen, 0.15),
        '--mantine-primary-color-filled': knoppen,
        '--mantine-primary-color-filled-hover': darken(knoppen, 0.15),
      } as CSSProperties)
    : undefined;
  return (
    <Box mih="100vh" bg="gray.0" style={vars} data-accent={knoppen ?? undefined}>
      <Box
        component="header"
        bg="white"
        style={{ borderBottom: lijn ? `4px solid ${lijn}` : '1px solid var(--mantine-color-gray-3)' }}
        data-testid="publiek-kop"
      >
        <Container size={720} py="sm" px="md">
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Logo size={34} />
              <Stack gap={0} miw={0}>
                <Text fw={700} c="koers.8" lh={1.2}>
                  Koers
                </Text>
                {swv?.samenwerkingsverband && (
                  <Text size="sm" c="dimmed" lh={1.3} data-testid="swv-naam">
                    {swv.samenwerkingsverband}
                  </Text>
                )}
              </Stack>
            </Group>
            {swv?.logo && (
              <img
                src={swv.logo}
                alt={swv.samenwerkingsverband ?? 'Logo van het samenwerkingsverband'}
                data-testid="swv-logo"
                style={{ maxHeight: 48, maxWidth: 160, objectFit: 'contain', flexShrink: 0 }}
              />
            )}
          </Group>
        </Container>
      </Box>
      <Container component="main" size={720} py="lg" px="md">
        {children}
      </Container>
    </Box>
  );
}

/** The page's h1, focused when it replaces what was there (after submitting), for screen readers. */
export function PublicTitle({ children, focus = false }: { children: string; focus?: boolean }) {
  usePageTitle(children);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Title order={1} size="h2" ref={ref} tabIndex={-1} style={{ outline: 'none', overflowWrap: 'anywhere' }}>
      {children}
    </Title>
  );
}

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon variant="light" size={28} radius="xl" aria-hidden>
          {icon}
        </ThemeIcon>
      }
    >
      <VisuallyHidden>{label}: </VisuallyHidden>
      {children}
    </List.Item>
  );
}

/** Date and time, form, place and the places left: what a participant wants to know first. */
export function MeetingFacts({ meeting, showPlaces = true }: { meeting: PubliekeBijeenkomst; showPlaces?: boolean }) {
  return (
    <List spacing="sm" center listStyleType="none" styles={{ itemWrapper: { alignItems: 'center' } }}>
      <Fact icon={<IconCalendarEvent size={16} />} label="Datum en tijd">
        <Text span fw={600}>
          {formatMeetingTime(meeting.start, meeting.eind)}
        </Text>
      </Fact>
      <Fact icon={meeting.vorm === 'online' ? <IconVideo size={16} /> : <IconMapPin size={16} />} label="Waar">
        {VORM_LABELS[meeting.vorm]}
        {meeting.locatie ? ` · ${meeting.locatie}` : ''}
      </Fact>
      {showPlaces && (meeting.vol || typeof meeting.plaatsenVrij === 'number') && (
        <Fact icon={<IconUsers size={16} />} label="Plaatsen">
          {meeting.vol ? (
            <Text span fw={600} c="orange.9">
              Vol: u komt op de wachtlijst
            </Text>
          ) : (
            <Text span>
              {meeting.plaatsenVrij === 1 ? 'Nog 1 plaats vrij' : `Nog ${meeting.plaatsenVrij} plaatsen vrij`}
            </Text>
          )}
        </Fact>
      )}
    </List>
  );
}

export function PublicErrorAlert({ error, onRetry }: { error: PublicError; onRetry?: () => void }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={error.title} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error.message}</Text>
        {error.retry && onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={onRetry}>
            Opnieuw proberen
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** A whole page that only says what went wrong (unknown link, closed meeting). */
export function PublicErrorPage({ error, onRetry }: { error: PublicError; onRetry?: () => void }) {
  usePageTitle(error.title);
  return (
    <PublicFrame>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Title order={1} size="h2">
            {error.title}
          </Title>
          <Text>{error.message}</Text>
          {error.retry && onRetry && (
            <Button variant="outline" onClick={onRetry} w="fit-content">
              Opnieuw proberen
            </Button>
          )}
        </Stack>
      </Paper>
    </PublicFrame>
  );
}
