import type { InvalidParam } from '../api/problem';

export interface MappedErrors {
  /** Per form field (Mantine form paths: `naam`, `financiering.0.bron`). */
  fields: Record<string, string>;
  /** Reasons for names that are not fields of the form, as sentences. */
  other: string[];
}

function sentence(reason: string): string {
  const trimmed = reason.trim();
  return trimmed.charAt(0).toLocaleUpperCase('nl-NL') + trimmed.slice(1);
}

/** `financiering[0].bron` → `financiering.0.bron`. */
export function toFormPath(name: string): string {
  return name.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Spreads the API's `invalidParams` over the fields of a form. Several reasons for one field are
 * joined; a name that is not a field (or a nested path of one) becomes a general message.
 * `labels` names fields in the general messages (e.g. `samenwerkingsverbandId` → `Samenwerkingsverband`).
 */
export function mapInvalidParams(
  params: readonly InvalidParam[],
  fields: readonly string[],
  labels: Record<string, string> = {},
  /** The form field of an API name, where they differ (`start` → `begintijd`). */
  aliases: Record<string, string> = {},
): MappedErrors {
  const collected = new Map<string, string[]>();
  const other: string[] = [];
  const known = new Set(fields);
  for (const { name, reason } of params) {
    const path = toFormPath(aliases[name] ?? name);
    const root = path.split('.')[0] ?? path;
    if (known.has(path) || known.has(root)) {
      const key = known.has(path) ? path : root;
      const list = collected.get(key) ?? [];
      if (!list.includes(reason)) list.push(reason);
      collected.set(key, list);
    } else {
      other.push(`${labels[name] ?? name}: ${reason}`);
    }
  }
  const out: Record<string, string> = {};
  for (const [key, reasons] of collected) out[key] = sentence(reasons.join('; '));
  return { fields: out, other };
}
