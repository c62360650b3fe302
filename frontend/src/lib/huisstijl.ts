/** The SWV's logo and colour on the pages for participants. */

export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_TYPES = ['image/png', 'image/svg+xml'];

/** Where anyone may read the logo of an SWV. */
export const logoUrl = (swvId: string) => `/api/v1/publiek/samenwerkingsverbanden/${encodeURIComponent(swvId)}/logo`;

/** What is wrong with a chosen file before it is sent, in Dutch; null when nothing is. */
export function logoFout(file: { name: string; type: string; size: number }): string | null {
  const svg = file.type === 'image/svg+xml' || (file.type === '' && file.name.toLowerCase().endsWith('.svg'));
  if (file.type !== 'image/png' && !svg) return 'Kies een PNG- of SVG-bestand.';
  if (file.size > LOGO_MAX_BYTES) {
    const kb = Math.ceil(file.size / 1024);
    return `Dit bestand is ${kb} KB; een logo mag hoogstens 200 KB zijn.`;
  }
  if (file.size === 0) return 'Dit bestand is leeg.';
  return null;
}

function kanaal(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of `#rrggbb` (WCAG 2), or null for anything else. */
export function luminantie(kleur: string): number | null {
  if (!/^#[0-9a-f]{6}$/i.test(kleur)) return null;
  const deel = (i: number) => kanaal(parseInt(kleur.slice(i, i + 2), 16));
  return 0.2126 * deel(1) + 0.7152 * deel(3) + 0.0722 * deel(5);
}

/** The contrast of white text on the colour (1 to 21). */
export function contrastMetWit(kleur: string): number | null {
  const l = luminantie(kleur);
  return l === null ? null : 1.05 / (l + 0.05);
}

/**
 * The accent of the pages for participants: the SWV's colour for the line under the header, and for
 * the buttons only when white text stays readable on it (WCAG AA, 4.5:1); otherwise Koers's own.
 */
export function accent(kleur: string | null | undefined): { lijn: string | null; knoppen: string | null } {
  if (!kleur) return { lijn: null, knoppen: null };
  const contrast = contrastMetWit(kleur);
  if (contrast === null) return { lijn: null, knoppen: null };
  return { lijn: kleur, knoppen: contrast >= 4.5 ? kleur : null };
}
