import { describe, expect, it } from 'vitest';
import type { Opschorting, Tlv } from '../api/types';
import {
  alGeadviseerd,
  bezwaarUitkomsten,
  bezwaarUitkomstTekst,
  bezwaartermijnEinde,
  einddatumVoorDuur,
  kanVerdagen,
  klokBadge,
  ontbreektTeksten,
  ontbrekendeAdviezen,
  paasdag,
  soortRijen,
  soortTekst,
  standTekst,
  toegestaneSoorten,
  volgendeWerkdag,
  vervalBadge,
  vervalKleur,
  vervalTelling,
  werkLink,
} from './tlv';

type Klok = Parameters<typeof klokBadge>[0];

const open: Klok = {
  status: 'in_behandeling',
  dagenResterend: 20,
  uiterlijkeBeslisdatum: '2016-11-14',
  binnenTermijn: null,
  opschortingen: [],
};

const lopend: Opschorting = {
  id: 'o1',
  van: '2016-10-20',
  tot: null,
  reden: 'aanvulling',
  toelichting: '',
  createdAt: '2016-10-20T09:00:00Z',
};

describe('einddatumVoorDuur', () => {
  it('ends on 31 July of the n-th school year, the one of the start counting as the first', () => {
    expect(einddatumVoorDuur('2016-10-01', 2)).toBe('2018-07-31');
    expect(einddatumVoorDuur('2016-10-01', 1)).toBe('2017-07-31');
  });

  it('counts a start before August in the school year that began the summer before', () => {
    expect(einddatumVoorDuur('2017-03-15', 1)).toBe('2017-07-31');
    expect(einddatumVoorDuur('2017-07-31', 2)).toBe('2018-07-31');
    expect(einddatumVoorDuur('2017-08-01', 2)).toBe('2019-07-31');
  });

  it('takes the number as typed, and gives nothing while the input is incomplete', () => {
    expect(einddatumVoorDuur('2016-10-01', '3')).toBe('2019-07-31');
    expect(einddatumVoorDuur('', 2)).toBeNull();
    expect(einddatumVoorDuur('2016-10-01', '')).toBeNull();
    expect(einddatumVoorDuur('2016-10-01', 0)).toBeNull();
    expect(einddatumVoorDuur('2016-10-01', 1.5)).toBeNull();
  });
});

describe('klokBadge', () => {
  it('counts the days left of an open request, orange in its last week', () => {
    expect(klokBadge(open)).toEqual({ kleur: 'koers', tekst: 'Nog 20 dagen' });
    expect(klokBadge({ ...open, dagenResterend: 7 })).toEqual({ kleur: 'orange', tekst: 'Nog 7 dagen' });
    expect(klokBadge({ ...open, dagenResterend: 1 })).toEqual({ kleur: 'orange', tekst: 'Nog 1 dag' });
    expect(klokBadge({ ...open, dagenResterend: 0 })).toEqual({ kleur: 'orange', tekst: 'Vandaag' });
  });

  it('is red when the deadline has passed', () => {
    expect(klokBadge({ ...open, dagenResterend: -3 })).toEqual({ kleur: 'red', tekst: '3 dagen te laat' });
    expect(klokBadge({ ...open, dagenResterend: -1 })).toEqual({ kleur: 'red', tekst: '1 dag te laat' });
  });

  it('is grey while suspended, with the days left frozen', () => {
    expect(klokBadge({ ...open, uiterlijkeBeslisdatum: null, dagenResterend: 12, opschortingen: [lopend] })).toEqual({
      kleur: 'gray',
      tekst: 'Opgeschort (12 dagen)',
    });
  });

  it('says whether a decision came in time', () => {
    const besloten = { ...open, status: 'toegekend' as const, dagenResterend: null };
    expect(klokBadge({ ...besloten, binnenTermijn: true })).toEqual({ kleur: 'green', tekst: 'Binnen termijn' });
    expect(klokBadge({ ...besloten, status: 'afgewezen', binnenTermijn: false })).toEqual({
      kleur: 'red',
      tekst: 'Te laat beslist',
    });
    expect(klokBadge({ ...open, status: 'ingetrokken', dagenResterend: null })).toEqual({
      kleur: 'gray',
      tekst: 'Ingetrokken',
    });
  });
});

describe('the advice a decision needs', () => {
  const advies = (deskundige: string, discipline: Tlv['adviezen'][number]['discipline']) => ({
    deskundige,
    discipline,
  });

  it('asks for both with no advice, and for a second expert after the first', () => {
    expect(ontbrekendeAdviezen([])).toEqual(['orthopedagoog_of_psycholoog', 'tweede_deskundige']);
    expect(ontbrekendeAdviezen([advies('drs. K. Vermeulen', 'orthopedagoog')])).toEqual(['tweede_deskundige']);
  });

  it("does not count 'overig' as the second expert", () => {
    expect(ontbrekendeAdviezen([advies('A', 'psycholoog'), advies('B', 'overig')])).toEqual(['tweede_deskundige']);
    expect(ontbrekendeAdviezen([advies('A', 'psycholoog'), advies('B', 'arts')])).toEqual([]);
  });

  it('needs an orthopedagoog or psycholoog among two other experts', () => {
    expect(ontbrekendeAdviezen([advies('A', 'arts'), advies('B', 'kinderpsychiater')])).toEqual([
      'orthopedagoog_of_psycholoog',
    ]);
  });

  it('compares names trimmed and ignoring case', () => {
    expect(ontbrekendeAdviezen([advies('A. Jansen', 'orthopedagoog'), advies(' a.  jansen ', 'arts')])).toEqual([
      'tweede_deskundige',
    ]);
    expect(alGeadviseerd([advies('A. Jansen', 'orthopedagoog')], '  A. JANSEN')).toBe(true);
    expect(alGeadviseerd([advies('A. Jansen', 'orthopedagoog')], 'B. Jansen')).toBe(false);
    expect(alGeadviseerd([advies('A. Jansen', 'orthopedagoog')], '  ')).toBe(false);
  });

  it("says in Dutch what the API's ontbreekt names", () => {
    expect(ontbreektTeksten(['orthopedagoog_of_psycholoog', 'tweede_deskundige'])).toEqual([
      'Er ontbreekt een advies van een orthopedagoog of psycholoog',
      "Er ontbreekt een tweede deskundige (niet 'overig')",
    ]);
    expect(ontbreektTeksten(['iets_nieuws'])).toEqual(['Er ontbreekt: iets nieuws']);
  });
});

describe('kinds, dates and choices', () => {
  it('offers the kinds of the sector', () => {
    expect(toegestaneSoorten('po')).toEqual(['sbo', 'so']);
    expect(toegestaneSoorten('vo')).toEqual(['vso']);
  });

  it('names the kind with its category', () => {
    expect(soortTekst({ soort: 'so', categorie: 'laag' })).toBe('SO, categorie laag');
    expect(soortTekst({ soort: 'sbo', categorie: null })).toBe('SBO');
  });

  it('moves a term past weekends and the holidays of the Algemene termijnenwet', () => {
    expect(paasdag(2024)).toBe('2024-03-31');
    expect(paasdag(2017)).toBe('2017-04-16');
    expect(volgendeWerkdag('2016-11-12')).toBe('2016-11-14'); // a Saturday
    expect(volgendeWerkdag('2024-04-01')).toBe('2024-04-02'); // tweede Paasdag
    expect(volgendeWerkdag('2016-12-25')).toBe('2016-12-27'); // both Christmas days
    expect(volgendeWerkdag('2025-04-26')).toBe('2025-04-28'); // Koningsdag on the Saturday, then a Sunday
    expect(volgendeWerkdag('2014-04-26')).toBe('2014-04-28'); // Koningsdag moved to the 26th (27th a Sunday)
    expect(volgendeWerkdag('2016-11-14')).toBe('2016-11-14');
  });

  it('gives six weeks to object', () => {
    expect(bezwaartermijnEinde('2016-11-09')).toBe('2016-12-21');
  });

  it('allows one verdaging before the deadline', () => {
    expect(kanVerdagen({ status: 'in_behandeling', verdagingDagen: 0, dagenResterend: 3 })).toBe(true);
    expect(kanVerdagen({ status: 'in_behandeling', verdagingDagen: 14, dagenResterend: 3 })).toBe(false);
    expect(kanVerdagen({ status: 'in_behandeling', verdagingDagen: 0, dagenResterend: -1 })).toBe(false);
    expect(kanVerdagen({ status: 'toegekend', verdagingDagen: 0, dagenResterend: null })).toBe(false);
  });

  it('leaves a late objection that is not excusable only inadmissible or withdrawn', () => {
    expect(bezwaarUitkomsten(false, false)).toEqual(['niet_ontvankelijk', 'ingetrokken']);
    expect(bezwaarUitkomsten(false, true)).toHaveLength(4);
    expect(bezwaarUitkomsten(true, false)).toHaveLength(4);
  });
});

describe('bezwaarUitkomstTekst', () => {
  it('says how and when an objection ended, and that a well-founded one reopened the request', () => {
    expect(bezwaarUitkomstTekst({ uitkomst: 'gegrond', beslistOp: '2016-12-06' })).toBe(
      'Gegrond op 06-12-2016; de aanvraag is heropend',
    );
    expect(bezwaarUitkomstTekst({ uitkomst: 'niet_ontvankelijk', beslistOp: '2016-12-06' })).toBe(
      'Niet-ontvankelijk verklaard op 06-12-2016',
    );
    expect(bezwaarUitkomstTekst({ uitkomst: 'ongegrond', beslistOp: null })).toBe('Ongegrond');
    expect(bezwaarUitkomstTekst({ uitkomst: null, beslistOp: null })).toBe('Nog in behandeling');
  });
});

describe('standTekst', () => {
  it('says the deadline while open, and the decision once taken', () => {
    expect(standTekst(open)).toBe('In behandeling, beslissen uiterlijk 14-11-2016');
    expect(standTekst({ ...open, uiterlijkeBeslisdatum: null, opschortingen: [lopend] })).toBe(
      'In behandeling, termijn opgeschort',
    );
    expect(
      standTekst({
        status: 'afgewezen',
        besluit: { uitkomst: 'afgewezen', datum: '2016-11-08', verzondenOp: '2016-11-08', motivering: '' },
      }),
    ).toBe('Afgewezen op 08-11-2016');
    expect(standTekst({ status: 'ingetrokken' })).toBe('Ingetrokken');
    expect(standTekst({})).toBe('');
  });
});

describe('werkLink', () => {
  it("opens a worklist item's request on its page", () => {
    const id = '0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a40';
    expect(werkLink(`/toelaatbaarheidsverklaringen/${id}`)).toBe(`/tlv/${id}`);
    expect(werkLink(`/toelaatbaarheidsverklaringen/${id}/bezwaar`)).toBe(`/tlv/${id}`);
    expect(werkLink('/arrangementen/x')).toBeNull();
  });
});

describe('vervalKleur', () => {
  it('is red when past, orange within a week', () => {
    expect(vervalKleur('2016-11-13', '2016-11-14')).toBe('red');
    expect(vervalKleur('2016-11-14', '2016-11-14')).toBe('orange');
    expect(vervalKleur('2016-11-21', '2016-11-14')).toBe('orange');
    expect(vervalKleur('2016-11-22', '2016-11-14')).toBe('koers');
  });
});

describe('vervalBadge', () => {
  it('says how many days are left, in the colour of the due date', () => {
    expect(vervalBadge('2016-11-17', '2016-11-14')).toEqual({ kleur: 'orange', tekst: 'Nog 3 dagen' });
    expect(vervalBadge('2016-11-15', '2016-11-14')).toEqual({ kleur: 'orange', tekst: 'Nog 1 dag' });
    expect(vervalBadge('2016-11-14', '2016-11-14')).toEqual({ kleur: 'orange', tekst: 'Vandaag' });
    expect(vervalBadge('2016-11-30', '2016-11-14')).toEqual({ kleur: 'koers', tekst: 'Nog 16 dagen' });
  });

  it('counts the days past a due date that was missed', () => {
    expect(vervalBadge('2016-11-13', '2016-11-14')).toEqual({ kleur: 'red', tekst: '1 dag te laat' });
    expect(vervalBadge('2016-11-12', '2016-11-14')).toEqual({ kleur: 'red', tekst: '2 dagen te laat' });
  });

  it('counts calendar days across the change to summer time and a year', () => {
    expect(vervalBadge('2017-03-27', '2017-03-25')).toEqual({ kleur: 'orange', tekst: 'Nog 2 dagen' });
    expect(vervalBadge('2016-12-30', '2017-01-02')).toEqual({ kleur: 'red', tekst: '3 dagen te laat' });
  });
});

describe('vervalTelling', () => {
  const vandaag = '2016-11-14';
  const laat = '2016-11-10';
  const week = '2016-11-18';
  const later = '2016-12-20';

  it('counts the overdue items and those due within a week on the first page', () => {
    expect(vervalTelling([laat, laat, week, later, later], 9, vandaag)).toEqual({
      verlopen: { aantal: 2, zeker: true },
      dezeWeek: { aantal: 1, zeker: true },
    });
  });

  it('says that more may follow when the page holds only items of a kind', () => {
    expect(vervalTelling([laat, laat, laat, laat, laat], 9, vandaag)).toEqual({
      verlopen: { aantal: 5, zeker: false },
      dezeWeek: { aantal: 0, zeker: false },
    });
    expect(vervalTelling([laat, week, week, week, week], 9, vandaag).dezeWeek).toEqual({ aantal: 4, zeker: false });
  });

  it('is sure of every count when the page holds the whole list', () => {
    expect(vervalTelling([laat, week], 2, vandaag)).toEqual({
      verlopen: { aantal: 1, zeker: true },
      dezeWeek: { aantal: 1, zeker: true },
    });
    expect(vervalTelling([], 0, vandaag).verlopen).toEqual({ aantal: 0, zeker: true });
  });
});

describe('soortRijen', () => {
  it('names the rows of the figures that the sector has', () => {
    expect(soortRijen('po')).toEqual({ sbo: 'SBO', so_laag: 'SO laag', so_midden: 'SO midden', so_hoog: 'SO hoog' });
    expect(Object.keys(soortRijen('vo'))).toEqual(['vso_laag', 'vso_midden', 'vso_hoog']);
  });
});
