import { Group, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Aantal } from '../api/types';
import { formatDateTime } from '../lib/format';
import { cel, ONDERDRUKT, ONDERDRUKT_UITLEG } from '../lib/monitor';

/** What `<5` means (above the figures of a monitor), and when the figures were made where the API says so. */
export function MonitorLegenda({ gegenereerdOp }: { gegenereerdOp?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="monitor-legenda">
      <IconInfoCircle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="sm">
        <span className="onderdrukt-voorbeeld">{ONDERDRUKT}</span> = niet gedeeld. {ONDERDRUKT_UITLEG}
        {gegenereerdOp && <> Stand van {formatDateTime(gegenereerdOp)}.</>}
      </Text>
    </Group>
  );
}

/** One count of a monitor: the number, or `<5` with why (a tooltip, and in words for screen readers). */
export function MonitorCel({ aantal }: { aantal: Aantal | undefined }) {
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
