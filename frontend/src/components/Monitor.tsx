import { Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Telling } from '../lib/cijfers';
import { formatDateTime } from '../lib/format';
import { afgeschermdTekst, cel, ONDERDRUKT, ONDERDRUKT_UITLEG } from '../lib/monitor';

/**
 * What `<5` means (above the figures of a monitor), and when the figures were made where the API
 * says so; `children` adds what else the page does with withheld counts.
 */
export function MonitorLegenda({ gegenereerdOp, children }: { gegenereerdOp?: string; children?: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="monitor-legenda">
      <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm">
        <span className="onderdrukt-voorbeeld">{ONDERDRUKT}</span> = niet gedeeld. {ONDERDRUKT_UITLEG}
        {gegenereerdOp && <> Stand van {formatDateTime(gegenereerdOp)}.</>}
        {children && <> {children}</>}
      </Text>
    </Group>
  );
}

/**
 * One count of a monitor or a figures page (either shape, see `Telling`): the number, or `<5` with
 * why (a tooltip, and in words for screen readers).
 */
export function MonitorCel({ aantal }: { aantal: Telling | null | undefined }) {
  const c = cel(aantal);
  if (!c.onderdrukt) return <>{c.tekst}</>;
  return (
    <Tooltip label={ONDERDRUKT_UITLEG} multiline w={280} withArrow openDelay={150}>
      <span className="onderdrukt">
        <span aria-hidden>{c.tekst}</span>
        <span className="visually-hidden">niet gedeeld</span>
      </span>
    </Tooltip>
  );
}

/**
 * The card of one receiver of a monitor (a gemeente, a schoolbestuur): a section under its own
 * heading (h2, `{id}-kop`), a short note beside the heading, optionally a line under it, and on the
 * right how many cells are hidden. `id` is also the card's test id.
 */
export function MonitorKaart({
  id,
  titel,
  bijTitel,
  onderTitel,
  onderdrukt,
  children,
}: {
  id: string;
  titel: string;
  bijTitel: ReactNode;
  onderTitel?: ReactNode;
  /** The number of suppressed cells in the card. */
  onderdrukt: number;
  children: ReactNode;
}) {
  const weg = afgeschermdTekst(onderdrukt);
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', lg: 'lg' }}
      aria-labelledby={`${id}-kop`}
      data-testid={id}
    >
      <Group justify="space-between" align="baseline" gap="sm" mb="md">
        <Stack gap={2} miw={0}>
          <Group gap="sm" align="baseline" wrap="wrap">
            <Title order={2} size="h3" id={`${id}-kop`}>
              {titel}
            </Title>
            <Text size="sm" c="dimmed" className="tabular nowrap">
              {bijTitel}
            </Text>
          </Group>
          {onderTitel && <Text size="sm">{onderTitel}</Text>}
        </Stack>
        {weg && (
          <Text size="sm" c="dimmed" className="nowrap">
            {weg}
          </Text>
        )}
      </Group>
      {children}
    </Paper>
  );
}
