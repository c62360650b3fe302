import '@mantine/charts/styles.css';
import { Sparkline } from '@mantine/charts';
import { Anchor, Box, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx, IconTableExport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/problem';
import { kengetallen } from '../../api/resources';
import type { KengetalStand } from '../../api/types';
import { SignalBadge } from '../../components/SignalCounts';
import { ErrorState } from '../../components/states';
import { schooljaarOpties } from '../../lib/arrangementen';
import { EXPORT_MEDIA_TYPES, filenameFromDisposition, saveBlob } from '../../lib/download';
import { formatKengetal, formatStreef, sparkPunten, trendJaren } from '../../lib/kengetallen';
import { schooljaarNl } from '../../lib/tijd';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The line of a KPI: dark enough beside the white card; the numbers are written out below it. */
const LIJN = '#1f4e79';

function Trend({ k, schooljaar }: { k: KengetalStand; schooljaar: string }) {
  const punten = sparkPunten(k.trend, k.waarde);
  const jaren = trendJaren(schooljaar);
  const bekend = k.trend
    .map((w, i) => (w === null ? null : `${jaren[i]}: ${formatKengetal(k.eenheid, w)}`))
    .filter((x): x is string => x !== null);
  return (
    <Stack gap={2}>
      {punten.length >= 2 && (
        // Inert as well as hidden: the chart's surface is focusable, and says nothing the text below does not.
        <Box aria-hidden inert>
          <Sparkline h={36} w="100%" data={punten} color={LIJN} fillOpacity={0.15} curveType="linear" strokeWidth={2} />
        </Box>
      )}
      <Text size="xs" c="dimmed">
        {bekend.length > 0 ? `Eerder: ${bekend.join(' · ')}` : 'Geen eerdere jaren bekend'}
      </Text>
    </Stack>
  );
}

/**
 * The SWV's KPIs in a school year (the current one unless chosen): value against target with its
 * signal in words and colour, and the years before as a small line.
 */
export function KengetallenDashboard() {
  const [params, setParams] = useSearchParams();
  const huidig = schooljaarNl(new Date());
  const schooljaar = params.get('schooljaar') ?? huidig;
  const overzicht = useQuery({
    queryKey: ['/kengetallen', 'overzicht', schooljaar],
    queryFn: () => kengetallen.overzicht(schooljaar),
  });
  const [bezig, setBezig] = useState(false);
  const download = async (accept: string, ext: string) => {
    setBezig(true);
    try {
      const { blob, disposition } = await kengetallen.overzichtBestand(schooljaar, accept);
      saveBlob(blob, filenameFromDisposition(disposition) ?? `kengetallen-${schooljaar}.${ext}`);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Downloaden lukte niet', message: errorMessage(error) });
    } finally {
      setBezig(false);
    }
  };
  const lijst = overzicht.data?.kengetallen ?? [];

  return (
    <section aria-labelledby="kengetallen-kop">
      <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
        <Title order={2} size="h3" id="kengetallen-kop">
          Ken- en stuurgetallen {schooljaar}
        </Title>
        <Group gap="xs" align="flex-end">
          <Select
            label="Schooljaar"
            allowDeselect={false}
            w={150}
            data={schooljaarOpties(huidig, [schooljaar])}
            value={schooljaar}
            onChange={(value) =>
              setParams(
                (prev) => {
                  const next = new URLSearchParams(prev);
                  if (value) next.set('schooljaar', value);
                  return next;
                },
                { replace: true },
              )
            }
          />
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={18} aria-hidden />}
            loading={bezig}
            onClick={() => void download(DOCX, 'docx')}
          >
            Word
          </Button>
          <Button
            variant="default"
            leftSection={<IconTableExport size={18} aria-hidden />}
            loading={bezig}
            onClick={() => void download(EXPORT_MEDIA_TYPES.xlsx, 'xlsx')}
          >
            Excel
          </Button>
        </Group>
      </Group>
      {overzicht.isError ? (
        <ErrorState error={overzicht.error} onRetry={() => void overzicht.refetch()} />
      ) : overzicht.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" mb="xl">
          {[1, 2, 3].map((i) => (
            <Skeleton key={i} height={150} radius="md" aria-label="Laden" />
          ))}
        </SimpleGrid>
      ) : lijst.length === 0 ? (
        <Text c="dimmed" mb="xl">
          Nog geen kengetallen. {/* Underlined: within a line of text, colour alone does not mark a link. */}
          <Anchor component={Link} to="/kengetallen" underline="always">
            Naar de kengetallen
          </Anchor>
        </Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          mb="xl"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {lijst.map((k) => (
            <Card key={k.id} component="li" withBorder radius="md" padding="md" data-testid="kengetal">
              <Stack gap="xs" h="100%" justify="space-between">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/kengetallen/${k.id}`} fw={600} c="koers.8">
                    {k.naam}
                  </Anchor>
                  <SignalBadge signaal={k.signaal} />
                </Group>
                <Group gap="xs" align="baseline">
                  <Text fz={30} fw={700} lh={1.1} className="tabular">
                    {formatKengetal(k.eenheid, k.waarde)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    streef {formatStreef(k)}
                  </Text>
                </Group>
                {k.waarde === null && (
                  <Text size="xs" c="dimmed">
                    Nog geen gegevens in dit schooljaar.
                  </Text>
                )}
                {k.toelichting && <Text size="sm">{k.toelichting}</Text>}
                <Trend k={k} schooljaar={schooljaar} />
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
