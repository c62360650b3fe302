import { describe, expect, it } from 'vitest';
import {
  datumNl,
  faseVan,
  heeftOpkomst,
  nogTePlannen,
  projectStatusTekst,
  projectVerlopen,
  schooljaarNl,
  toonStatus,
} from './tijd';

const meeting = (over: Partial<{ status: 'gepland' | 'doorgegaan' | 'geannuleerd'; aantalAanwezig: number }> = {}) => ({
  start: '2026-03-10T13:00:00Z',
  eind: '2026-03-10T15:00:00Z',
  status: 'gepland' as const,
  aantalAanwezig: 0,
  ...over,
});

describe('schooljaarNl', () => {
  it('switches on 1 August in Dutch time', () => {
    expect(schooljaarNl(new Date('2026-07-31T12:00:00Z'))).toBe('2025-2026');
    expect(schooljaarNl(new Date('2026-07-31T21:59:59Z'))).toBe('2025-2026');
    // 22:00 UTC on 31 July is midnight on 1 August in Amsterdam (summer time).
    expect(schooljaarNl(new Date('2026-07-31T22:00:00Z'))).toBe('2026-2027');
    expect(schooljaarNl(new Date('2026-08-01T00:00:00Z'))).toBe('2026-2027');
  });

  it('keeps the year over New Year', () => {
    expect(schooljaarNl(new Date('2026-12-31T23:30:00Z'))).toBe('2026-2027');
    expect(schooljaarNl(new Date('2027-01-01T10:00:00Z'))).toBe('2026-2027');
  });
});

describe('datumNl', () => {
  it('is the date in Amsterdam', () => {
    expect(datumNl(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01');
    expect(datumNl(new Date('2026-01-31T22:30:00Z'))).toBe('2026-01-31');
  });
});

describe('faseVan', () => {
  it('is over exactly at the end', () => {
    expect(faseVan(meeting(), new Date('2026-03-10T15:00:00Z'))).toBe('afgelopen');
    expect(faseVan(meeting(), new Date('2026-03-10T14:59:59Z'))).toBe('bezig');
  });

  it('is under way from the start and to come before it', () => {
    expect(faseVan(meeting(), new Date('2026-03-10T13:00:00Z'))).toBe('bezig');
    expect(faseVan(meeting(), new Date('2026-03-10T12:59:59Z'))).toBe('komend');
  });
});

describe('toonStatus', () => {
  const na = new Date('2026-03-11T09:00:00Z');
  const voor = new Date('2026-03-01T09:00:00Z');

  it('asks for attendance once a planned meeting is over', () => {
    expect(toonStatus(meeting(), na)).toBe('afgelopen');
    expect(toonStatus(meeting({ aantalAanwezig: 4 }), na)).toBe('gehouden');
  });

  it('keeps planned, cancelled and held as they are', () => {
    expect(toonStatus(meeting(), voor)).toBe('gepland');
    expect(toonStatus(meeting({ status: 'geannuleerd' }), na)).toBe('geannuleerd');
    expect(toonStatus(meeting({ status: 'doorgegaan' }), voor)).toBe('doorgegaan');
  });
});

describe('nogTePlannen and heeftOpkomst', () => {
  it('closes registrations at the end and shows turnout from the start', () => {
    expect(nogTePlannen(meeting(), new Date('2026-03-10T14:59:00Z'))).toBe(true);
    expect(nogTePlannen(meeting(), new Date('2026-03-10T15:00:00Z'))).toBe(false);
    expect(nogTePlannen(meeting({ status: 'geannuleerd' }), new Date('2026-03-01T00:00:00Z'))).toBe(false);
    expect(heeftOpkomst(meeting(), new Date('2026-03-01T00:00:00Z'))).toBe(false);
    expect(heeftOpkomst(meeting(), new Date('2026-03-10T15:00:00Z'))).toBe(true);
    expect(heeftOpkomst(meeting({ status: 'geannuleerd' }), new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });
});

describe('projectVerlopen', () => {
  it('runs through its end date', () => {
    const p = { einddatum: '2026-07-31', status: 'lopend' };
    expect(projectVerlopen(p, new Date('2026-07-31T21:00:00Z'))).toBe(false);
    expect(projectVerlopen(p, new Date('2026-07-31T22:00:00Z'))).toBe(true);
  });

  it('is never overdue when finished, stopped or without end', () => {
    const na = new Date('2027-01-01T00:00:00Z');
    expect(projectVerlopen({ einddatum: '2026-07-31', status: 'afgerond' }, na)).toBe(false);
    expect(projectVerlopen({ einddatum: '2026-07-31', status: 'gestopt' }, na)).toBe(false);
    expect(projectVerlopen({ einddatum: null, status: 'lopend' }, na)).toBe(false);
  });
});

describe('projectStatusTekst', () => {
  it('adds "verlopen" after the end date', () => {
    const p = { einddatum: '2026-01-31', status: 'lopend' };
    expect(projectStatusTekst(p, 'Lopend', new Date('2026-02-01T12:00:00Z'))).toBe('Lopend — verlopen');
    expect(projectStatusTekst(p, 'Lopend', new Date('2026-01-31T12:00:00Z'))).toBe('Lopend');
  });
});
