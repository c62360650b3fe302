import { Button, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/problem';
import { tlvs } from '../../api/resources';
import type { Tlv } from '../../api/types';
import { DialogActions } from '../../components/ConfirmButton';
import { LongText } from '../../components/fields';
import { filenameFromDisposition, saveBlob } from '../../lib/download';

/**
 * The decision letter as a Word document. The names and address are typed here for the letter
 * only: Koers does not keep them, so the fields start empty every time.
 */
export function Besluitbrief({ tlv }: { tlv: Tlv }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [leerlingNaam, setLeerlingNaam] = useState('');
  const [ouderNaam, setOuderNaam] = useState('');
  const [adres, setAdres] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const sluit = () => {
    setLeerlingNaam('');
    setOuderNaam('');
    setAdres('');
    setError(null);
    close();
  };

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const leeg = (s: string) => (s.trim() === '' ? null : s.trim());
      const { blob, disposition } = await tlvs.besluitbrief(tlv.id, {
        leerlingNaam: leeg(leerlingNaam),
        ouderNaam: leeg(ouderNaam),
        adres: leeg(adres),
      });
      saveBlob(blob, filenameFromDisposition(disposition) ?? `besluit-tlv-${tlv.ontvangenOp}.docx`);
      sluit();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />} onClick={open}>
        Besluitbrief
      </Button>
      <Modal opened={opened} onClose={sluit} title="Besluitbrief downloaden" centered>
        <Stack gap="md">
          <Text size="sm">
            De brief aan de ouders met het besluit, de periode, de motivering en de bezwaarclausule, als Word-document.
            Namen en adres komen alleen in de brief: Koers bewaart ze niet. Laat ze leeg om ze zelf in te vullen.
          </Text>
          <TextInput
            label="Naam van de leerling"
            value={leerlingNaam}
            onChange={(e) => setLeerlingNaam(e.currentTarget.value)}
          />
          <TextInput
            label="Naam van de ouders"
            value={ouderNaam}
            onChange={(e) => setOuderNaam(e.currentTarget.value)}
          />
          <LongText label="Adres" minRows={2} value={adres} onChange={(e) => setAdres(e.currentTarget.value)} />
          <DialogActions
            error={error}
            errorTitle="Downloaden lukte niet"
            onCancel={sluit}
            onConfirm={() => void download()}
            confirmLabel="Downloaden"
            busy={busy}
          />
        </Stack>
      </Modal>
    </>
  );
}
