import { describe, expect, it } from 'vitest';
import {
  bestaandeAanmelding,
  CODE_MIN_MS,
  CODE_VERNIEUWEN_MS,
  codeVernieuwenNa,
  incheckPad,
  lijstPollen,
  LIJST_POLL_MS,
} from './deur';

const nu = Date.parse('2026-10-06T12:30:00Z');
const over = (minuten: number) => new Date(nu + minuten * 60_000).toISOString();

describe('codeVernieuwenNa', () => {
  it('fetches a new code every five minutes while the code lasts a quarter of an hour', () => {
    expect(codeVernieuwenNa(over(15), nu)).toBe(CODE_VERNIEUWEN_MS);
  });

  it('fetches earlier when the code would expire first, two minutes ahead', () => {
    expect(codeVernieuwenNa(over(6), nu)).toBe(4 * 60_000);
    expect(codeVernieuwenNa(over(2.1), nu)).toBe(CODE_MIN_MS);
  });

  it('keeps the rhythm when the device clock says a fresh code has expired', () => {
    expect(codeVernieuwenNa(over(-3), nu)).toBe(CODE_VERNIEUWEN_MS);
    expect(codeVernieuwenNa(over(1), nu)).toBe(CODE_VERNIEUWEN_MS);
  });

  it('falls back to the rhythm without a usable time', () => {
    expect(codeVernieuwenNa(undefined, nu)).toBe(CODE_VERNIEUWEN_MS);
    expect(codeVernieuwenNa('morgen', nu)).toBe(CODE_VERNIEUWEN_MS);
  });
});

describe('lijstPollen', () => {
  it('reads the list every ten seconds while the screen is open and no tap is on its way', () => {
    expect(lijstPollen(true, 0)).toBe(LIJST_POLL_MS);
    expect(lijstPollen(true, 2)).toBe(false);
    expect(lijstPollen(false, 0)).toBe(false);
  });
});

describe('incheckPad', () => {
  it('keeps the path of the public page, whatever the host the API names', () => {
    expect(incheckPad('https://koers.swv.example/incheck/abc.123.xyz')).toBe('/incheck/abc.123.xyz');
    expect(incheckPad('/incheck/abc')).toBe('/incheck/abc');
  });
});

describe('bestaandeAanmelding', () => {
  const items = [
    { id: '1', naam: 'Sanne', email: 'S.deVries@school.example', status: 'aangemeld', aanwezig: null },
    { id: '2', naam: 'Piet', email: 'piet@school.example', status: 'afgemeld', aanwezig: null },
    { id: '3', naam: 'Piet', email: 'piet@school.example', status: 'wachtlijst', aanwezig: null },
  ];

  it('finds the registration by address, whatever the case, skipping cancelled ones', () => {
    expect(bestaandeAanmelding(items, ' s.devries@SCHOOL.example ')).toEqual({
      soort: 'aangemeld',
      id: '1',
      naam: 'Sanne',
      aanwezig: false,
    });
    expect(bestaandeAanmelding(items, 'piet@school.example')).toEqual({ soort: 'wachtlijst', id: '3', naam: 'Piet' });
    expect(bestaandeAanmelding(items, 'niemand@school.example')).toEqual({ soort: 'onbekend' });
  });
});
