import { describe, expect, it } from 'vitest';
import type { AmbitieVerslag, Telling, VerslagActiviteit } from '../api/types';
import {
  byEinddatum,
  currentPlan,
  etagOf,
  evaluatieInput,
  filterTree,
  nextSchooljaar,
  parseResultaat,
  schooljaarOf,
  timelineBar,
  verantwoordelijken,
} from './planning';

const telling: Telling = {
  aantal: 0,
  geevalueerd: 0,
  perStatus: { uitgevoerd: 0, deels: 0, niet_uitgevoerd: 0, doorgeschoven: 0 },
  perSignaal: { op_koers: 0, aandacht: 0, risico: 0, afgerond: 0 },
};

function act(id: string, ambitieId: string, extra: Partial<VerslagActiviteit> = {}): VerslagActiviteit {
  return {
    id,
    activiteitenplanId: 'p',
    ambitieId,
    omschrijving: `Activiteit ${id}`,
    soort: 'gepland',
    createdAt: '2026-09-15T10:00:00Z',
    updatedAt: '2026-09-15T10:00:00Z',
    versie: 1,
    ...extra,
  };
}

function amb(id: string, nummer: number, activiteiten: VerslagActiviteit[]): AmbitieVerslag {
  return { ambitie: { id, nummer, titel: `Ambitie ${nummer}`, doelstelling: '' }, activiteiten, telling };
}

const tree = [
  amb('a2', 2, [
    act('x3', 'a2', {
      verantwoordelijkeId: 'u2',
      verantwoordelijke: { id: 'u2', naam: 'Jeroen Bakker' },
      evaluatie: { status: 'deels', signaal: 'risico' },
    }),
  ]),
  amb('a1', 1, [
    act('x1', 'a1', {
      verantwoordelijkeId: 'u1',
      verantwoordelijke: { id: 'u1', naam: 'Sanne de Wit' },
      evaluatie: { status: 'uitgevoerd', signaal: 'op_koers' },
      projectId: 'hdt',
    }),
    act('x2', 'a1', { portefeuilleId: 'pf' }),
  ]),
  amb('a3', 3, []),
];

describe('school years', () => {
  it('gives the next school year', () => {
    expect(nextSchooljaar('2024-2025')).toBe('2025-2026');
    expect(nextSchooljaar('2024')).toBeNull();
  });
  it('knows the school year of a date (from 1 August)', () => {
    expect(schooljaarOf(new Date(2026, 8, 15))).toBe('2026-2027');
    expect(schooljaarOf(new Date(2026, 6, 31))).toBe('2025-2026');
  });
  it('picks the current plan, else the most recent before, else the first after', () => {
    const plans = [{ schooljaar: '2022-2023' }, { schooljaar: '2024-2025' }, { schooljaar: '2030-2031' }];
    expect(currentPlan(plans, new Date(2026, 8, 15))?.schooljaar).toBe('2024-2025');
    expect(currentPlan([{ schooljaar: '2030-2031' }], new Date(2026, 8, 15))?.schooljaar).toBe('2030-2031');
    expect(currentPlan([], new Date())).toBeNull();
  });
});

describe('the plan tree', () => {
  it('orders ambities by nummer and keeps empty ones without filters', () => {
    expect(filterTree(tree, {}).map((a) => a.ambitie.nummer)).toEqual([1, 2, 3]);
  });
  it('filters activities and drops ambities without a match', () => {
    const r = filterTree(tree, { signaal: 'risico' });
    expect(r.map((a) => a.ambitie.id)).toEqual(['a2']);
    expect(filterTree(tree, { status: 'open' }).flatMap((a) => a.activiteiten.map((x) => x.id))).toEqual(['x2']);
    expect(filterTree(tree, { verantwoordelijkeId: 'u1', projectId: 'hdt' })[0]?.activiteiten).toHaveLength(1);
    expect(filterTree(tree, { portefeuilleId: 'pf' })[0]?.activiteiten.map((x) => x.id)).toEqual(['x2']);
    expect(filterTree(tree, { q: 'activiteit X3' }).map((a) => a.ambitie.id)).toEqual(['a2']);
  });
  it('filters on one ambitie, also when it has no activities', () => {
    expect(filterTree(tree, { ambitieId: 'a3' }).map((a) => a.ambitie.id)).toEqual(['a3']);
  });
  it('lists the people responsible by name', () => {
    expect(verantwoordelijken(tree)).toEqual([
      { value: 'u2', label: 'Jeroen Bakker' },
      { value: 'u1', label: 'Sanne de Wit' },
    ]);
  });
});

describe('evaluation input', () => {
  it('parses a result with a decimal comma', () => {
    expect(parseResultaat('85,5')).toBe(85.5);
    expect(parseResultaat(' 12 ')).toBe(12);
    expect(parseResultaat('')).toBeNull();
    expect(parseResultaat('veel')).toBeUndefined();
  });
  it('builds the PUT body', () => {
    expect(evaluatieInput({ status: 'deels', resultaat: '3', toelichting: '  ', signaal: '' })).toEqual({
      status: 'deels',
      resultaat: 3,
      toelichting: null,
      signaal: null,
    });
    expect(etagOf({ versie: 4 })).toBe('"4"');
  });
});

describe('the project timeline', () => {
  it('sorts by end date, projects without one last', () => {
    const r = byEinddatum([
      { naam: 'Zonder', einddatum: null },
      { naam: 'HDT', einddatum: '2026-02-28' },
      { naam: 'Rekenen', einddatum: '2025-07-31' },
    ]);
    expect(r.map((p) => p.naam)).toEqual(['Rekenen', 'HDT', 'Zonder']);
  });
  it('places a bar on the period', () => {
    expect(timelineBar({ startdatum: '2024-01-01', einddatum: '2025-01-01' }, '2024-01-01', '2026-01-01')).toEqual({
      left: 0,
      width: expect.closeTo(50, 0) as number,
    });
    const open = timelineBar({ startdatum: null, einddatum: null }, '2024-01-01', '2026-01-01');
    expect(open).toEqual({ left: 0, width: 100 });
  });
});
