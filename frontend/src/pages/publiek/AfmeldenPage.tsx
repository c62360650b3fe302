import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadingState } from '../../components/states';
import type { EigenAanmelding } from '../../api/types';
import { publiek } from './api';
import { MeetingFacts, PublicErrorAlert, PublicErrorPage, PublicFrame, PublicTitle } from './parts';
import { cancelError, registrationLoadError, type PublicError } from './publiekErrors';

const STATUS_TEXT: Record<EigenAanmelding['status'], { label: string; color: string }> = {
  aangemeld: { label: 'Aangemeld', color: 'green' },
  wachtlijst: { label: 'Op de wachtlijst', color: 'orange' },
  afgemeld: { label: 'Afgemeld', color: 'gray' },
};

export default function AfmeldenPage() {
  const { token = '' } = useParams();
  const registration = useQuery({
    queryKey: ['publiek', 'aanmelding', token],
    queryFn: () => publiek.aanmelding(token),
  });
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<PublicError | null>(null);
  const cancel = useMutation({
    mutationFn: () => publiek.afmelden(token),
    onSuccess: () => close(),
    onError: (e) => {
      close();
      setError(cancelError(e));
    },
  });

  if (registration.isPending) {
    return (
      <PublicFrame>
        <LoadingState />
      </PublicFrame>
    );
  }
  if (registration.isError) {
    return (
      <PublicErrorPage error={registrationLoadError(registration.error)} onRetry={() => void registration.refetch()} />
    );
  }

  const { naam, bijeenkomst: meeting } = registration.data;
  const status = cancel.isSuccess ? 'afgemeld' : registration.data.status;
  const again = (
    <Anchor component={Link} to={`/inschrijven/${encodeURIComponent(meeting.publicId)}`} size="sm">
      Opnieuw aanmelden voor deze bijeenkomst
    </Anchor>
  );

  return (
    <PublicFrame swv={meeting}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="md">
          {cancel.isSuccess ? (
            <>
              <PublicTitle focus>U bent afgemeld</PublicTitle>
              <Text>
                Bedankt voor het doorgeven, {naam}. Uw plaats bij {meeting.titel} is vrijgegeven voor iemand anders.
              </Text>
            </>
          ) : (
            <PublicTitle>Afmelden</PublicTitle>
          )}
          <Stack gap="xs">
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {meeting.titel}
            </Title>
            <MeetingFacts meeting={meeting} showPlaces={false} />
          </Stack>
          <Group gap="xs">
            <Text size="sm">Aanmelding van {naam}:</Text>
            <Badge color={STATUS_TEXT[status].color} variant="light">
              {STATUS_TEXT[status].label}
              {status === 'wachtlijst' && registration.data.wachtlijstPositie
                ? ` (plaats ${registration.data.wachtlijstPositie})`
                : ''}
            </Badge>
          </Group>
          {error && <PublicErrorAlert error={error} />}
          {status === 'afgemeld' ? (
            !cancel.isSuccess && <Text>U bent al afgemeld voor deze bijeenkomst.</Text>
          ) : (
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Kunt u niet komen? Meld u af, dan gaat uw plaats naar iemand op de wachtlijst.</Text>
              <Button color="red.8" onClick={open} w={{ base: '100%', sm: 'auto' }}>
                Afmelden
              </Button>
            </Stack>
          )}
          {status === 'afgemeld' && again}
        </Stack>
      </Paper>

      <Modal opened={opened} onClose={close} title="Afmelden bevestigen" centered>
        <Stack gap="md">
          <Text>
            Weet u zeker dat u zich wilt afmelden voor {meeting.titel}? U kunt zich daarna opnieuw aanmelden zolang er
            plaats is, maar achteraan op de wachtlijst als de bijeenkomst vol is.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Terug
            </Button>
            <Button color="red.8" onClick={() => cancel.mutate()} loading={cancel.isPending}>
              Afmelden
            </Button>
          </Group>
        </Stack>
      </Modal>
    </PublicFrame>
  );
}
