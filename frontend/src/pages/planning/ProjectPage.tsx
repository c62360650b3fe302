import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formErrorMessage } from '../../api/problem';
import { projecten, voortgang } from '../../api/resources';
import type { Project, Signaal } from '../../api/types';
import { useMe } from '../../auth/authContext';
import { canWriteActiviteiten } from '../../auth/roles';
import { Fact, RecordFact } from '../../components/Fact';
import { RecordViewRoute } from '../../components/RecordFormPage';
import { SignalBadge } from '../../components/SignalCounts';
import { QueryState } from '../../components/states';
import { TableHead } from '../../components/TableHead';
import { Panel } from '../../components/Panel';
import { formatDate, formatMoney } from '../../lib/format';
import { PROJECT_STATUS_LABELS, SIGNAAL_LABELS } from '../../lib/labels';
import { projectStatusTekst } from '../../lib/tijd';
import { usePortefeuilles } from './hooks';
import { GekoppeldeActiviteiten, RecordHeader } from './parts';
import { DateField } from '../../components/DateField';

export default function ProjectPage() {
  return <RecordViewRoute resource={projecten} area="projecten" view={ProjectView} />;
}

function ProjectView({ record: p }: { record: Project }) {
  const portefeuilles = usePortefeuilles();
  const portefeuille = portefeuilles.data?.find((x) => x.id === p.portefeuilleId);
  return (
    <>
      <RecordHeader area="projecten" record={p} />
      <Stack gap="lg" maw={1100}>
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" mb={p.omschrijving ? 'md' : 0}>
            <Fact label="Status" value={projectStatusTekst(p, PROJECT_STATUS_LABELS[p.status], new Date())} />
            <Fact
              label="Looptijd"
              value={`${formatDate(p.startdatum) || 'onbekend'} – ${formatDate(p.einddatum) || 'geen einddatum'}`}
            />
            <RecordFact label="Portefeuille" record={portefeuille} path="/portefeuilles" />
            <Fact label="Partner" value={p.partner ?? '—'} />
          </SimpleGrid>
          {p.omschrijving && <Text size="sm">{p.omschrijving}</Text>}
          {p.financiering.length > 0 && (
            <>
              <Title order={2} size="h5" mt="md" mb={4}>
                Financiering
              </Title>
              <Stack gap={2}>
                {p.financiering.map((fin, i) => (
                  <Text key={i} size="sm">
                    {fin.bron}: <span className="tabular">{formatMoney(fin.bedragCent)}</span>
                  </Text>
                ))}
              </Stack>
            </>
          )}
        </Paper>
        <VoortgangSection projectId={p.id} />
        <GekoppeldeActiviteiten filter={{ projectId: p.id }} empty="Nog geen activiteiten gekoppeld aan dit project." />
      </Stack>
    </>
  );
}

function VoortgangSection({ projectId }: { projectId: string }) {
  const me = useMe();
  const writable = canWriteActiviteiten(me);
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['/projecten', 'voortgang', projectId], queryFn: () => voortgang.list(projectId) });
  const [datum, setDatum] = useState(new Date().toISOString().slice(0, 10));
  const [toelichting, setToelichting] = useState('');
  const [signaal, setSignaal] = useState<Signaal | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async (event: React.SyntheticEvent) => {
    event.preventDefault();
    if (!toelichting.trim()) {
      setError('Toelichting is verplicht');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await voortgang.create(projectId, {
        datum,
        toelichting: toelichting.trim(),
        // `afgerond` too: the API takes it, though the contract's `Signaal` lacks it for now (see api/types.ts).
        signaal: signaal || null,
      });
      setToelichting('');
      setSignaal('');
      notifications.show({ color: 'green', message: 'De voortgang is vastgelegd.' });
      await queryClient.invalidateQueries({ queryKey: ['/projecten', 'voortgang', projectId] });
    } catch (e) {
      setError(formErrorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel id="voortgang-kop" title="Voortgang">
      <QueryState query={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="dimmed" mb="sm">
              Nog geen voortgang vastgelegd.
            </Text>
          ) : (
            <Table verticalSpacing="xs" mb="md">
              <TableHead cells={[{ label: 'Datum', w: 120 }, 'Toelichting', { label: 'Signaal', w: 120 }]} />
              <Table.Tbody>
                {[...data.items]
                  .sort((a, b) => b.datum.localeCompare(a.datum))
                  .map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td className="tabular">{formatDate(v.datum)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{v.toelichting}</Text>
                      </Table.Td>
                      <Table.Td>
                        <SignalBadge signaal={v.signaal} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      {writable && (
        <form onSubmit={(e) => void add(e)} noValidate aria-labelledby="voortgang-nieuw">
          <Title order={3} size="h5" mb="xs" id="voortgang-nieuw">
            Voortgang toevoegen
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField label="Datum" required value={datum} onChange={setDatum} />
            <NativeSelect
              label="Signaal"
              data={[
                { value: '', label: 'Geen signaal' },
                ...Object.entries(SIGNAAL_LABELS).map(([value, label]) => ({ value, label })),
              ]}
              value={signaal}
              onChange={(e) => setSignaal(e.currentTarget.value as Signaal | '')}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label="Toelichting"
            required
            autosize
            minRows={2}
            value={toelichting}
            error={error}
            onChange={(e) => setToelichting(e.currentTarget.value)}
          />
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={busy}>
              Voortgang toevoegen
            </Button>
          </Group>
        </form>
      )}
    </Panel>
  );
}
