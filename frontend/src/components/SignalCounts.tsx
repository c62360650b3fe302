import { Group, Text } from '@mantine/core';
import type { Signaal, Telling } from '../api/types';
import { SIGNAAL_LABELS } from '../lib/labels';

/** Dark enough for white text (WCAG AA); the label is always written out, never colour alone. */
export const SIGNAAL_BG: Record<Signaal, string> = {
  op_koers: '#1e6b30',
  aandacht: '#8a5a00',
  risico: '#b02a2a',
  afgerond: '#1f4e79',
};

const ORDER: Signaal[] = ['op_koers', 'aandacht', 'risico', 'afgerond'];

export function SignalBadge({ signaal }: { signaal: Signaal | null | undefined }) {
  if (!signaal)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <span className="signaal" style={{ background: SIGNAAL_BG[signaal] }}>
      {SIGNAAL_LABELS[signaal]}
    </span>
  );
}

/** The counts per signal of a group of activities, as coloured chips with their labels. */
export function SignalCounts({ telling, compact = false }: { telling: Telling; compact?: boolean }) {
  const open = telling.aantal - telling.geevalueerd;
  return (
    <Group gap={6} wrap="wrap">
      {ORDER.map((s) => (
        <span key={s} className="signaal" style={{ background: SIGNAAL_BG[s] }}>
          <strong className="tabular">{telling.perSignaal[s]}</strong> {SIGNAAL_LABELS[s].toLowerCase()}
        </span>
      ))}
      {!compact && open > 0 && (
        <span className="signaal signaal-open">
          <strong className="tabular">{open}</strong> nog niet geëvalueerd
        </span>
      )}
    </Group>
  );
}
