import type { AuditActie } from '../api/types';
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

/**
 * What an entry was about, in a word or two, from its path: "Dossier", "Leerling", "Lijst van
 * leerlingen". Paths of other areas are named by their first part until they get words of their own.
 */
export function padOmschrijving(pad: string, actie: AuditActie): string {
  const [area = '', id, sub] = (pad.split('?')[0] ?? '').split('/').filter(Boolean);
  if (area !== 'leerlingen') return area.charAt(0).toUpperCase() + area.slice(1);
  if (sub === 'dossier') return 'Dossier';
  if (id !== undefined) return 'Leerling';
  return actie === 'aanmaken' ? 'Nieuwe leerling' : 'Lijst van leerlingen';
}
