import { ActionIcon, Alert, Anchor, Button, Group, List, Modal, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconRepeat, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formErrorMessage } from '../../api/problem';
import { bijeenkomsten } from '../../api/resources';
import type { Bijeenkomst } from '../../api/types';
import { DialogActions } from '../../components/ConfirmButton';
import { invalidateLists } from '../../components/recordForm';
import { herhalingFouten, localParts, MAX_HERHALINGEN, reeksDatums } from '../../lib/bijeenkomsten';
import { formatMeetingTime } from '../../lib/meetingTime';
import { DateField } from '../../components/DateField';

/** "Herhalen": copies of the meeting on other dates, at the same time of day. */
export function HerhalingButton({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const [opened, { open, close }] = useDisclosure(false);
  const eigen = localParts(b.start).datum;
  return (
    <>
      <Button variant="default" leftSection={<IconRepeat size={16} aria-hidden />} onClick={open}>
        Herhalen
      </Button>
      <Modal opened={opened} onClose={close} title="Bijeenkomst herhalen" size="lg" centered>
        {opened && <HerhalingFormulier bijeenkomst={b} eigenDatum={eigen} onClose={close} />}
      </Modal>
    </>
  );
}

function HerhalingFormulier({
  bijeenkomst: b,
  eigenDatum,
  onClose,
}: {
  bijeenkomst: Bijeenkomst;
  eigenDatum: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [datums, setDatums] = useState<string[]>(() => reeksDatums(eigenDatum, 4, 1));
  const [weken, setWeken] = useState<number | string>(4);
  const [aantal, setAantal] = useState<number | string>(3);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kopieen, setKopieen] = useState<Bijeenkomst[] | null>(null);
  const fouten = herhalingFouten(datums, eigenDatum);
  const tijd = `${localParts(b.start).tijd}–${localParts(b.eind).tijd}`;

  if (kopieen) {
    return (
      <Stack gap="md">
        <Alert color="green" title={`${kopieen.length} ${kopieen.length === 1 ? 'kopie' : 'kopieën'} gemaakt`}>
          <Text size="sm">Ze staan gepland, nog zonder aanmeldingen.</Text>
        </Alert>
        <List spacing={4} size="sm">
          {kopieen.map((k) => (
            <List.Item key={k.id}>
              <Anchor component={Link} to={`/bijeenkomsten/${k.id}`} onClick={onClose}>
                {k.titel}, {formatMeetingTime(k.start, k.eind)}
              </Anchor>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button onClick={onClose}>Sluiten</Button>
        </Group>
      </Stack>
    );
  }

  const submit = async () => {
    setChecked(true);
    if (datums.length === 0 || fouten.some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      const items = await bijeenkomsten.herhaal(b.id, datums);
      await invalidateLists(queryClient, '/bijeenkomsten');
      setKopieen(items);
    } catch (e) {
      setError(formErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">
        Elke kopie krijgt dezelfde tijd ({tijd}), duur en gegevens, de status gepland en nog geen aanmeldingen.
      </Text>
      <Paper withBorder p="sm" radius="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput label="Elke" suffix=" weken" min={1} max={52} value={weken} onChange={setWeken} w={130} />
          <NumberInput label="Aantal keer" min={1} max={MAX_HERHALINGEN} value={aantal} onChange={setAantal} w={120} />
          <Button
            variant="default"
            onClick={() => {
              setDatums(reeksDatums(eigenDatum, Number(weken) || 1, Math.min(MAX_HERHALINGEN, Number(aantal) || 1)));
              setChecked(false);
            }}
          >
            Datums invullen
          </Button>
        </Group>
      </Paper>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Datums">
        {datums.map((d, i) => (
          <Group key={i} component="li" gap="sm" align="flex-start" wrap="nowrap">
            <DateField
              label={`Datum ${i + 1}`}
              value={d}
              onChange={(value) => {
                setDatums((prev) => prev.map((x, j) => (j === i ? value : x)));
              }}
              error={checked ? fouten[i] : undefined}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={26}
              aria-label={`Datum ${i + 1} verwijderen`}
              onClick={() => setDatums((prev) => prev.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      {datums.length === 0 && (
        <Text size="sm" c={checked ? 'red.9' : 'dimmed'}>
          Voeg minstens één datum toe.
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setDatums((prev) => [...prev, ''])}
          disabled={datums.length >= MAX_HERHALINGEN}
        >
          Datum toevoegen
        </Button>
      </Group>
      <DialogActions
        error={error}
        onCancel={onClose}
        onConfirm={() => void submit()}
        confirmLabel={datums.length === 1 ? 'Eén kopie maken' : `${datums.length} kopieën maken`}
        busy={busy}
      />
    </Stack>
  );
}
