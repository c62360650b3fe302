import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import {
  cancelError,
  checkInError,
  meetingLoadError,
  registrationLoadError,
  registrationSubmitError,
  TOO_MANY,
} from './publiekErrors';

// The mapping goes by status (and invalidParams); the kind of problem does not matter here.
const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiError(
    status,
    { type: 'urn:koers:problem:ongeldig-verzoek', title: 'x', status, detail: '', ...extra },
    new Headers(),
  );

describe('public error mapping', () => {
  it('maps invalidParams to the form fields and keeps unknown names as a general message', () => {
    const out = registrationSubmitError(
      problem(400, {
        invalidParams: [
          { name: 'email', reason: 'geen geldig e-mailadres' },
          { name: 'naam', reason: 'is verplicht' },
          { name: 'telefoon', reason: 'onbekend veld' },
        ],
      }),
    );
    expect(out.fields).toEqual({ email: 'Geen geldig e-mailadres', naam: 'Is verplicht' });
    expect(out.general?.message).toBe('telefoon: onbekend veld');
  });

  it('needs no general message when every reason has its field', () => {
    const out = registrationSubmitError(problem(400, { invalidParams: [{ name: 'functie', reason: 'onbekend' }] }));
    expect(out).toEqual({ fields: { functie: 'Onbekend' }, general: null });
  });

  it('shows why a meeting is closed with the detail of the problem', () => {
    const out = meetingLoadError(problem(410, { detail: 'De aanmeldtermijn is verlopen.' }));
    expect(out).toEqual({ title: 'Aanmelden is gesloten', message: 'De aanmeldtermijn is verlopen.', retry: false });
    expect(registrationSubmitError(problem(410, { detail: 'Geannuleerd.' })).general?.message).toBe('Geannuleerd.');
    expect(cancelError(problem(410)).title).toBe('Afmelden is niet meer mogelijk');
  });

  it('asks to wait after too many registrations from one address', () => {
    expect(registrationSubmitError(problem(429)).general).toEqual({
      title: 'Even geduld',
      message: TOO_MANY,
      retry: true,
    });
    expect(meetingLoadError(problem(429)).message).toBe(TOO_MANY);
  });

  it('tells an unknown link apart from a closed meeting', () => {
    expect(meetingLoadError(problem(404)).title).toBe('Bijeenkomst niet gevonden');
    expect(registrationLoadError(problem(404)).title).toBe('Aanmelding niet gevonden');
    expect(cancelError(problem(404)).title).toBe('Aanmelding niet gevonden');
  });

  it('never tells a participant to sign in', () => {
    expect(meetingLoadError(problem(401)).message).not.toMatch(/aangemeld|Meld u/);
    expect(meetingLoadError(new TypeError('Failed to fetch')).message).toMatch(/niet bereikbaar/);
  });

  it('asks to scan again when a check-in link has expired, and shows why checking in is closed', () => {
    const verlopen = checkInError(
      problem(410, { type: 'urn:koers:problem:link-verlopen', detail: 'Scan de QR-code opnieuw.' }),
    );
    expect(verlopen).toMatchObject({ title: 'Deze link is verlopen', opnieuwScannen: true, retry: false });
    expect(verlopen.message).toBe('Scan de QR-code opnieuw.');
    const dicht = checkInError(
      problem(410, { type: 'urn:koers:problem:gesloten', detail: 'Inchecken kan vanaf 30 minuten voor de start.' }),
    );
    expect(dicht).toMatchObject({
      title: 'Inchecken kan nu niet',
      message: 'Inchecken kan vanaf 30 minuten voor de start.',
      opnieuwScannen: false,
    });
    expect(checkInError(problem(429))).toMatchObject({ title: 'Even geduld', retry: true });
    expect(checkInError(new TypeError('Failed to fetch')).message).toMatch(/niet bereikbaar/);
  });
});
