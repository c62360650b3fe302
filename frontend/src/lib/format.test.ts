import { describe, expect, it } from 'vitest';
import {
  aantalMet,
  formatDagMaand,
  formatDecimal,
  formatEuro,
  formatEuroKort,
  formatMaand,
  formatMoney,
  formatPercentage,
  leeftijd,
} from './format';
import { AUDIT_ACTIE_LABELS, GESLACHT_LABELS, leerjaarLabel } from './labels';
import { formatMoment } from './meetingTime';

describe('a peildatum without its year', () => {
  it('shows the day and a short Dutch month', () => {
    expect(formatDagMaand('2022-12-15')).toBe('15 dec');
    expect(formatDagMaand('2023-03-05')).toBe('5 mrt');
    expect(formatDagMaand('2023-13-05')).toBe('');
    expect(formatDagMaand(null)).toBe('');
  });
});

describe('months of birth', () => {
  it('shows a month as a short Dutch month and the year', () => {
    expect(formatMaand('2015-03')).toBe('mrt 2015');
    expect(formatMaand('2015-01')).toBe('jan 2015');
    expect(formatMaand('2015-05')).toBe('mei 2015');
    expect(formatMaand('2015-12')).toBe('dec 2015');
  });

  it('shows nothing for what is not a month', () => {
    expect(formatMaand('2015-13')).toBe('');
    expect(formatMaand('2015-00')).toBe('');
    expect(formatMaand('2015-03-01')).toBe('');
    expect(formatMaand(null)).toBe('');
  });

  it('counts the age by month: a year older from the month of birth on', () => {
    expect(leeftijd('2015-03', '2026-02')).toBe(10);
    expect(leeftijd('2015-03', '2026-03')).toBe(11);
    expect(leeftijd('2015-03', '2026-12-05')).toBe(11);
    expect(leeftijd('2026-12', '2026-12')).toBe(0);
    expect(leeftijd('2027-01', '2026-12')).toBeNull();
    expect(leeftijd('onbekend', '2026-12')).toBeNull();
  });
});

describe('the audit log', () => {
  it('shows a moment in Dutch time to the second', () => {
    expect(formatMoment('2026-12-05T09:12:03Z')).toBe('za 05-12-2026, 10:12:03');
    expect(formatMoment('2026-06-30T22:00:00Z')).toBe('wo 01-07-2026, 00:00:00');
    expect(formatMoment('geen tijdstip')).toBe('');
  });

  it('names every action in Dutch', () => {
    expect(Object.values(AUDIT_ACTIE_LABELS)).toEqual([
      'Bekeken',
      'Geëxporteerd',
      'Aangemaakt',
      'Gewijzigd',
      'Verwijderd',
    ]);
  });
});

describe('labels of a pupil', () => {
  it('calls the year group "groep" in po and "leerjaar" in vo', () => {
    expect(leerjaarLabel('po')).toBe('Groep');
    expect(leerjaarLabel('vo')).toBe('Leerjaar');
    expect(leerjaarLabel(undefined)).toBe('Leerjaar');
  });

  it('names every gender', () => {
    expect(GESLACHT_LABELS).toEqual({ jongen: 'Jongen', meisje: 'Meisje', anders: 'Anders', onbekend: 'Onbekend' });
  });
});

describe('euro amounts', () => {
  it('shows whole euros with Dutch thousands separators', () => {
    expect(formatEuro(188142800)).toBe('€ 1.881.428');
    expect(formatEuro(312000)).toBe('€ 3.120');
    expect(formatEuro(0)).toBe('€ 0');
    expect(formatEuro(-45050)).toBe('-€ 451');
    expect(formatEuro(null)).toBe('');
  });

  it('shows cents only when there are any', () => {
    expect(formatMoney(312000)).toBe('€ 3.120');
    expect(formatMoney(1250)).toBe('€ 12,50');
  });

  it('shortens millions on a chart axis', () => {
    expect(formatEuroKort(1881428)).toBe('€ 1,9 mln');
    expect(formatEuroKort(250000)).toBe('€ 250.000');
    expect(formatEuroKort(0)).toBe('€ 0');
  });

  it('writes percentages and decimals with a comma', () => {
    expect(formatPercentage(69.8)).toBe('69,8%');
    expect(formatPercentage(100)).toBe('100,0%');
    expect(formatPercentage(null)).toBe('');
    expect(formatDecimal(3.45)).toBe('3,5');
    expect(formatDecimal(null)).toBe('–');
  });
});

describe('aantalMet', () => {
  it('speaks of one in the singular and of others in the plural', () => {
    expect(aantalMet(1, 'clients')).toBe('1 client');
    expect(aantalMet(1, 'scholen')).toBe('1 school');
    expect(aantalMet(1, "TLV's")).toBe('1 TLV');
    expect(aantalMet(0, 'scholen')).toBe('0 scholen');
    expect(aantalMet(1250, 'scholen')).toBe('1.250 scholen');
  });
});
