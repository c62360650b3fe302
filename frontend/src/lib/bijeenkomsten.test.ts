import { describe, expect, it } from 'vitest';
import type { Bijeenkomst } from '../api/types';
import {
  bijeenkomstFouten,
  formatStart,
  herhalingFouten,
  herinneringLabel,
  herinneringOpties,
  importFouten,
  importMediaType,
  invoerVan,
  LEGE_BIJEENKOMST,
  localParts,
  maandBereik,
  maandenVanSchooljaar,
  maandRaster,
  metAanwezig,
  naamPast,
  perDag,
  presentieTelling,
  reeksDatums,
  schooljaarKeuzes,
  streefKeuzeOf,
  streefVelden,
  toTimestamp,
  vandaagNl,
  verschuifMaand,
  waardenVan,
  type BijeenkomstWaarden,
} from './bijeenkomsten';

/** A Dutch wall-clock time as UTC: CEST (+2) from the end of March to the end of October, else CET (+1). */
const local = (y: number, m: number, d: number, h: number, min: number) => {
  const summer = m > 3 && m < 11;
  return new Date(Date.UTC(y, m - 1, d, h - (summer ? 2 : 1), min)).toISOString().replace('.000Z', 'Z');
};

const geldig: BijeenkomstWaarden = {
  ...LEGE_BIJEENKOMST,
  titel: 'IB-netwerk Haarlem',
  soort: 'ib_netwerk',
  datum: '2026-09-15',
  begintijd: '14:30',
  eindtijd: '16:00',
};

describe('Dutch date and time ↔ timestamps', () => {
  it('turns a Dutch date and time into a UTC timestamp without fractions, in summer and winter time', () => {
    expect(toTimestamp('2026-09-15', '14:30')).toBe('2026-09-15T12:30:00Z');
    expect(toTimestamp('2026-12-01', '14:30')).toBe('2026-12-01T13:30:00Z');
    expect(localParts('2026-09-15T12:30:00Z')).toEqual({ datum: '2026-09-15', tijd: '14:30' });
  });

  it('takes the Dutch day, not the UTC day, around midnight', () => {
    expect(localParts('2026-03-14T23:30:00Z')).toEqual({ datum: '2026-03-15', tijd: '00:30' });
    expect(toTimestamp('2026-03-15', '00:30')).toBe('2026-03-14T23:30:00Z');
    expect(vandaagNl(new Date('2026-03-14T23:30:00Z'))).toBe('2026-03-15');
  });

  it('refuses incomplete input', () => {
    expect(toTimestamp('', '14:30')).toBeNull();
    expect(toTimestamp('2026-09-15', '')).toBeNull();
    expect(toTimestamp('15-09-2026', '14:30')).toBeNull();
    expect(localParts(null)).toEqual({ datum: '', tijd: '' });
  });

  it('shows the start of a meeting in a list as 15-09-2026 14:30', () => {
    expect(formatStart('2026-09-15T12:30:00Z')).toBe('15-09-2026 14:30');
    expect(formatStart('geen datum')).toBe('');
  });
});

describe('attendance target', () => {
  const values = { streefOpkomst: 25, streefPercentage: '40', doelgroepOmvang: 120 };

  it('sends only the fields of the chosen kind, the others as null', () => {
    expect(streefVelden('geen', values)).toEqual({
      streefOpkomst: null,
      streefPercentage: null,
      doelgroepOmvang: null,
    });
    expect(streefVelden('aantal', values)).toEqual({
      streefOpkomst: 25,
      streefPercentage: null,
      doelgroepOmvang: null,
    });
    expect(streefVelden('percentage', { ...values, streefPercentage: '37,5' })).toEqual({
      streefOpkomst: null,
      streefPercentage: 37.5,
      doelgroepOmvang: 120,
    });
  });

  it('reads the kind from a meeting', () => {
    expect(streefKeuzeOf({ streefOpkomst: 20, streefPercentage: null })).toBe('aantal');
    expect(streefKeuzeOf({ streefOpkomst: null, streefPercentage: 50 })).toBe('percentage');
    expect(streefKeuzeOf({ streefOpkomst: null, streefPercentage: null })).toBe('geen');
  });
});

describe('bijeenkomstFouten', () => {
  it('accepts a complete meeting', () => {
    expect(bijeenkomstFouten(geldig)).toEqual({});
  });

  it('asks for the required fields', () => {
    expect(Object.keys(bijeenkomstFouten(LEGE_BIJEENKOMST)).sort()).toEqual(
      ['begintijd', 'datum', 'eindtijd', 'soort', 'titel'].sort(),
    );
  });

  it('wants the end after the start, on the same day or a later one', () => {
    expect(bijeenkomstFouten({ ...geldig, eindtijd: '14:30' }).eindtijd).toBe('Moet na de begintijd liggen');
    expect(bijeenkomstFouten({ ...geldig, eindtijd: '10:00', einddatum: '2026-09-16' })).toEqual({});
    expect(bijeenkomstFouten({ ...geldig, einddatum: '2026-09-14' }).einddatum).toBe('Moet na het begin liggen');
  });

  it('wants min ≤ max, as whole numbers', () => {
    expect(bijeenkomstFouten({ ...geldig, minDeelnemers: 10, maxDeelnemers: 8 }).maxDeelnemers).toBe(
      'Het maximum mag niet kleiner zijn dan het minimum',
    );
    expect(bijeenkomstFouten({ ...geldig, minDeelnemers: 8, maxDeelnemers: 8 })).toEqual({});
    expect(bijeenkomstFouten({ ...geldig, minDeelnemers: 2.5 }).minDeelnemers).toBeDefined();
    expect(bijeenkomstFouten({ ...geldig, minDeelnemers: 0 }).minDeelnemers).toBeDefined();
  });

  it('wants what the chosen target needs, and ignores the fields of the other kinds', () => {
    expect(bijeenkomstFouten({ ...geldig, streef: 'aantal' }).streefOpkomst).toBeDefined();
    const pct = bijeenkomstFouten({ ...geldig, streef: 'percentage', streefPercentage: 120 });
    expect(pct.streefPercentage).toBeDefined();
    expect(bijeenkomstFouten({ ...geldig, streef: 'percentage', streefPercentage: 0, doelgroepOmvang: 40 })).toEqual(
      {},
    );
    expect(pct.doelgroepOmvang).toBeDefined();
    expect(bijeenkomstFouten({ ...geldig, streef: 'geen', streefPercentage: 500 })).toEqual({});
  });

  it('wants registration to close before the start', () => {
    expect(bijeenkomstFouten({ ...geldig, publiek: true, aanmeldenTot: '2026-09-15T15:00' }).aanmeldenTot).toBe(
      'Aanmelden moet sluiten vóór het begin van de bijeenkomst',
    );
    expect(bijeenkomstFouten({ ...geldig, publiek: true, aanmeldenTot: '2026-09-14T12:00' })).toEqual({});
  });
});

describe('form values ↔ body', () => {
  it('builds the body, with the end on the start day unless another day is given', () => {
    const body = invoerVan({ ...geldig, streef: 'aantal', streefOpkomst: '20', maxDeelnemers: 30, locatie: ' ' });
    expect(body).toMatchObject({
      titel: 'IB-netwerk Haarlem',
      start: local(2026, 9, 15, 14, 30),
      eind: local(2026, 9, 15, 16, 0),
      locatie: null,
      maxDeelnemers: 30,
      minDeelnemers: null,
      streefOpkomst: 20,
      streefPercentage: null,
      aanmeldenTot: null,
    });
    expect(invoerVan({ ...geldig, einddatum: '2026-09-16' }).eind).toBe(local(2026, 9, 16, 16, 0));
  });

  it('sends the deadline only for a public meeting', () => {
    expect(invoerVan({ ...geldig, publiek: false, aanmeldenTot: '2026-09-14T12:00' }).aanmeldenTot).toBeNull();
    expect(invoerVan({ ...geldig, publiek: true, aanmeldenTot: '2026-09-14T12:00' }).aanmeldenTot).toBe(
      local(2026, 9, 14, 12, 0),
    );
  });

  it('reads a meeting back into the same values', () => {
    const b = {
      ...invoerVan({ ...geldig, streef: 'percentage', streefPercentage: 40, doelgroepOmvang: 120 }),
      id: 'x',
    } as Bijeenkomst;
    const v = waardenVan(b);
    expect(v).toMatchObject({
      datum: '2026-09-15',
      begintijd: '14:30',
      einddatum: '',
      eindtijd: '16:00',
      streef: 'percentage',
      streefPercentage: 40,
      doelgroepOmvang: 120,
      streefOpkomst: '',
    });
  });
});

describe('month grid', () => {
  it('fills whole weeks from Monday, with the days around the month', () => {
    // September 2026 starts on a Tuesday and ends on a Wednesday.
    const weeks = maandRaster('2026-09');
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0]?.[0]).toEqual({ datum: '2026-08-31', dag: 31, inMaand: false });
    expect(weeks[0]?.[1]).toEqual({ datum: '2026-09-01', dag: 1, inMaand: true });
    expect(weeks[4]?.[2]).toEqual({ datum: '2026-09-30', dag: 30, inMaand: true });
    expect(weeks[4]?.[6]).toEqual({ datum: '2026-10-04', dag: 4, inMaand: false });
  });

  it('needs six rows for a long month that starts on a Sunday', () => {
    // November 2026 starts on a Sunday.
    const weeks = maandRaster('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[6]?.datum).toBe('2026-11-01');
    expect(weeks[5]?.[0]?.datum).toBe('2026-11-30');
  });

  it('moves between months and years, and knows the range and the months of a school year', () => {
    expect(verschuifMaand('2026-12', 1)).toBe('2027-01');
    expect(verschuifMaand('2026-01', -1)).toBe('2025-12');
    expect(maandBereik('2024-02')).toEqual({ vanaf: '2024-02-01', tot: '2024-02-29' });
    const maanden = maandenVanSchooljaar('2022-2023');
    expect(maanden[0]).toBe('2022-08');
    expect(maanden[11]).toBe('2023-07');
  });

  it('groups meetings by their local start day, in order of time', () => {
    const a = { id: 'a', start: local(2026, 9, 15, 16, 0) };
    const b = { id: 'b', start: local(2026, 9, 15, 9, 0) };
    const c = { id: 'c', start: local(2026, 9, 16, 9, 0) };
    const days = perDag([a, c, b]);
    expect(days.get('2026-09-15')?.map((x) => x.id)).toEqual(['b', 'a']);
    expect(days.get('2026-09-16')?.map((x) => x.id)).toEqual(['c']);
  });

  it('offers the school years from 2020-2021 to next year', () => {
    const keuzes = schooljaarKeuzes('2026-2027');
    expect(keuzes[0]).toBe('2027-2028');
    expect(keuzes.at(-1)).toBe('2020-2021');
  });
});

describe('import errors', () => {
  it('lists the bad rows in file order, apart from other reasons', () => {
    const { rijen, overig } = importFouten([
      { name: 'rijen[12].email', reason: 'is geen geldig e-mailadres' },
      { name: 'rijen[3].school', reason: 'onbekende school "Bavo"' },
      { name: 'rijen[3].email', reason: 'staat al in het bestand (rij 2)' },
      { name: 'kolommen', reason: 'de kolom naam ontbreekt' },
    ]);
    expect(rijen).toEqual([
      { rij: 3, kolom: 'email', reden: 'staat al in het bestand (rij 2)' },
      { rij: 3, kolom: 'school', reden: 'onbekende school "Bavo"' },
      { rij: 12, kolom: 'email', reden: 'is geen geldig e-mailadres' },
    ]);
    expect(overig).toEqual(['kolommen: de kolom naam ontbreekt']);
  });

  it('accepts a row error without a column', () => {
    expect(importFouten([{ name: 'rijen[4]', reason: 'te veel kolommen' }]).rijen).toEqual([
      { rij: 4, kolom: '', reden: 'te veel kolommen' },
    ]);
  });

  it('sends a file by its extension as CSV or XLSX', () => {
    expect(importMediaType('deelnemers.CSV')).toBe('text/csv');
    expect(importMediaType('lijst.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importMediaType('oud.xls')).toBeNull();
    expect(importMediaType('geen-extensie')).toBeNull();
  });
});

describe('series', () => {
  it('checks each date of a series', () => {
    expect(herhalingFouten(['2026-10-13', '', '2026-09-15', '2026-10-13'], '2026-09-15')).toEqual([
      null,
      'Kies een datum',
      'Dit is de datum van deze bijeenkomst zelf',
      'Deze datum staat er al',
    ]);
  });

  it('fills dates every few weeks', () => {
    expect(reeksDatums('2026-09-15', 4, 3)).toEqual(['2026-10-13', '2026-11-10', '2026-12-08']);
    expect(reeksDatums('', 4, 3)).toEqual([]);
  });
});

describe('naamPast', () => {
  it('finds names regardless of case, accents and word order', () => {
    expect(naamPast('Sofie Çelik', 'celik')).toBe(true);
    expect(naamPast('Sofie Çelik', 'CELIK sof')).toBe(true);
    expect(naamPast('Sofie Çelik', 'jan')).toBe(false);
    expect(naamPast('Sofie Çelik', '  ')).toBe(true);
  });
});

describe('attendance screen', () => {
  const lijst = [{ id: 'a', aanwezig: true }, { id: 'b', aanwezig: null }, { id: 'c', aanwezig: false }, { id: 'd' }];

  it('counts the present of all registered, and lists the unrecorded for "Overige als afwezig"', () => {
    expect(presentieTelling(lijst)).toEqual({ aanwezig: 1, totaal: 4, open: ['b', 'd'] });
    expect(presentieTelling([])).toEqual({ aanwezig: 0, totaal: 0, open: [] });
  });

  it('changes one registration and leaves the others (and the original list) alone', () => {
    const next = metAanwezig(lijst, 'b', true);
    expect(next.map((a) => a.aanwezig)).toEqual([true, true, false, undefined]);
    expect(lijst[1]?.aanwezig).toBeNull();
    expect(metAanwezig(next, 'b', null)[1]?.aanwezig).toBeNull();
  });
});

describe('the reminder before a meeting', () => {
  it('sends a day before by default, the hours chosen, or none', () => {
    expect(invoerVan(geldig).herinneringUrenVooraf).toBe(24);
    expect(invoerVan({ ...geldig, herinnering: '2' }).herinneringUrenVooraf).toBe(2);
    expect(invoerVan({ ...geldig, herinnering: '' }).herinneringUrenVooraf).toBeNull();
  });

  it('reads it back, and takes the default where the meeting has none said', () => {
    const b = { ...invoerVan(geldig), id: 'x' } as Bijeenkomst;
    expect(waardenVan({ ...b, herinneringUrenVooraf: 48 }).herinnering).toBe('48');
    expect(waardenVan({ ...b, herinneringUrenVooraf: null }).herinnering).toBe('');
    expect(waardenVan({ ...b, herinneringUrenVooraf: undefined }).herinnering).toBe('24');
  });

  it('names the choices in days or hours, with a value of its own added in order', () => {
    expect(herinneringLabel(2)).toBe('2 uur van tevoren');
    expect(herinneringLabel(24)).toBe('1 dag van tevoren');
    expect(herinneringLabel(72)).toBe('3 dagen van tevoren');
    expect(herinneringLabel(168)).toBe('1 week van tevoren');
    expect(herinneringOpties('24').map((o) => o.value)).toEqual(['', '2', '24', '48', '72', '168']);
    expect(herinneringOpties('12').map((o) => o.label)).toContain('12 uur van tevoren');
    expect(herinneringOpties('12').map((o) => o.value)).toEqual(['', '2', '12', '24', '48', '72', '168']);
    expect(herinneringOpties('')[0]).toEqual({ value: '', label: 'Geen herinnering' });
  });
});
