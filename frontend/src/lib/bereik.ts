/** The reach of meetings over the schools of an SWV: tiles per schoolbestuur and their colours. */

export interface ReachSchool {
  id: string;
  naam: string;
  schoolbestuurId: string;
  schoolbestuurNaam: string;
  aanwezig: number;
}

export interface TileGroup<S extends ReachSchool> {
  id: string;
  naam: string;
  schools: S[];
  reached: number;
}

/**
 * The schools per schoolbestuur: boards by name, and within a board the schools by name (a fixed
 * place for each tile, so two school years can be compared by eye).
 */
export function groupBySchoolbestuur<S extends ReachSchool>(schools: readonly S[]): TileGroup<S>[] {
  const groups = new Map<string, TileGroup<S>>();
  for (const s of schools) {
    let g = groups.get(s.schoolbestuurId);
    if (!g) {
      g = { id: s.schoolbestuurId, naam: s.schoolbestuurNaam, schools: [], reached: 0 };
      groups.set(s.schoolbestuurId, g);
    }
    g.schools.push(s);
    if (s.aanwezig > 0) g.reached += 1;
  }
  const byName = (a: { naam: string }, b: { naam: string }) => a.naam.localeCompare(b.naam, 'nl');
  return [...groups.values()].sort(byName).map((g) => ({ ...g, schools: [...g.schools].sort(byName) }));
}

export interface ReachShade {
  /** The legend text of the step, e.g. `3-5 aanwezig`. */
  label: string;
  background: string;
  color: string;
  /** Not reached: a dashed border and the words "niet bereikt", not colour alone. */
  notReached: boolean;
}

// Light to dark blue; white text from the fourth step, every pair above 4.5:1.
const NOT_REACHED = {
  min: 0,
  label: 'Niet bereikt (0)',
  background: '#ffffff',
  color: '#495057',
  notReached: true,
};

export const REACH_SCALE: readonly (ReachShade & { min: number })[] = [
  NOT_REACHED,
  { min: 1, label: '1-2 aanwezig', background: '#d3e2f1', color: '#163a5c', notReached: false },
  { min: 3, label: '3-5 aanwezig', background: '#a7c4e3', color: '#163a5c', notReached: false },
  { min: 6, label: '6-10 aanwezig', background: '#2b6cb3', color: '#ffffff', notReached: false },
  { min: 11, label: 'Meer dan 10 aanwezig', background: '#163a5c', color: '#ffffff', notReached: false },
];

/** The step of the colour scale for a number of participants present. */
export function reachShade(aanwezig: number): ReachShade {
  return REACH_SCALE.findLast((step) => aanwezig >= step.min) ?? NOT_REACHED;
}

/** `12 van 40 scholen bereikt (30%)`. */
export function reachSentence(reached: number, total: number): string {
  if (total === 0) return 'Geen scholen';
  const pct = Math.round((reached / total) * 100);
  return `${reached} van ${total} ${total === 1 ? 'school' : 'scholen'} bereikt (${pct}%)`;
}
