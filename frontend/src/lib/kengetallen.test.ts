import { describe, expect, it } from 'vitest';
import {
  eenheidVan,
  formatKengetal,
  formatStreef,
  naarInvoer,
  naarOpslag,
  sparkPunten,
  trendJaren,
} from './kengetallen';

describe('ken- en stuurgetallen', () => {
  it('writes values in their unit, euros from cents', () => {
    expect(formatKengetal('percentage', 3.8)).toBe('3,8%');
    expect(formatKengetal('euro', 37500)).toBe('€ 375');
    expect(formatKengetal('aantal', 180)).toBe('180');
    expect(formatKengetal('aantal', null)).toBe('–');
    expect(formatStreef({ eenheid: 'aantal', richting: 'minimaal', streefwaarde: 151 })).toBe('≥ 151');
    expect(formatStreef({ eenheid: 'percentage', richting: 'maximaal', streefwaarde: 3 })).toBe('≤ 3%');
  });

  it('names the four school years before, oldest first', () => {
    expect(trendJaren('2022-2023')).toEqual(['2018-2019', '2019-2020', '2020-2021', '2021-2022']);
  });

  it('draws a sparkline only over known years', () => {
    expect(sparkPunten([null, null, 77, null], 86.8)).toEqual([77, 86.8]);
    expect(sparkPunten([null, null, null, null], null)).toEqual([]);
  });

  it('keeps the unit of a computed measure', () => {
    expect(eenheidVan('handmatig')).toBeNull();
    expect(eenheidVan('opkomst_doelgroep_percentage')).toBe('percentage');
    expect(eenheidVan('aanwezig_totaal')).toBe('aantal');
    expect(eenheidVan('thuiszitters_gemiddeld_op_peildatum')).toBe('aantal');
  });

  it('stores euros as cents and shows cents as euros', () => {
    expect(naarOpslag('euro', '375')).toBe(37500);
    expect(naarOpslag('percentage', 60.1)).toBe(60.1);
    expect(naarOpslag('aantal', '')).toBeNull();
    expect(naarOpslag('aantal', 'veel')).toBeNull();
    expect(naarInvoer('euro', 37500)).toBe(375);
  });
});
