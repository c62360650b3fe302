import { describe, expect, it } from 'vitest';
import type { Aantal, BestuurMonitorBestuur, BestuurSchool, JopGemeente } from '../api/types';
import {
  afgeschermdTekst,
  ALLE_BESTUREN,
  ALLE_GEMEENTEN,
  bestuurHeeftCijfers,
  bestuurKeuzes,
  bestuurOnderdruktAantal,
  gekozenBesturen,
  schoolHeeftCijfers,
  bereikPercentage,
  cel,
  gekozenGemeenten,
  gemeenteKeuzes,
  heeftCijfers,
  indelingVan,
  mdoNiveaus,
  onderdruktAantal,
} from './monitor';

const nul: Aantal = { waarde: 0 };
const weg: Aantal = { waarde: null, onderdrukt: true };
const n = (waarde: number): Aantal => ({ waarde });

function gemeente(cbsCode: string, naam: string, over: Partial<JopGemeente> = {}): JopGemeente {
  return {
    cbsCode,
    naam,
    samenwerkingsverbanden: [{ code: 'PO2702', naam: 'PPO Noord-Kennemerland' }],
    thuiszitters: [],
    vrijstellingen: { '5a': nul, '5b': nul, '5c': nul },
    tlv: { sbo: nul, so: nul, vso: nul, totaal: nul },
    arrangementen: { individueel: nul, groep: nul, innovatie: nul, totaal: nul },
    mdo: { totaal: nul, perNiveau: { '1': nul, '2': nul, '3': nul, '4': nul } },
    bereikBijeenkomsten: { scholen: 3, bereikt: 0, percentage: 0 },
    ...over,
  };
}

describe('a cell of the JOP monitor', () => {
  it('shows a count in Dutch, zero as zero', () => {
    expect(cel(n(1234))).toEqual({ tekst: '1.234', onderdrukt: false });
    expect(cel(n(7))).toEqual({ tekst: '7', onderdrukt: false });
    expect(cel(nul)).toEqual({ tekst: '0', onderdrukt: false });
  });

  it('shows a suppressed count as <5, whatever else it carries', () => {
    expect(cel(weg)).toEqual({ tekst: '<5', onderdrukt: true });
    expect(cel({ onderdrukt: true })).toEqual({ tekst: '<5', onderdrukt: true });
  });

  it('never makes up a number for what was not sent', () => {
    expect(cel(undefined)).toEqual({ tekst: '–', onderdrukt: false });
    expect(cel({ waarde: null })).toEqual({ tekst: '–', onderdrukt: false });
    expect(cel({ waarde: 3, onderdrukt: false })).toEqual({ tekst: '3', onderdrukt: false });
  });

  it('writes the reach with a decimal comma, a dash without schools', () => {
    expect(bereikPercentage(33.3)).toBe('33,3%');
    expect(bereikPercentage(100)).toBe('100,0%');
    expect(bereikPercentage(0)).toBe('0,0%');
    expect(bereikPercentage(null)).toBe('–');
    expect(bereikPercentage(undefined)).toBe('–');
  });
});

describe('the MDO levels', () => {
  it('come in the order of their number, whatever the order of the keys', () => {
    const rows = mdoNiveaus({ '3': n(698), '1': n(81), '4': weg, '2': n(172) });
    expect(rows.map((r) => r.key)).toEqual(['1', '2', '3', '4']);
    expect(rows[0]).toEqual({ key: '1', label: 'Niveau 1', aantal: n(81) });
  });
});

describe('what a gemeente has to show', () => {
  it('has nothing when every count is zero and no school was reached', () => {
    expect(heeftCijfers(gemeente('0361', 'Alkmaar'))).toBe(false);
  });

  it('has something with one count, one suppressed cell or one school reached', () => {
    expect(heeftCijfers(gemeente('0361', 'Alkmaar', { tlv: { sbo: n(6), so: nul, vso: nul, totaal: n(6) } }))).toBe(
      true,
    );
    expect(heeftCijfers(gemeente('0361', 'Alkmaar', { vrijstellingen: { '5a': weg, '5b': nul, '5c': nul } }))).toBe(
      true,
    );
    expect(
      heeftCijfers(gemeente('0361', 'Alkmaar', { bereikBijeenkomsten: { scholen: 3, bereikt: 1, percentage: 33.3 } })),
    ).toBe(true);
  });

  it('counts its suppressed cells, in the thuiszitters rows too', () => {
    const g = gemeente('0398', 'Heerhugowaard', {
      thuiszitters: [
        {
          peildatum: '2017-03-15',
          vastgesteld: true,
          perCategorie: { relatief_verzuim: weg, absoluut_verzuim: weg, langdurig_ziek: n(6) },
          dreigend: n(7),
          langerDan3Maanden: weg,
          totaal: n(12),
        },
      ],
      arrangementen: { individueel: n(142), groep: weg, innovatie: weg, totaal: n(158) },
    });
    expect(onderdruktAantal(g)).toBe(5);
    expect(heeftCijfers(g)).toBe(true);
  });
});

describe('choosing a gemeente', () => {
  const gemeenten = [gemeente('0361', 'Alkmaar'), gemeente('0398', 'Heerhugowaard')];

  it('offers all gemeenten first, then each by name and CBS code', () => {
    expect(gemeenteKeuzes({ gemeenten })).toEqual([
      { value: ALLE_GEMEENTEN, label: 'Alle gemeenten' },
      { value: '0361', label: 'Alkmaar (0361)' },
      { value: '0398', label: 'Heerhugowaard (0398)' },
    ]);
  });

  it('shows the chosen one, or all when none or one merged away is chosen', () => {
    expect(gekozenGemeenten(gemeenten, '0398').map((g) => g.naam)).toEqual(['Heerhugowaard']);
    expect(gekozenGemeenten(gemeenten, null)).toHaveLength(2);
    expect(gekozenGemeenten(gemeenten, '1980')).toHaveLength(2);
  });

  it('reads the indeling from the URL, historisch unless huidig', () => {
    expect(indelingVan('huidig')).toBe('huidig');
    expect(indelingVan('historisch')).toBe('historisch');
    expect(indelingVan(null)).toBe('historisch');
    expect(indelingVan('iets')).toBe('historisch');
  });
});

function school(naam: string, over: Partial<BestuurSchool> = {}): BestuurSchool {
  return {
    schoolId: `id-${naam}`,
    naam,
    arrangementen: { individueel: nul, groep: nul, innovatie: nul },
    tlv: { sbo: nul, so: nul, vso: nul },
    mdo: nul,
    aanwezigBijeenkomsten: 0,
    ...over,
  };
}

function bestuur(id: string, naam: string, scholen: BestuurSchool[]): BestuurMonitorBestuur {
  return { id, naam, scholen };
}

describe('the board monitor', () => {
  it('counts a school with a count, a suppressed cell or someone at a meeting, not one of zeros', () => {
    expect(schoolHeeftCijfers(school('De Ark'))).toBe(false);
    expect(schoolHeeftCijfers(school('De Ark', { mdo: n(12) }))).toBe(true);
    expect(schoolHeeftCijfers(school('De Ark', { tlv: { sbo: weg, so: nul, vso: nul } }))).toBe(true);
    expect(schoolHeeftCijfers(school('De Ark', { aanwezigBijeenkomsten: 3 }))).toBe(true);
    expect(bestuurHeeftCijfers(bestuur('b', 'Stichting Zaan', []))).toBe(false);
    expect(bestuurHeeftCijfers(bestuur('b', 'Stichting Zaan', [school('A'), school('B', { mdo: n(5) })]))).toBe(true);
  });

  it("counts the suppressed cells of all the board's schools, not the attendances", () => {
    const b = bestuur('b', 'Stichting Zaan', [
      school('A', {
        arrangementen: { individueel: n(7), groep: nul, innovatie: weg },
        tlv: { sbo: weg, so: nul, vso: nul },
      }),
      school('B', { mdo: weg, aanwezigBijeenkomsten: 2 }),
    ]);
    expect(bestuurOnderdruktAantal(b)).toBe(3);
    expect(bestuurOnderdruktAantal(bestuur('c', 'Leeg', [school('C')]))).toBe(0);
  });

  it('says how many cells are suppressed, nothing when none is', () => {
    expect(afgeschermdTekst(0)).toBeNull();
    expect(afgeschermdTekst(1)).toBe('1 cel afgeschermd');
    expect(afgeschermdTekst(1234)).toBe('1.234 cellen afgeschermd');
  });

  it('offers every board, then each by name, and shows the chosen one or all', () => {
    const a = bestuur('a', 'Stichting Flore', [school('A')]);
    const b = bestuur('b', 'Stichting Tabijn', [school('B')]);
    expect(bestuurKeuzes({ schoolbesturen: [a, b] })).toEqual([
      { value: ALLE_BESTUREN, label: 'Alle schoolbesturen' },
      { value: 'a', label: 'Stichting Flore' },
      { value: 'b', label: 'Stichting Tabijn' },
    ]);
    expect(gekozenBesturen([a, b], 'b')).toEqual([b]);
    expect(gekozenBesturen([a, b], null)).toEqual([a, b]);
    // A board not in this answer (another SWV's, or an old link) shows them all.
    expect(gekozenBesturen([a, b], 'weg')).toEqual([a, b]);
  });
});
