import { Alert, Box, Button, Grid, NumberInput, Select, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/problem';
import { kengetallen } from '../../api/resources';
import type { Kengetal } from '../../api/types';
import { useCanWrite } from '../../auth/authContext';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Panel } from '../../components/Panel';
import { ScrollTable } from '../../components/ScrollTable';
import { schooljaarOpties } from '../../lib/arrangementen';
import { formatKengetal, naarOpslag } from '../../lib/kengetallen';
import { schooljaarNl } from '../../lib/tijd';

/**
 * The values of a KPI per school year: entered by the beheerder for a KPI entered by hand; for a
 * computed one only an explanation (Koers measures its value).
 */
export function Waarden({ kengetal }: { kengetal: Kengetal }) {
  const beheer = useCanWrite('kengetallen');
  const queryClient = useQueryClient();
  const key = ['/kengetallen', 'waarden', kengetal.id];
  const waarden = useQuery({ queryKey: key, queryFn: () => kengetallen.waarden(kengetal.id) });
  const handmatig = kengetal.bron === 'handmatig';
  const bezet = (waarden.data ?? []).map((w) => w.schooljaar);
  const jaren = schooljaarOpties(schooljaarNl(new Date())).filter((j) => !bezet.includes(j));
  const [schooljaar, setSchooljaar] = useState<string | null>(null);
  const [waarde, setWaarde] = useState<number | string>('');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [bezig, setBezig] = useState(false);

  const verversen = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: ['/kengetallen', 'overzicht'] }),
    ]);

  const toevoegen = async () => {
    const nieuw: Record<string, string> = {};
    if (!schooljaar) nieuw.schooljaar = 'Kies een schooljaar';
    const opgeslagen = naarOpslag(kengetal.eenheid, waarde);
    if (handmatig && opgeslagen === null) nieuw.waarde = 'Vul de waarde in';
    if (!handmatig && toelichting.trim() === '') nieuw.toelichting = 'Vul een toelichting in';
    setFouten(nieuw);
    if (Object.keys(nieuw).length > 0 || !schooljaar) return;
    setBezig(true);
    try {
      await kengetallen.waardeToevoegen(kengetal.id, {
        schooljaar,
        ...(handmatig ? { waarde: opgeslagen } : {}),
        toelichting: toelichting.trim(),
      });
      setSchooljaar(null);
      setWaarde('');
      setToelichting('');
      notifications.show({ color: 'green', message: `De waarde van ${schooljaar} is opgeslagen.` });
      await verversen();
    } catch (error) {
      if (error instanceof ApiError && error.invalidParams.length > 0) {
        setFouten(Object.fromEntries(error.invalidParams.map((p) => [p.name, p.reason])));
      } else {
        setFouten({ algemeen: errorMessage(error) });
      }
    } finally {
      setBezig(false);
    }
  };

  return (
    <Panel id="waarden-kop" title={handmatig ? 'Waarden per schooljaar' : 'Toelichting per schooljaar'}>
      <Text size="sm" c="dimmed" mb="sm">
        {handmatig
          ? 'De waarde van elk schooljaar, zoals vastgesteld; het overzicht toont ze als trend.'
          : 'Koers berekent de waarde zelf; hier staat per schooljaar een toelichting voor het bestuur.'}
      </Text>
      {waarden.isError ? (
        <Alert color="red">{errorMessage(waarden.error)}</Alert>
      ) : (waarden.data ?? []).length === 0 ? (
        <Text size="sm" mb="sm">
          {waarden.isPending ? 'Laden…' : 'Nog geen waarden.'}
        </Text>
      ) : (
        <Box mb="md">
          <ScrollTable minWidth={420} label={`Waarden van ${kengetal.naam}`}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Schooljaar</Table.Th>
                  {handmatig && <Table.Th scope="col">Waarde</Table.Th>}
                  <Table.Th scope="col">Toelichting</Table.Th>
                  {beheer && (
                    <Table.Th scope="col">
                      <span className="visually-hidden">Acties</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(waarden.data ?? []).map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>{w.schooljaar}</Table.Td>
                    {handmatig && <Table.Td className="tabular">{formatKengetal(kengetal.eenheid, w.waarde)}</Table.Td>}
                    <Table.Td>{w.toelichting || '—'}</Table.Td>
                    {beheer && (
                      <Table.Td>
                        <ConfirmButton
                          label="Verwijderen"
                          ariaLabel={`Waarde van ${w.schooljaar} verwijderen`}
                          title="Waarde verwijderen"
                          confirmLabel="Verwijderen"
                          confirmColor="red"
                          buttonProps={{ variant: 'subtle', color: 'red', size: 'xs' }}
                          onConfirm={async () => {
                            await kengetallen.waardeVerwijderen(kengetal.id, w.id);
                            await verversen();
                          }}
                        >
                          De waarde van {w.schooljaar} verdwijnt uit het overzicht.
                        </ConfirmButton>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Box>
      )}
      {beheer && (
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Select
              label="Schooljaar"
              required
              data={jaren}
              value={schooljaar}
              onChange={setSchooljaar}
              error={fouten.schooljaar}
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
          {handmatig && (
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <NumberInput
                label="Waarde"
                required
                decimalScale={kengetal.eenheid === 'euro' ? 2 : 1}
                decimalSeparator=","
                thousandSeparator="."
                prefix={kengetal.eenheid === 'euro' ? '€ ' : undefined}
                suffix={kengetal.eenheid === 'percentage' ? '%' : undefined}
                value={waarde}
                onChange={setWaarde}
                error={fouten.waarde}
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, sm: handmatig ? 3 : 6 }}>
            <TextInput
              label="Toelichting"
              required={!handmatig}
              maxLength={2000}
              value={toelichting}
              onChange={(e) => setToelichting(e.currentTarget.value)}
              error={fouten.toelichting}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 3 }}>
            <Button mt={{ base: 0, sm: 25 }} onClick={() => void toevoegen()} loading={bezig}>
              Toevoegen
            </Button>
          </Grid.Col>
          {fouten.algemeen && (
            <Grid.Col span={12}>
              <Alert color="red">{fouten.algemeen}</Alert>
            </Grid.Col>
          )}
        </Grid>
      )}
    </Panel>
  );
}
