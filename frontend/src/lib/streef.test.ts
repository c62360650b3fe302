import { describe, expect, it } from 'vitest';
import { mapInvalidParams } from './formErrors';
import {
  resultaatTekst,
  STREEF_ALIASES,
  streefInvoer,
  streefTekst,
  streefWaardeFout,
  streefWaarden,
  voorstelNotitie,
  waardeTekst,
} from './streef';

describe('the target of an activity', () => {
  it('reads as a short sign and value', () => {
    expect(streefTekst({ richting: 'minimaal', waarde: 60, eenheid: 'percentage' })).toBe('≥ 60 %');
    expect(streefTekst({ richting: 'maximaal', waarde: 3, eenheid: 'aantal' })).toBe('≤ 3');
    expect(waardeTekst(68.44, 'percentage')).toBe('68,4 %');
    expect(waardeTekst(1500, 'aantal')).toBe('1.500');
  });

  it('explains the proposed evaluation', () => {
    expect(
      voorstelNotitie(
        { resultaat: 68, signaal: 'op_koers' },
        { richting: 'minimaal', waarde: 60, eenheid: 'percentage' },
      ),
    ).toBe('Voorstel van Koers: 68 % gemeten bij streef ≥ 60 %');
    expect(resultaatTekst(68.44)).toBe('68,4');
    expect(resultaatTekst(112)).toBe('112');
  });

  it('goes to and from the form, no direction being no target', () => {
    const streef = { richting: 'minimaal' as const, waarde: 60, eenheid: 'percentage' as const };
    expect(streefInvoer(streefWaarden(streef))).toEqual(streef);
    expect(streefInvoer(streefWaarden(null))).toBeNull();
    expect(streefInvoer({ streefRichting: 'maximaal', streefWaarde: '3', streefEenheid: 'aantal' })).toEqual({
      richting: 'maximaal',
      waarde: 3,
      eenheid: 'aantal',
    });
  });

  it('asks for a value with a direction, and at most 100 percent', () => {
    expect(streefWaardeFout({ streefRichting: null, streefWaarde: '', streefEenheid: 'aantal' })).toBeNull();
    expect(streefWaardeFout({ streefRichting: 'minimaal', streefWaarde: '', streefEenheid: 'aantal' })).toMatch(
      /Vul de streefwaarde in/,
    );
    expect(streefWaardeFout({ streefRichting: 'minimaal', streefWaarde: 120, streefEenheid: 'percentage' })).toBe(
      'Een percentage is hoogstens 100',
    );
    expect(streefWaardeFout({ streefRichting: 'minimaal', streefWaarde: 120, streefEenheid: 'aantal' })).toBeNull();
  });
});

describe("the API's refusal of a target", () => {
  it('is shown at the field of its value', () => {
    const velden = ['omschrijving', 'streefRichting', 'streefWaarde', 'streefEenheid'];
    expect(
      mapInvalidParams(
        [
          { name: 'streef.waarde', reason: 'is verplicht' },
          { name: 'streef', reason: 'is een percentage: hoogstens 100' },
        ],
        velden,
        {},
        STREEF_ALIASES,
      ),
    ).toEqual({ fields: { streefWaarde: 'Is verplicht; is een percentage: hoogstens 100' }, other: [] });
  });
});
