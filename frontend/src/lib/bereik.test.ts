import { describe, expect, it } from 'vitest';
import { groupBySchoolbestuur, REACH_SCALE, reachSentence, reachShade } from './bereik';

const school = (naam: string, bestuur: string, aanwezig: number) => ({
  id: naam,
  naam,
  schoolbestuurId: bestuur,
  schoolbestuurNaam: `Bestuur ${bestuur}`,
  aanwezig,
});

describe('groupBySchoolbestuur', () => {
  it('groups the tiles per board, boards and schools by name, and counts the schools reached', () => {
    const groups = groupBySchoolbestuur([
      school('Zonnewijzer', 'B', 4),
      school('Anne Frank', 'A', 0),
      school('Bavo', 'B', 0),
      school('Ark', 'A', 12),
      school('Évangelie', 'A', 1),
    ]);
    expect(groups.map((g) => [g.naam, g.schools.map((s) => s.naam), g.reached])).toEqual([
      ['Bestuur A', ['Anne Frank', 'Ark', 'Évangelie'], 2],
      ['Bestuur B', ['Bavo', 'Zonnewijzer'], 1],
    ]);
  });

  it('gives no groups for no schools', () => {
    expect(groupBySchoolbestuur([])).toEqual([]);
  });
});

describe('reachShade', () => {
  it('marks zero as not reached and steps up with the number present', () => {
    expect(reachShade(0).notReached).toBe(true);
    expect(reachShade(0).label).toMatch(/Niet bereikt/);
    expect([1, 2, 3, 5, 6, 10, 11, 250].map((n) => reachShade(n).label)).toEqual([
      '1-2 aanwezig',
      '1-2 aanwezig',
      '3-5 aanwezig',
      '3-5 aanwezig',
      '6-10 aanwezig',
      '6-10 aanwezig',
      'Meer dan 10 aanwezig',
      'Meer dan 10 aanwezig',
    ]);
  });

  it('keeps every text colour readable on its tile (WCAG AA, 4.5:1)', () => {
    const luminance = (hex: string) => {
      const channel = (i: number) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    };
    for (const step of REACH_SCALE) {
      const a = luminance(step.background);
      const b = luminance(step.color);
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), step.label).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('reachSentence', () => {
  it('says how many schools were reached', () => {
    expect(reachSentence(12, 40)).toBe('12 van 40 scholen bereikt (30%)');
    expect(reachSentence(1, 1)).toBe('1 van 1 school bereikt (100%)');
    expect(reachSentence(0, 0)).toBe('Geen scholen');
  });
});
