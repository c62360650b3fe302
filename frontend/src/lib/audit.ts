import { formatNumber } from './format';

/**
 * The pupils an entry of the audit log names, in a word: a number, or, when the log is filtered on
 * one pupil, that pupil's reference and how many others the same answer held.
 */
export function leerlingenVanRegel(
  leerlingIds: readonly string[],
  gefilterd?: { id: string; referentie: string | undefined },
): string {
  const n = leerlingIds.length;
  if (n === 0) return 'Geen';
  if (gefilterd?.referentie !== undefined && leerlingIds.includes(gefilterd.id)) {
    return n === 1 ? gefilterd.referentie : `${gefilterd.referentie} en ${formatNumber(n - 1)} andere`;
  }
  return n === 1 ? '1 leerling' : `${formatNumber(n)} leerlingen`;
}
