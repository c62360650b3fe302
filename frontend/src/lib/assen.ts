/**
 * Readable ticks for a chart axis from zero: steps of 1, 2 or 5 times a power of ten (2,5 too for
 * rates), about `aantal` of them, whole numbers for counts. The last tick is at or above the
 * highest value.
 */
export function netteTicks(
  max: number,
  { aantal = 5, heel = true }: { aantal?: number; heel?: boolean } = {},
): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const ruw = top / Math.max(1, aantal - 1);
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const factoren = heel ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let stap = factoren.map((f) => f * macht).find((s) => s >= ruw) ?? 10 * macht;
  if (heel) stap = Math.max(1, Math.ceil(stap));
  const ticks: number[] = [];
  for (let t = 0; t < top + stap / 2 && ticks.length < 50; t += stap) ticks.push(Math.round(t * 1000) / 1000);
  if ((ticks[ticks.length - 1] ?? 0) < top) ticks.push(Math.round(ticks.length * stap * 1000) / 1000);
  return ticks;
}

const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** A tick as a Dutch number, at most one decimal: `2,5`, `1.200`. */
export function tickGetal(value: unknown): string {
  return typeof value === 'number' ? getal.format(value) : String(value);
}

/** A tick as a percentage without long decimals: `12,5%`. */
export function tickProcent(value: unknown): string {
  return typeof value === 'number' ? `${getal.format(value)}%` : String(value);
}

/** The axis props of a count axis: whole, readable ticks up to the highest value. */
export function telAsProps(waarden: number[]) {
  const ticks = netteTicks(Math.max(0, ...waarden));
  return { ticks, domain: [0, ticks[ticks.length - 1] ?? 1], allowDecimals: false, tickFormatter: tickGetal };
}

/** The axis props of an axis of rates (per 100 leerlingen) or percentages: rounded ticks. */
export function decimaalAsProps(waarden: number[], procent = false) {
  const ticks = netteTicks(Math.max(0, ...waarden), { heel: false });
  return { ticks, domain: [0, ticks[ticks.length - 1] ?? 1], tickFormatter: procent ? tickProcent : tickGetal };
}
