import { Alert, Button, Code, FileInput, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/problem';
import { aanmeldingen } from '../../api/resources';
import type { Bijeenkomst } from '../../api/types';
import { invalidateLists } from '../../components/recordForm';
import { TableHead } from '../../components/TableHead';
import { importFouten, importMediaType, type ImportFout } from '../../lib/bijeenkomsten';
import { formatNumber } from '../../lib/format';

const KOLOMMEN: Record<string, string> = {
  naam: 'Naam',
  email: 'E-mailadres',
  'e-mail': 'E-mailadres',
  school: 'School',
  functie: 'Functie',
  aanwezig: 'Aanwezig',
};

/** "Importeren": a CSV or XLSX file of participants, all or nothing, with every bad row listed. */
export function ImportButton({ bijeenkomst: b }: { bijeenkomst: Bijeenkomst }) {
  const [opened, { open, close }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [rijen, setRijen] = useState<ImportFout[]>([]);
  const [overig, setOverig] = useState<string[]>([]);

  const reset = () => {
    setFile(null);
    setRijen([]);
    setOverig([]);
  };
  const mediaType = file ? importMediaType(file.name) : null;

  const run = async () => {
    if (!file || !mediaType) return;
    setBusy(true);
    setRijen([]);
    setOverig([]);
    try {
      const r = await aanmeldingen.importeer(b.id, file, mediaType);
      notifications.show({
        color: 'green',
        title: 'Import geslaagd',
        message: `${formatNumber(r.geimporteerd)} deelnemers geïmporteerd: ${formatNumber(r.aangemeld)} aangemeld, ${formatNumber(r.wachtlijst)} op de wachtlijst.`,
        autoClose: 8000,
      });
      await invalidateLists(queryClient, '/bijeenkomsten');
      close();
      reset();
    } catch (error) {
      if (error instanceof ApiError && error.invalidParams.length > 0) {
        const fouten = importFouten(error.invalidParams);
        setRijen(fouten.rijen);
        setOverig(fouten.overig);
      } else {
        setOverig([errorMessage(error)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={open}>
        Importeren
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          close();
          reset();
        }}
        title="Deelnemers importeren"
        size="xl"
        centered
      >
        <Stack gap="md">
          <Text size="sm">
            Een CSV-bestand (met <Code>;</Code> of <Code>,</Code>) of een Excel-bestand (.xlsx) met op de eerste rij de
            kolommen:
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>
              <Code>naam</Code> en <Code>email</Code> (verplicht)
            </List.Item>
            <List.Item>
              <Code>school</Code>: naam of BRIN (mag leeg)
            </List.Item>
            <List.Item>
              <Code>functie</Code>: bijv. leerkracht of Intern begeleider (leeg: overig)
            </List.Item>
            <List.Item>
              <Code>aanwezig</Code>: ja of nee (mag leeg)
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Alles of niets: als één rij niet klopt, wordt niemand geïmporteerd en ziet u welke rijen u moet verbeteren.
          </Text>
          <FileInput
            label="Bestand"
            placeholder="Kies een .csv- of .xlsx-bestand"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              setRijen([]);
              setOverig([]);
            }}
            clearable
            leftSection={<IconUpload size={16} aria-hidden />}
            error={file && !mediaType ? 'Alleen .csv- of .xlsx-bestanden' : undefined}
          />
          {(rijen.length > 0 || overig.length > 0) && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title="Niets geïmporteerd" role="alert">
              <Stack gap="sm">
                {overig.map((m) => (
                  <Text key={m} size="sm">
                    {m.charAt(0).toLocaleUpperCase('nl-NL') + m.slice(1)}
                  </Text>
                ))}
                {rijen.length > 0 && (
                  <>
                    <Text size="sm">
                      {rijen.length === 1
                        ? 'Eén fout in het bestand:'
                        : `${formatNumber(rijen.length)} fouten in het bestand:`}{' '}
                      verbeter ze en importeer opnieuw.
                    </Text>
                    <ScrollArea.Autosize mah={280} type="auto">
                      <Table withTableBorder bg="white" aria-label="Fouten per rij">
                        <TableHead cells={[{ label: 'Rij', w: 70 }, { label: 'Kolom', w: 140 }, 'Wat er niet klopt']} />
                        <Table.Tbody>
                          {rijen.map((r, i) => (
                            <Table.Tr key={`${r.rij}-${r.kolom}-${i}`}>
                              <Table.Td className="tabular">{r.rij}</Table.Td>
                              <Table.Td>{KOLOMMEN[r.kolom] ?? (r.kolom || '—')}</Table.Td>
                              <Table.Td>{r.reden.charAt(0).toLocaleUpperCase('nl-NL') + r.reden.slice(1)}</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </ScrollArea.Autosize>
                  </>
                )}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                close();
                reset();
              }}
            >
              Annuleren
            </Button>
            <Button onClick={() => void run()} loading={busy} disabled={!file || !mediaType}>
              Importeren
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
