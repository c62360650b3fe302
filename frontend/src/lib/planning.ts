import { schooljaarNl } from './tijd';
import type { Activiteitenplan, AmbitieVerslag, Evaluatie, Project, Signaal, VerslagActiviteit } from '../api/types';

/** `2024-2025` → `2025-2026`; null for anything else. */
export function nextSchooljaar(schooljaar: string): string | null {
  const m = /^(\d{4})-(\d{4})$/.exec(schooljaar);
  if (!m) return null;
  return `${Number(m[1]) + 1}-${Number(m[2]) + 1}`;
}

/** The school year a date falls in (a school year starts on 1 August): 15-09-2026 → `2026-2027`. */
export function schooljaarOf(date: Date): string {
  const year = date.getFullYear();
  const start = date.getMonth() >= 7 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/**
 * The plan to show first: the one of the current school year, or else the most recent one
 * before it, or else the earliest one after it.
 */
export function currentPlan<T extends Pick<Activiteitenplan, 'schooljaar'>>(plans: T[], today: Date): T | null {
  const now = schooljaarNl(today);
  const sorted = [...plans].sort((a, b) => b.schooljaar.localeCompare(a.schooljaar));
  return sorted.find((p) => p.schooljaar <= now) ?? sorted[sorted.length - 1] ?? null;
}

/** The ETag of a record read in a list: the API's ETag is its `versie` in quotes. */
export function etagOf(record: { versie: number }): string {
  return `"${record.versie}"`;
}

/** The filters of the plan tree (all optional; kept in the URL). */
export interface TreeFilters {
  ambitieId?: string;
  portefeuilleId?: string;
  projectId?: string;
  /** An evaluation status, or `open` for activities without evaluation. */
  status?: string;
  signaal?: string;
  verantwoordelijkeId?: string;
  q?: string;
}

export const TREE_FILTER_KEYS = [
  'ambitieId',
  'portefeuilleId',
  'projectId',
  'status',
  'signaal',
  'verantwoordelijkeId',
  'q',
] as const;

export function matchesFilters(a: VerslagActiviteit, f: TreeFilters): boolean {
  if (f.ambitieId && a.ambitieId !== f.ambitieId) return false;
  if (f.portefeuilleId && a.portefeuilleId !== f.portefeuilleId) return false;
  if (f.projectId && a.projectId !== f.projectId) return false;
  if (f.status) {
    if (f.status === 'open' ? a.evaluatie != null : a.evaluatie?.status !== f.status) return false;
  }
  if (f.signaal && a.evaluatie?.signaal !== f.signaal) return false;
  if (f.verantwoordelijkeId && a.verantwoordelijkeId !== f.verantwoordelijkeId) return false;
  if (f.q) {
    const q = f.q.trim().toLowerCase();
    if (q && !a.omschrijving.toLowerCase().includes(q)) return false;
  }
  return true;
}

/**
 * The plan tree with the filters applied: ambities in `nummer` order, each with its matching
 * activities. With an activity filter, ambities without a matching activity are left out.
 */
export function filterTree(ambities: AmbitieVerslag[], f: TreeFilters): AmbitieVerslag[] {
  const activityFilter = Boolean(
    f.portefeuilleId || f.projectId || f.status || f.signaal || f.verantwoordelijkeId || f.q?.trim(),
  );
  return [...ambities]
    .sort((a, b) => a.ambitie.nummer - b.ambitie.nummer)
    .filter((a) => !f.ambitieId || a.ambitie.id === f.ambitieId)
    .map((a) => ({ ...a, activiteiten: a.activiteiten.filter((x) => matchesFilters(x, f)) }))
    .filter((a) => !activityFilter || a.activiteiten.length > 0);
}

/** The people responsible for activities in the account, by name. */
export function verantwoordelijken(ambities: AmbitieVerslag[]): { value: string; label: string }[] {
  const byId = new Map<string, string>();
  for (const a of ambities) {
    for (const x of a.activiteiten) if (x.verantwoordelijke) byId.set(x.verantwoordelijke.id, x.verantwoordelijke.naam);
  }
  return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}

export const SIGNALEN: Signaal[] = ['op_koers', 'aandacht', 'risico', 'afgerond'];

/** Projects in the order of their end date (without an end date last), for the timeline. */
export function byEinddatum<T extends Pick<Project, 'einddatum' | 'naam'>>(projects: T[]): T[] {
  return [...projects].sort((a, b) => {
    if (a.einddatum && b.einddatum) return a.einddatum.localeCompare(b.einddatum) || a.naam.localeCompare(b.naam, 'nl');
    if (a.einddatum) return -1;
    if (b.einddatum) return 1;
    return a.naam.localeCompare(b.naam, 'nl');
  });
}

/**
 * Where a project bar starts and ends on a timeline from `from` to `to` (ISO dates), as
 * percentages; a missing start is the start of the timeline, a missing end its end.
 */
export function timelineBar(
  project: Pick<Project, 'startdatum' | 'einddatum'>,
  from: string,
  to: string,
): { left: number; width: number } {
  const t0 = Date.parse(from);
  const span = Math.max(1, Date.parse(to) - t0);
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  const start = clamp((((project.startdatum ? Date.parse(project.startdatum) : t0) - t0) / span) * 100);
  const end = clamp((((project.einddatum ? Date.parse(project.einddatum) : t0 + span) - t0) / span) * 100);
  return { left: start, width: Math.max(1, end - start) };
}

/** `12`, `85,5` or `85.5` → a number; empty → null; anything else → undefined (invalid). */
export function parseResultaat(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** The body of `PUT /activiteiten/{id}/evaluatie` from what was typed (status already checked). */
export function evaluatieInput(draft: {
  status: string;
  resultaat: string;
  toelichting: string;
  signaal: string;
}): Evaluatie {
  return {
    status: draft.status as Evaluatie['status'],
    resultaat: parseResultaat(draft.resultaat) ?? null,
    toelichting: draft.toelichting.trim() || null,
    // `afgerond` too: the API takes it, though the contract's `Signaal` lacks it for now (see api/types.ts).
    signaal: draft.signaal === '' ? null : (draft.signaal as Signaal),
  };
}
