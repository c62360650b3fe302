import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import {
  accountErrorMessage,
  berichtVerstuurd,
  herhaling,
  isLinkVerlopen,
  nieuwWachtwoord,
  teVeelMessage,
} from './account';

const problem = (status: number, detail: string, type = 'urn:koers:problem:validatie') =>
  ({ type, title: 't', status, detail }) as never;

describe('too many attempts', () => {
  it("says the API's own sentence, which names the wait", () => {
    const e = new ApiError(
      429,
      problem(429, 'Te veel aanvragen voor een nieuw wachtwoord. Probeer het over 12 minuten opnieuw.'),
      new Headers(),
    );
    expect(teVeelMessage(e)).toBe('Te veel aanvragen voor een nieuw wachtwoord. Probeer het over 12 minuten opnieuw.');
    expect(accountErrorMessage(e)).toContain('12 minuten');
  });

  it('falls back on Retry-After, in whole minutes', () => {
    const e = new ApiError(429, null, new Headers({ 'Retry-After': '61' }));
    expect(teVeelMessage(e, 'aanvragen')).toBe('Te veel aanvragen; probeer het over 2 minuten opnieuw.');
    expect(teVeelMessage(new ApiError(429, null, new Headers()))).toBe('Te veel pogingen; probeer het later opnieuw.');
  });

  it('leaves other errors to the usual messages', () => {
    expect(accountErrorMessage(new ApiError(503, null, new Headers()))).toMatch(/tijdelijk niet beschikbaar/);
  });
});

describe('a link to choose a password', () => {
  it('is over on 410 (expired, used or unknown) and on 404', () => {
    expect(isLinkVerlopen(new ApiError(410, problem(410, 'x', 'urn:koers:problem:link-verlopen'), new Headers()))).toBe(
      true,
    );
    expect(isLinkVerlopen(new ApiError(404, null, new Headers()))).toBe(true);
    expect(isLinkVerlopen(new ApiError(500, null, new Headers()))).toBe(false);
    expect(isLinkVerlopen(new TypeError('offline'))).toBe(false);
  });
});

describe('a new password and its repetition', () => {
  it('asks for one of at least 12 characters', () => {
    expect(nieuwWachtwoord('')).toBe('Kies een nieuw wachtwoord');
    expect(nieuwWachtwoord('kort')).toBe('Wachtwoord moet minstens 12 tekens lang zijn');
    expect(nieuwWachtwoord('x'.repeat(257))).toBe('Wachtwoord mag hoogstens 256 tekens lang zijn');
    expect(nieuwWachtwoord('paard-kerkklok-fietsbel')).toBeNull();
  });

  it('wants the same password twice', () => {
    expect(herhaling('', 'paard-kerkklok-fietsbel')).toBe('Herhaal het nieuwe wachtwoord');
    expect(herhaling('paard-kerkklok-fietsbeL', 'paard-kerkklok-fietsbel')).toBe(
      'De twee wachtwoorden zijn niet gelijk',
    );
    expect(herhaling('paard-kerkklok-fietsbel', 'paard-kerkklok-fietsbel')).toBeNull();
  });
});

describe('the notification after a message to participants', () => {
  it('counts in Dutch, singular and plural', () => {
    expect(berichtVerstuurd(1)).toBe('Bericht verstuurd aan 1 deelnemer');
    expect(berichtVerstuurd(2)).toBe('Bericht verstuurd aan 2 deelnemers');
    expect(berichtVerstuurd(1250)).toBe('Bericht verstuurd aan 1.250 deelnemers');
    expect(berichtVerstuurd(0)).toMatch(/^Niemand ontvangt dit bericht/);
  });
});

describe("the API's reasons at the fields", () => {
  it('picks the fields of the form, as sentences', async () => {
    const { fieldErrors } = await import('./account');
    const e = new ApiError(
      400,
      {
        type: 'urn:koers:problem:validatie',
        title: 't',
        status: 400,
        detail: 'd',
        invalidParams: [
          { name: 'nieuw', reason: 'Dit wachtwoord is te makkelijk te raden' },
          { name: 'huidig', reason: 'is niet uw huidige wachtwoord' },
        ],
      } as never,
      new Headers(),
    );
    expect(fieldErrors(e, ['huidig', 'nieuw'])).toEqual({
      nieuw: 'Dit wachtwoord is te makkelijk te raden',
      huidig: 'Is niet uw huidige wachtwoord',
    });
    expect(fieldErrors(e, ['naam'])).toEqual({});
    expect(fieldErrors(new TypeError('offline'), ['naam'])).toEqual({});
  });
});
