import { describe, expect, it } from 'vitest';
import { telrijen } from './arrangementen';
import { allesNul, alsAantal, alsTelling, heeftOnderdrukt, isOnderdrukt, rijAantal, som, waarde } from './cijfers';
import { cel } from './monitor';

const weg = { waarde: null, onderdrukt: true } as const;

describe('a count in either shape: a number to staff, an Aantal to a lezer', () => {
  it('reads the same number from both shapes', () => {
    expect(waarde(12)).toBe(12);
    expect(waarde({ waarde: 12 })).toBe(12);
    expect(waarde(0)).toBe(0);
    expect(waarde({ waarde: 0 })).toBe(0);
    expect(alsAantal(7)).toEqual({ waarde: 7 });
    expect(alsAantal({ waarde: 7 })).toEqual({ waarde: 7 });
  });

  it('never turns a withheld count into a number', () => {
    expect(waarde(weg)).toBeNull();
    expect(isOnderdrukt(weg)).toBe(true);
    expect(alsAantal(weg)).toEqual(weg);
    expect(rijAantal(weg)).toBeNull();
    expect(allesNul(weg)).toBe(false);
    // Even a withheld count that carries a number is not read as one.
    expect(waarde({ waarde: 3, onderdrukt: true })).toBeNull();
  });

  it('tells a count that was not sent from a withheld one', () => {
    expect(waarde(undefined)).toBeNull();
    expect(isOnderdrukt(undefined)).toBe(false);
    expect(alsAantal(null)).toEqual({ waarde: null });
    expect(rijAantal(undefined)).toBe(0);
  });

  it('shows either shape in the cell of the monitors: the number, `<5` or a dash', () => {
    expect(cel(1234).tekst).toBe('1.234');
    expect(cel({ waarde: 1234 }).tekst).toBe('1.234');
    expect(cel(weg)).toEqual({ tekst: '<5', onderdrukt: true });
    expect(cel(undefined).tekst).toBe('–');
  });

  it('keeps a withheld count out of the rows, and knows no sum over it', () => {
    const rijen = telrijen(
      { jongen: { waarde: 364 }, anders: weg },
      { jongen: 'Jongen', anders: 'Anders' },
      { jongen: 300 },
    );
    expect(rijen).toEqual([
      { key: 'jongen', label: 'Jongen', aantal: 364, vorigJaar: 300 },
      { key: 'anders', label: 'Anders', aantal: null, vorigJaar: 0 },
    ]);
    expect(som(rijen.map((r) => r.aantal))).toBeNull();
    expect(som([1, 2, 3])).toBe(6);
    expect(alsTelling(null)).toEqual(weg);
    expect(alsTelling(4)).toBe(4);
  });

  it('finds a withheld count anywhere in an answer, and none in a staff answer', () => {
    expect(heeftOnderdrukt({ perWerkgebied: [{ perTrimester: { 1: { waarde: 0 }, 2: weg } }] })).toBe(true);
    expect(heeftOnderdrukt({ totaal: { waarde: 9 }, perSoort: { a: { waarde: 0 } } })).toBe(false);
    expect(heeftOnderdrukt({ totaal: 9, perWerkgebied: [{ naam: 'Bergen', perTrimester: { 1: 2 } }] })).toBe(false);
  });

  it('calls a year empty only when every count is a sure zero', () => {
    expect(allesNul(0, { waarde: 0 })).toBe(true);
    expect(allesNul(0, 1)).toBe(false);
  });
});
