import { describe, expect, it } from 'vitest';
import type { GemeenteTelling, Thuiszitter, ThuiszitterCijfers, ThuiszitterTelling, Verloop } from '../api/types';
import {
  dreigendTotaal,
  duurBand,
  einddatumFout,
  gecorrigeerdeGemeenten,
  isLeerplicht,
  laatsteVanaf,
  maandenTerug,
  maandenVerder,
  nieuwsteEerst,
  peildatumRijen,
  peildataVanSchooljaar,
  perspectiefTekst,
  situatieTekst,
  standaardVervolg,
  tellingRijen,
  telWaarde,
  thuisTekst,
  volgendePeildatum,
  vorigePeildatum,
  wekenThuis,
  zonderPerspectiefEerst,
} from './thuiszitters';

const PEILDATA = ['09-15', '12-15', '03-15', '06-15'];

function situatie(vanaf: string, rest: Partial<Verloop> = {}): Verloop {
  return {
    id: `v-${vanaf}`,
    vanaf,
    categorie: 'relatief_verzuim',
    scenario: null,
    screening5a: false,
    perspectief: null,
    createdAt: `${vanaf}T09:00:00Z`,
    ...rest,
  };
}

function casus(id: string, actueel: Verloop | null, thuisSinds: string | null = null): Thuiszitter {
  return {
    id,
    leerlingId: `l-${id}`,
    gemeenteId: 'g1',
    startdatum: actueel?.vanaf ?? '2026-09-01',
    toelichting: '',
    verloop: actueel ? [actueel] : [],
    actueel,
    thuisSinds,
    createdAt: '2026-09-01T09:00:00Z',
    updatedAt: '2026-09-01T09:00:00Z',
    versie: 1,
  };
}

describe('a case on the board', () => {
  it('counts whole weeks at home from thuisSinds', () => {
    expect(wekenThuis('2026-11-25', '2026-12-01')).toBe(0);
    expect(wekenThuis('2026-11-24', '2026-12-01')).toBe(1);
    expect(wekenThuis('2026-09-01', '2026-12-06')).toBe(13);
    expect(wekenThuis(null, '2026-12-06')).toBeNull();
    expect(wekenThuis('2026-12-10', '2026-12-06')).toBeNull();
  });

  it('says "dreigend" for a pupil at risk, and the weeks for one at home', () => {
    const thuis = situatie('2026-09-01');
    expect(thuisTekst(casus('a', thuis, '2026-09-01'), '2026-12-06')).toBe('13 weken');
    expect(thuisTekst(casus('b', thuis, '2026-11-28'), '2026-12-06')).toBe('1 week');
    expect(thuisTekst(casus('c', thuis, '2026-12-04'), '2026-12-06')).toBe('minder dan een week');
    const dreigend = situatie('2026-11-16', { categorie: 'dreigend', scenario: 'b' });
    expect(thuisTekst(casus('d', dreigend), '2026-12-06')).toBe('dreigend');
    // At home before, partly back at school now: at risk again.
    expect(thuisTekst(casus('e', dreigend, '2026-10-01'), '2026-12-06')).toBe('dreigend');
    expect(thuisTekst(casus('f', null), '2026-12-06')).toBeNull();
  });

  it('puts cases without perspective first and keeps the order of the others', () => {
    const met = (id: string) => casus(id, situatie('2026-10-01', { perspectief: 'in_gesprek' }));
    const zonder = casus('z', situatie('2026-10-01'));
    const thuisZonder = casus('t', situatie('2026-10-01', { perspectief: 'thuis_zonder_perspectief' }));
    const lijst = zonderPerspectiefEerst([met('1'), zonder, met('2'), thuisZonder, met('3')]);
    expect(lijst.map((t) => t.id)).toEqual(['z', 't', '1', '2', '3']);
  });

  it('names a situation and its perspective', () => {
    expect(situatieTekst(situatie('2026-10-01', { categorie: 'dreigend', scenario: 'combinatie' }))).toBe(
      'Dreigend, combinatie van scenario’s',
    );
    expect(situatieTekst(situatie('2026-10-01', { categorie: 'dreigend', scenario: 'b' }))).toBe(
      'Dreigend, scenario B',
    );
    expect(situatieTekst(situatie('2026-10-01', { categorie: 'vrijstelling_5a' }))).toBe('Vrijstelling 5a');
    expect(perspectiefTekst(situatie('2026-10-01'))).toBe('Geen perspectief vastgelegd');
    expect(perspectiefTekst(situatie('2026-10-01', { perspectief: 'geplaatst_sbo' }))).toBe('Geplaatst in het sbo');
    expect(isLeerplicht('dreigend')).toBe(false);
    expect(isLeerplicht('langdurig_ziek')).toBe(true);
    expect(isLeerplicht(null)).toBe(false);
  });
});

describe('the verloop of a case', () => {
  const verloop = [situatie('2026-09-01'), situatie('2026-11-01'), situatie('2026-10-01')];

  it('shows the newest situation first', () => {
    expect(nieuwsteEerst(verloop).map((v) => v.vanaf)).toEqual(['2026-11-01', '2026-10-01', '2026-09-01']);
  });

  it('closes only after its last situation', () => {
    const laatste = laatsteVanaf({ startdatum: '2026-09-01', verloop });
    expect(laatste).toBe('2026-11-01');
    expect(laatsteVanaf({ startdatum: '2026-09-01', verloop: [] })).toBe('2026-09-01');
    expect(einddatumFout('2026-11-01', laatste)).toBe(
      'De einddatum ligt na de laatste situatie in het verloop (01-11-2026)',
    );
    expect(einddatumFout('2026-11-02', laatste)).toBeNull();
    expect(einddatumFout('', laatste)).toBeNull();
  });
});

describe('peildata', () => {
  it('places the SWV peildata in a school year', () => {
    expect(peildataVanSchooljaar(PEILDATA, '2022-2023')).toEqual([
      '2022-09-15',
      '2022-12-15',
      '2023-03-15',
      '2023-06-15',
    ]);
    expect(peildataVanSchooljaar(['13-45', '03-15'], '2022-2023')).toEqual(['2023-03-15']);
  });

  it('finds the last peildatum up to a day, and the next one after it', () => {
    expect(vorigePeildatum(PEILDATA, '2026-12-06')).toBe('2026-09-15');
    expect(vorigePeildatum(PEILDATA, '2026-09-15')).toBe('2026-09-15');
    expect(vorigePeildatum(PEILDATA, '2027-01-10')).toBe('2026-12-15');
    expect(vorigePeildatum(PEILDATA, '2026-08-01')).toBe('2026-06-15');
    expect(volgendePeildatum(PEILDATA, '2017-03-15')).toBe('2017-06-15');
    expect(volgendePeildatum(PEILDATA, '2026-06-15')).toBe('2026-09-15');
    expect(volgendePeildatum(PEILDATA, '2026-12-06')).toBe('2026-12-15');
    expect(vorigePeildatum([], '2026-12-06')).toBeNull();
  });

  it('follows the cohort of the last peildatum at least a quarter ago, up to the next one or today', () => {
    expect(standaardVervolg(PEILDATA, '2026-12-06')).toEqual({ van: '2026-06-15', tot: '2026-09-15' });
    // Three months after a peildatum: that one, up to the next (still to come: today).
    expect(standaardVervolg(PEILDATA, '2026-12-15')).toEqual({ van: '2026-09-15', tot: '2026-12-15' });
    expect(standaardVervolg(['03-15'], '2026-05-01')).toEqual({ van: '2025-03-15', tot: '2026-03-15' });
    expect(standaardVervolg([], '2026-05-01')).toBeNull();
  });

  it('puts a pupil at home in the bands of the count, by calendar months', () => {
    expect(duurBand('2026-09-15', '2026-10-14')).toBe('korterDan1Maand');
    expect(duurBand('2026-09-15', '2026-10-15')).toBe('tussen1En3Maanden');
    expect(duurBand('2026-09-15', '2026-12-15')).toBe('tussen1En3Maanden');
    expect(duurBand('2026-09-15', '2026-12-16')).toBe('langerDan3Maanden');
    expect(duurBand('2026-01-31', '2026-02-28')).toBe('tussen1En3Maanden');
    expect(maandenVerder('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts months back, to the last day of a shorter month', () => {
    expect(maandenTerug('2026-12-06', 3)).toBe('2026-09-06');
    expect(maandenTerug('2026-05-31', 3)).toBe('2026-02-28');
    expect(maandenTerug('2024-05-31', 3)).toBe('2024-02-29');
    expect(maandenTerug('2026-02-15', 3)).toBe('2025-11-15');
  });
});

function cijfers(totaal: number, extra: Partial<ThuiszitterCijfers> = {}): ThuiszitterCijfers {
  return {
    perCategorie: {
      relatief_verzuim: totaal,
      langdurig_relatief_verzuim: 0,
      absoluut_verzuim: 0,
      vrijstelling_5a: 0,
      vrijstelling_5b: 0,
      vrijstelling_5c: 0,
      langdurig_ziek: 0,
    },
    dreigend: { a: 1, b: 0, c: 0, d: 2, combinatie: 0 },
    screening5a: 0,
    duur: { korterDan1Maand: totaal, tussen1En3Maanden: 0, langerDan3Maanden: 0 },
    jongerDan5: 0,
    totaal,
    ...extra,
  };
}

function gemeente(id: string, cbsCode: string, naam: string, totaal: number): GemeenteTelling {
  return { gemeenteId: id, cbsCode, naam, ...cijfers(totaal) };
}

function telling(gemeenten: GemeenteTelling[]): ThuiszitterTelling {
  const totaal = gemeenten.reduce((n, g) => n + g.totaal, 0);
  return { datum: '2026-09-15', gemeenten, totaal: cijfers(totaal) };
}

describe('the count on a peildatum against the frozen one', () => {
  const haarlem = gemeente('g1', '0392', 'Haarlem', 3);
  const bloemendaal = gemeente('g2', '0377', 'Bloemendaal', 1);
  const heemstede = gemeente('g3', '0397', 'Heemstede', 2);

  it('reads numbers by their place, zero for a gemeente without cases', () => {
    expect(telWaarde(haarlem, 'totaal')).toBe(3);
    expect(telWaarde(haarlem, 'perCategorie.relatief_verzuim')).toBe(3);
    expect(telWaarde(haarlem, 'dreigend.d')).toBe(2);
    expect(telWaarde(haarlem, 'duur.korterDan1Maand')).toBe(3);
    expect(telWaarde(null, 'totaal')).toBe(0);
    expect(dreigendTotaal(haarlem)).toBe(3);
  });

  it('keeps every gemeente of either count, by CBS code', () => {
    const nu = telling([bloemendaal, haarlem]);
    const vastgesteld = telling([haarlem, heemstede]);
    const rijen = tellingRijen(nu, vastgesteld);
    expect(rijen.map((r) => [r.cbsCode, r.nu?.totaal ?? null, r.vastgesteld?.totaal ?? null])).toEqual([
      ['0377', 1, null],
      ['0392', 3, 3],
      ['0397', null, 2],
    ]);
    expect(gecorrigeerdeGemeenten(rijen, true)).toEqual(['Bloemendaal', 'Heemstede']);
  });

  it('names no correction for a date that was not frozen, or frozen as it is', () => {
    const nu = telling([haarlem]);
    expect(gecorrigeerdeGemeenten(tellingRijen(nu, null), false)).toEqual([]);
    expect(gecorrigeerdeGemeenten(tellingRijen(nu, telling([haarlem])), true)).toEqual([]);
    const anders = { ...haarlem, duur: { ...haarlem.duur, korterDan1Maand: 2, tussen1En3Maanden: 1 } };
    expect(gecorrigeerdeGemeenten(tellingRijen(nu, telling([anders])), true)).toEqual(['Haarlem']);
  });
});

describe('the trend over the peildata', () => {
  it('puts each peildatum beside the same day a year earlier, and names those not frozen', () => {
    const { rijen, voorlopig } = peildatumRijen({
      peildata: [
        { datum: '2022-09-15', totaal: 16, vastgesteld: true },
        { datum: '2022-12-15', totaal: 17, vastgesteld: true },
        { datum: '2023-03-15', totaal: 18, vastgesteld: false },
      ],
      vorigJaar: {
        van: '2021-08-01',
        tot: '2022-03-15',
        peildata: [
          { datum: '2021-09-15', totaal: 11, vastgesteld: true },
          { datum: '2022-03-15', totaal: 13, vastgesteld: true },
        ],
        casussen: { extraAandacht: 0, korterDan1Maand: 0, tussen1En3Maanden: 0, langerDan3Maanden: 0 },
        nieuweVrijstellingen: { '5a': 0, '5b': 0, '5c': 0 },
        beeindigd: { aantal: 0 },
      },
    });
    expect(rijen).toEqual([
      { key: '09-15', label: '15 sep', aantal: 16, vorigJaar: 11 },
      { key: '12-15', label: '15 dec', aantal: 17, vorigJaar: 0 },
      { key: '03-15', label: '15 mrt', aantal: 18, vorigJaar: 13 },
    ]);
    expect(voorlopig).toEqual(['15-03-2023']);
  });
});
