import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/problem';
import { signInErrorMessage } from '../auth/signInError';
import { formatDate, formatMoney, formatNumber, formatWaitMinutes } from './format';
import * as v from './validation';

describe('validation mirrors the API rules', () => {
  it('BRIN: 2 digits, 2 capitals, optional 2-digit location', () => {
    expect(v.brin('12AB')).toBeNull();
    expect(v.brin('12AB00')).toBeNull();
    expect(v.brin('12ab00')).not.toBeNull();
    expect(v.brin('12AB0')).not.toBeNull();
    expect(v.brin('')).toBe('BRIN is verplicht');
  });

  it('bevoegd-gezagnummer 5 digits, CBS code 4 digits', () => {
    expect(v.bevoegdGezagNummer('41590')).toBeNull();
    expect(v.bevoegdGezagNummer('4159')).not.toBeNull();
    expect(v.cbsCode('0392')).toBeNull();
    expect(v.cbsCode('392')).not.toBeNull();
  });

  it('SWV code: PO/VO and 4 digits, prefix matching the sector', () => {
    expect(v.swvCode('PO2703', 'po')).toBeNull();
    expect(v.swvCode('PO2703', 'vo')).toBe('De code van een VO-samenwerkingsverband begint met VO');
    expect(v.swvCode('XO2703', null)).not.toBeNull();
  });

  it('TLV decision term: whole days from 1 to 42, as the law allows', () => {
    expect(v.minimumSchoolcontacten(0)).toBeNull();
    expect(v.minimumSchoolcontacten('3')).toBeNull();
    expect(v.minimumSchoolcontacten(53)).toBe('Minimum schoolcontacten: een heel aantal van 0 tot 52 per jaar');
    expect(v.minimumSchoolcontacten(2.5)).not.toBeNull();
    expect(v.minimumSchoolcontacten('')).toMatch(/verplicht/);
    expect(v.beslistermijn(42)).toBeNull();
    expect(v.beslistermijn('28')).toBeNull();
    expect(v.beslistermijn(43)).toBe('Beslistermijn: een heel aantal dagen van 1 tot 42');
    expect(v.beslistermijn(0)).not.toBeNull();
    expect(v.beslistermijn(10.5)).not.toBeNull();
    expect(v.beslistermijn('')).toBe('Beslistermijn is verplicht');
  });

  it('peildata: 1-12 distinct real days as MM-DD', () => {
    expect(v.peildata(['09-15', '12-15', '03-15', '06-15'])).toBeNull();
    expect(v.peildata(['02-29'])).toBeNull();
    expect(v.peildata([])).toBe('Peildata: ten minste één dag');
    expect(v.peildata(['04-31'])).toBe("Peildata: '04-31' is geen dag in de vorm MM-DD (bijv. 03-15)");
    expect(v.peildata(['3-15'])).not.toBeNull();
    expect(v.peildata(['03-15', '03-15'])).toBe('Peildata: elke dag één keer');
  });

  it('password: at least 12 characters, optional when changing a user', () => {
    expect(v.password('kort', false)).toBe('Wachtwoord moet minstens 12 tekens lang zijn');
    expect(v.password('', false)).toBe('Wachtwoord is verplicht');
    expect(v.password('', true)).toBeNull();
    expect(v.password('twaalf-tekens', false)).toBeNull();
  });

  it('names and required choices', () => {
    expect(v.name('Naam')('   ')).toBe('Naam is verplicht');
    expect(v.name('Naam')('x'.repeat(201))).toBe('Naam mag hoogstens 200 tekens lang zijn');
    expect(v.required('Soort')(null)).toBe('Soort is verplicht');
    expect(v.required('Recht')([])).toBe('Kies minstens één recht');
    expect(v.leerlingaantal('')).toBeNull();
    expect(v.leerlingaantal(-1)).not.toBeNull();
  });
});

describe('Dutch formatting', () => {
  it('dates as 15-09-2026, numbers and money the Dutch way', () => {
    expect(formatDate('2026-09-15')).toBe('15-09-2026');
    expect(formatNumber(1881428)).toBe('1.881.428');
    expect(formatMoney(188142800)).toBe('€ 1.881.428');
    expect(formatMoney(1250)).toBe('€ 12,50');
  });

  it('the wait of a Retry-After in whole minutes', () => {
    expect(formatWaitMinutes(1)).toBe('1 minuut');
    expect(formatWaitMinutes(60)).toBe('1 minuut');
    expect(formatWaitMinutes(61)).toBe('2 minuten');
    expect(formatWaitMinutes(900)).toBe('15 minuten');
  });

  it('sign-in errors: wrong credentials and throttling', () => {
    const headers = new Headers({ 'Retry-After': '840' });
    expect(signInErrorMessage(new ApiError(429, null, headers))).toBe(
      'Te veel pogingen; probeer het over 14 minuten opnieuw.',
    );
    expect(signInErrorMessage(new ApiError(401, null, new Headers()))).toBe(
      'Het e-mailadres of het wachtwoord klopt niet.',
    );
    expect(signInErrorMessage(new TypeError('Failed to fetch'))).toContain('niet bereikbaar');
  });
});

describe('a pupil as the API checks it', () => {
  it('recognises a BSN by the eleven-test, as rules::is_bsn', () => {
    // 111222333: 9+8+7+12+10+8+9+6 - 3 = 66, divisible by 11.
    expect(v.isBsn('111222333')).toBe(true);
    expect(v.isBsn('111.222.333')).toBe(true);
    expect(v.isBsn('1112-22 333')).toBe(true);
    // Eight digits are padded: 12345672 is 012345672.
    expect(v.isBsn('12345672')).toBe(true);
    expect(v.isBsn('111222334')).toBe(false);
    expect(v.isBsn('1234567')).toBe(false);
    expect(v.isBsn('LL-2024-0001')).toBe(false);
    expect(v.isBsn('1112223330')).toBe(false);
    expect(v.isBsn('')).toBe(false);
  });

  it('refuses a referentie that looks like a BSN, and says what to use instead', () => {
    expect(v.referentie('111222333')).toBe('Dit lijkt een BSN; gebruik de referentie van het samenwerkingsverband');
    expect(v.referentie('111.222.333')).toBe('Dit lijkt een BSN; gebruik de referentie van het samenwerkingsverband');
    expect(v.referentie('NK-2024-0117')).toBeNull();
    // Nine digits that fail the eleven-test are a fine key.
    expect(v.referentie('111222334')).toBeNull();
  });

  it('asks for a referentie of 1-40 characters on one line, without spaces around it', () => {
    expect(v.referentie('')).toBe('Referentie is verplicht');
    expect(v.referentie('   ')).toBe('Referentie is verplicht');
    expect(v.referentie('x'.repeat(40))).toBeNull();
    expect(v.referentie('x'.repeat(41))).toBe('Referentie mag hoogstens 40 tekens lang zijn');
    // Characters, not UTF-16 units: 40 emoji are 40 characters.
    expect(v.referentie('😀'.repeat(40))).toBeNull();
    expect(v.referentie(' NK-1')).toBe('Referentie mag niet met een spatie beginnen of eindigen');
    expect(v.referentie('NK-1 ')).toBe('Referentie mag niet met een spatie beginnen of eindigen');
    expect(v.referentie('NK\n1')).toBe('Referentie moet op één regel staan');
    expect(v.referentie('NK\u202E1')).not.toBeNull();
  });

  it('takes a month of birth from 25 years back up to this month', () => {
    expect(v.geboortemaandBereik('2026-12')).toEqual({ van: '2001-12', tot: '2026-12' });
    expect(v.geboortemaandBereik('2026-01')).toEqual({ van: '2001-01', tot: '2026-01' });
    expect(v.geboortemaand('2015-03', '2026-12')).toBeNull();
    expect(v.geboortemaand('2026-12', '2026-12')).toBeNull();
    expect(v.geboortemaand('2001-12', '2026-12')).toBeNull();
    expect(v.geboortemaand('2027-01', '2026-12')).toBe('Geboortemaand ligt in de toekomst');
    expect(v.geboortemaand('2001-11', '2026-12')).toBe('Geboortemaand ligt meer dan 25 jaar terug');
    expect(v.geboortemaand(null, '2026-12')).toBe('Geboortemaand is verplicht');
    expect(v.geboortemaand('2015-13', '2026-12')).toBe('Geboortemaand: een maand als 2015-03');
  });

  it('allows groep 1-8 in po and leerjaar 1-6 in vo, or nothing', () => {
    expect(v.leerjaar('', 'po')).toBeNull();
    expect(v.leerjaar(null, 'vo')).toBeNull();
    expect(v.leerjaar(8, 'po')).toBeNull();
    expect(v.leerjaar(9, 'po')).toBe('Groep: 1 tot en met 8 (primair onderwijs)');
    expect(v.leerjaar(0, 'po')).toBe('Groep: 1 tot en met 8 (primair onderwijs)');
    expect(v.leerjaar(6, 'vo')).toBeNull();
    expect(v.leerjaar('7', 'vo')).toBe('Leerjaar: 1 tot en met 6 (voortgezet onderwijs)');
    expect(v.leerjaar(2.5, 'vo')).not.toBeNull();
    // Before the sector is known, the widest range.
    expect(v.leerjaar(8, undefined)).toBeNull();
    expect(v.leerjaar(9, undefined)).toBe('Leerjaar: 1 tot en met 8');
    expect(v.leerjaarBereik('vo')).toBe(6);
  });
});
