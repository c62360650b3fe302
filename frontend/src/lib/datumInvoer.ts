/**
 * A date as a Dutch user types it: `15-9-2026`, `15/09/2026`, `15.09.2026`, `15 september 2026`,
 * or the API's `2026-09-15` → `2026-09-15`; null for anything else or a day that does not exist.
 */
/** The months in Dutch, January first. */
export const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

function iso(jaar: number, maand: number, dag: number): string | null {
  if (jaar < 1900 || jaar > 2200 || maand < 1 || maand > 12 || dag < 1) return null;
  const laatste = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
  if (dag > laatste) return null;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

export function leesDatum(tekst: string): string | null {
  const t = tekst.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const woord = m[2] ?? '';
    const maand = woord.length >= 3 ? MAANDEN.findIndex((naam) => naam.startsWith(woord)) : -1;
    return maand < 0 ? null : iso(Number(m[3]), maand + 1, Number(m[1]));
  }
  return null;
}
