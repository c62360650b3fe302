import { describe, expect, it } from 'vitest';
import type { Arrangement, BudgetRegel } from '../api/types';
import {
  aandeel,
  budgetGrafiek,
  budgetToets,
  kanVerlengen,
  naarCent,
  schooljaarGrenzen,
  schooljaarOpties,
  schooljaarVan,
  telrijen,
  toegestaneStatussen,
  verlengingVan,
  verlengPeriode,
  verschilTekst,
} from './arrangementen';

describe('status of an arrangement', () => {
  it('starts as requested or granted', () => {
    expect(toegestaneStatussen(null)).toEqual(['aangevraagd', 'toegekend']);
  });

  it('moves only forward: a request is granted, refused or withdrawn; a grant ends', () => {
    expect(toegestaneStatussen('aangevraagd')).toEqual(['aangevraagd', 'toegekend', 'afgewezen', 'ingetrokken']);
    expect(toegestaneStatussen('toegekend')).toEqual(['toegekend', 'beeindigd']);
  });

  it('offers nothing else once final', () => {
    expect(toegestaneStatussen('afgewezen')).toEqual(['afgewezen']);
    expect(toegestaneStatussen('ingetrokken')).toEqual(['ingetrokken']);
    expect(toegestaneStatussen('beeindigd')).toEqual(['beeindigd']);
  });

  it('extends only granted or ended arrangementen', () => {
    expect(kanVerlengen({ status: 'toegekend' })).toBe(true);
    expect(kanVerlengen({ status: 'beeindigd' })).toBe(true);
    expect(kanVerlengen({ status: 'aangevraagd' })).toBe(false);
    expect(kanVerlengen({ status: 'afgewezen' })).toBe(false);
  });
});

describe('the period of an extension', () => {
  it('starts the day after the end, and lasts as many days', () => {
    // 3 October 2016 to 27 January 2017: 116 days after the first.
    expect(verlengPeriode('2016-10-03', '2017-01-27')).toEqual({ startdatum: '2017-01-28', einddatum: '2017-05-24' });
    expect(verlengPeriode('2017-03-01', '2017-03-01')).toEqual({ startdatum: '2017-03-02', einddatum: '2017-03-02' });
  });

  it('extends whole months by whole months, also over a leap day', () => {
    expect(verlengPeriode('2016-08-01', '2017-07-31')).toEqual({ startdatum: '2017-08-01', einddatum: '2018-07-31' });
    expect(verlengPeriode('2016-09-01', '2016-12-31')).toEqual({ startdatum: '2017-01-01', einddatum: '2017-04-30' });
    expect(verlengPeriode('2019-11-01', '2020-01-31')).toEqual({ startdatum: '2020-02-01', einddatum: '2020-04-30' });
  });

  it('copies what stays and asks again, from the arrangement it extends', () => {
    const a = {
      id: 'a1',
      soort: 'individueel',
      leerlingId: 'l1',
      aantalLeerlingen: null,
      schoolId: 's1',
      werkgebiedId: 'w1',
      verlengingVanId: null,
      verlenging: false,
      categorie: 'gedragsinterventietechnieken',
      ondersteuningsniveau: 3,
      leerjaar: 5,
      startdatum: '2016-10-03',
      einddatum: '2017-01-27',
      urenPerWeek: 4,
      bedragCent: 312000,
      status: 'toegekend',
      toegekendOp: '2016-09-28',
      toelichting: 'Aantekening bij de eerste periode',
      schooljaar: '2016-2017',
      createdAt: '2016-09-20T08:30:00Z',
      updatedAt: '2016-09-28T08:30:00Z',
      versie: 2,
    } satisfies Arrangement;
    expect(verlengingVan(a)).toEqual({
      soort: 'individueel',
      leerlingId: 'l1',
      aantalLeerlingen: null,
      schoolId: 's1',
      verlengingVanId: 'a1',
      categorie: 'gedragsinterventietechnieken',
      ondersteuningsniveau: 3,
      startdatum: '2017-01-28',
      einddatum: '2017-05-24',
      urenPerWeek: 4,
      bedragCent: 312000,
      status: 'aangevraagd',
      toegekendOp: null,
      toelichting: '',
    });
  });
});

describe('school years', () => {
  it('starts a school year on 1 August', () => {
    expect(schooljaarVan('2017-03-15')).toBe('2016-2017');
    expect(schooljaarVan('2016-08-01')).toBe('2016-2017');
    expect(schooljaarVan('2016-07-31')).toBe('2015-2016');
    expect(schooljaarVan('')).toBeNull();
    expect(schooljaarGrenzen('2016-2017')).toEqual({ van: '2016-08-01', tot: '2017-07-31' });
    expect(schooljaarGrenzen('2016-2018')).toBeNull();
  });

  it('offers the years around this one and those with data, newest first', () => {
    expect(schooljaarOpties('2026-2027', ['2016-2017', 'onzin', '2025-2026'])).toEqual([
      '2027-2028',
      '2026-2027',
      '2025-2026',
      '2024-2025',
      '2023-2024',
      '2022-2023',
      '2021-2022',
      '2016-2017',
    ]);
  });
});

describe('amounts', () => {
  it('turns euros as typed into cents', () => {
    expect(naarCent(3120)).toBe(312000);
    expect(naarCent(12.5)).toBe(1250);
    expect(naarCent(0.1 + 0.2)).toBe(30);
    expect(naarCent('')).toBeNull();
  });

  it('warns when a new arrangement costs more than the budget left', () => {
    expect(budgetToets(100000, 150000, null)).toEqual({ restantCent: 100000, erbijCent: 150000, overschreden: true });
    expect(budgetToets(100000, 100000, null).overschreden).toBe(false);
    expect(budgetToets(-5000, null, null).overschreden).toBe(false);
  });

  it('weighs only the increase of an arrangement that already counts', () => {
    expect(budgetToets(10000, 312000, { bedragCent: 312000 })).toEqual({
      restantCent: 10000,
      erbijCent: 0,
      overschreden: false,
    });
    expect(budgetToets(10000, 332000, { bedragCent: 312000 }).overschreden).toBe(true);
  });
});

const regel = (overrides: Partial<BudgetRegel> = {}): BudgetRegel => ({
  id: 'w1',
  naam: 'Alkmaar',
  budgetCent: 100_000_00,
  toegekendCent: 80_000_00,
  besteedCent: 40_000_00,
  restantCent: 20_000_00,
  percentageBesteed: 40,
  prognoseCent: 120_000_00,
  prognoseMethode: 'vorig_jaar',
  signaal: 'risico',
  perMaand: [
    { maand: '2016-08', toegekendCent: 10_000_00, cumulatiefCent: 10_000_00 },
    { maand: '2016-09', toegekendCent: 30_000_00, cumulatiefCent: 40_000_00 },
    { maand: '2016-10', toegekendCent: 40_000_00, cumulatiefCent: 80_000_00 },
  ],
  ...overrides,
});

describe('the burn-down chart', () => {
  it('shows the cumulative grants against the budget, and the estimate along last year', () => {
    expect(budgetGrafiek(regel())).toEqual([
      { maand: '2016-08', Toegekend: 10_000, Budget: 100_000, Prognose: 15_000 },
      { maand: '2016-09', Toegekend: 40_000, Budget: 100_000, Prognose: 60_000 },
      { maand: '2016-10', Toegekend: 80_000, Budget: 100_000, Prognose: 120_000 },
    ]);
  });

  it('leaves the estimate out when there is none, and labels months as asked', () => {
    const punten = budgetGrafiek(regel({ prognoseMethode: 'geen', prognoseCent: 80_000_00 }), (m) => `maand ${m}`);
    expect(punten[0]).toEqual({ maand: 'maand 2016-08', Toegekend: 10_000, Budget: 100_000 });
    expect(budgetGrafiek(regel({ toegekendCent: 0, prognoseCent: 0 }))[0]).not.toHaveProperty('Prognose');
  });
});

describe('figures', () => {
  it('lists counts in the order of the labels, with keys the labels do not know at the end', () => {
    expect(
      telrijen(
        { groep: 59, individueel: 635, nieuw: 1 },
        { individueel: 'Individueel', groep: 'Groep', innovatie: 'Innovatie' },
        { individueel: 600 },
      ),
    ).toEqual([
      { key: 'individueel', label: 'Individueel', aantal: 635, vorigJaar: 600 },
      { key: 'groep', label: 'Groep', aantal: 59, vorigJaar: 0 },
      { key: 'innovatie', label: 'Innovatie', aantal: 0, vorigJaar: 0 },
      { key: 'nieuw', label: 'nieuw', aantal: 1, vorigJaar: 0 },
    ]);
  });

  it('says how this year compares with the last', () => {
    expect(verschilTekst(701, 650)).toBe('+51 (+8%)');
    expect(verschilTekst(600, 650)).toBe('−50 (−8%)');
    expect(verschilTekst(5, 0)).toBe('+5');
    expect(verschilTekst(7, 7)).toBe('gelijk');
    expect(verschilTekst(1385, 385)).toBe('+1.000 (+260%)');
  });

  it('gives shares as whole percentages', () => {
    expect(aandeel(385, 701)).toBe('55%');
    expect(aandeel(1, 0)).toBe('');
    expect(aandeel(2, 635)).toBe('<1%');
    expect(aandeel(0, 635)).toBe('0%');
    expect(aandeel(null, 635)).toBe('–');
    expect(aandeel(12, null)).toBe('–');
  });
});
