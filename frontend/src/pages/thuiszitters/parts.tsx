import { Badge, Text, type BadgeProps } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { leerlingen, thuiszitters } from '../../api/resources';
import type { Thuiszitter, Versioned } from '../../api/types';
import { invalidateLists } from '../../components/recordForm';
import { vandaagNl } from '../../lib/bijeenkomsten';
import { duurBand, huidigeSituatie, perspectiefTekst, thuisTekst, zonderPerspectief } from '../../lib/thuiszitters';

/** The query of a case's page: the case with its ETag. */
export const thuiszitterKey = (id: string) => [thuiszitters.path, 'detail', id] as const;

/**
 * After a change to a case (a new situation, a removed one): the case read again, and the board,
 * the counts and the pupil's dossier that show it.
 */
export function useNaWijziging(id: string) {
  const queryClient = useQueryClient();
  return async (antwoord?: Versioned<Thuiszitter>) => {
    if (antwoord) queryClient.setQueryData(thuiszitterKey(id), antwoord);
    else await queryClient.invalidateQueries({ queryKey: thuiszitterKey(id) });
    await invalidateLists(queryClient, thuiszitters.path);
    void queryClient.invalidateQueries({ queryKey: [leerlingen.path, 'dossier'] });
  };
}

/** Reads the case again (after someone else changed it). */
export function useHerlaadCasus(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: thuiszitterKey(id) });
}

const BAND_KLEUR = { korterDan1Maand: 'koers', tussen1En3Maanden: 'orange', langerDan3Maanden: 'red' } as const;

/**
 * How long the pupil is at home: the weeks, coloured by the bands of the count (under a month,
 * up to three, longer), or "dreigend" for a pupil at risk. Colour always with the words.
 */
export function ThuisBadge({
  t,
  size,
  metThuis = false,
}: {
  t: Thuiszitter;
  size?: BadgeProps['size'];
  /** Say "thuis" after the weeks, where no column head says it. */
  metThuis?: boolean;
}) {
  const vandaag = vandaagNl();
  const tekst = thuisTekst(t, vandaag);
  if (tekst === null) return null;
  const thuis = tekst !== 'dreigend' && t.thuisSinds ? duurBand(t.thuisSinds, vandaag) : null;
  return (
    <Badge
      variant={thuis ? 'light' : 'outline'}
      color={thuis ? BAND_KLEUR[thuis] : 'gray.8'}
      radius="sm"
      tt="none"
      size={size}
      className="badge-heel"
      data-testid="thuis-weken"
    >
      {thuis && metThuis ? `${tekst} thuis` : tekst}
    </Badge>
  );
}

/** The perspective of the case now; none recorded (or at home without one) stands out. */
export function PerspectiefCel({ t }: { t: Thuiszitter }) {
  const situatie = huidigeSituatie(t);
  return (
    <Text span size="sm" c={zonderPerspectief(t) ? 'orange.9' : undefined} fw={zonderPerspectief(t) ? 600 : undefined}>
      {perspectiefTekst(situatie)}
    </Text>
  );
}
