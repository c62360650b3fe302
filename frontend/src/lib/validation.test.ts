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
