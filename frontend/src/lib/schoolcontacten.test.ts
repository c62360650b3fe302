import { describe, expect, it } from 'vitest';
import {
  contactFouten,
  contactIdVan,
  contactInvoer,
  eersteZichtbaar,
  geledenTekst,
  groepeerWerk,
  overzichtTotalen,
  schoolKeuzes,
  terugLabel,
  terugPad,
  vervolgKeuzes,
  vervolgStand,
  verwaarloosdEerst,
  weekTekst,
  weekVan,
  werkRoute,
  type ContactWaarden,
} from './schoolcontacten';

const ID = '0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a60';

describe('the worklist of a consulent', () => {
  it('groups by kind in a fixed order, each kind soonest first', () => {
    const groepen = groepeerWerk([
      { soort: 'activiteit_evaluatie', datum: '2027-07-31', link: 'a' },
      { soort: 'tlv_termijn', datum: '2026-12-10', link: 'b' },
      { soort: 'schoolcontact_vervolg', datum: '2026-12-06', link: 'c' },
      { soort: 'tlv_termijn', datum: '2026-12-01', link: 'd' },
      { soort: 'schoolcontact_vervolg', datum: '2026-11-20', link: 'e' },
    ]);
    expect(groepen.map((g) => g.soort)).toEqual(['schoolcontact_vervolg', 'tlv_termijn', 'activiteit_evaluatie']);
    expect(groepen[0]?.items.map((i) => i.link)).toEqual(['e', 'c']);
    expect(groepen[1]?.items.map((i) => i.link)).toEqual(['d', 'b']);
  });

  it('shows the first five of a kind, and never hides what is late or due within a week', () => {
    const datums = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-13', '2026-12-14'];
    const items = datums.map((datum) => ({ datum }));
    expect(eersteZichtbaar(items, '2026-12-06').map((i) => i.datum)).toEqual(datums.slice(0, 6));
    expect(eersteZichtbaar(items, '2026-11-01')).toHaveLength(5);
  });

  it('is empty without items', () => {
    expect(groepeerWerk([])).toEqual([]);
  });

  it('links each item to its page in the SPA', () => {
    expect(werkRoute({ soort: 'schoolcontact_vervolg', link: `/schoolcontacten/${ID}` })).toBe(
      `/schoolcontacten/${ID}`,
    );
    expect(werkRoute({ soort: 'tlv_termijn', link: `/toelaatbaarheidsverklaringen/${ID}` })).toBe(`/tlv/${ID}`);
    expect(werkRoute({ soort: 'thuiszitter_stil', link: `/thuiszitters/${ID}` })).toBe(`/thuiszitters/${ID}`);
    expect(werkRoute({ soort: 'activiteit_evaluatie', link: `/activiteiten/${ID}` })).toBe(`/activiteiten/${ID}`);
    expect(werkRoute({ soort: 'bijeenkomst_aanwezigheid', link: `/bijeenkomsten/${ID}` })).toBe(
      `/bijeenkomsten/${ID}/presentie`,
    );
    expect(werkRoute({ soort: 'schoolcontact_vervolg', link: '/iets/anders' })).toBeNull();
  });

  it('finds the contact of a follow-up', () => {
    expect(contactIdVan(`/schoolcontacten/${ID}`)).toBe(ID);
    expect(contactIdVan(`/thuiszitters/${ID}`)).toBeNull();
  });
});

describe('the week', () => {
  it('runs from Monday to Sunday, numbered as ISO weeks', () => {
    expect(weekVan('2026-12-06')).toEqual({ maandag: '2026-11-30', zondag: '2026-12-06', nummer: 49 });
    expect(weekVan('2026-12-07')).toEqual({ maandag: '2026-12-07', zondag: '2026-12-13', nummer: 50 });
    // 3 January 2021 is a Sunday of the last week of 2020, its 53rd.
    expect(weekVan('2021-01-03').nummer).toBe(53);
    expect(weekVan('2026-01-01').nummer).toBe(1);
  });

  it('says which days it holds', () => {
    expect(weekTekst('2026-12-09')).toBe('Week 50, 7 t/m 13 december');
    expect(weekTekst('2026-12-02')).toBe('Week 49, 30 november t/m 6 december');
  });
});

describe('how long ago', () => {
  it('counts days, then weeks, then months', () => {
    expect(geledenTekst('2026-12-06', '2026-12-06')).toBe('vandaag');
    expect(geledenTekst('2026-12-05', '2026-12-06')).toBe('gisteren');
    expect(geledenTekst('2026-11-26', '2026-12-06')).toBe('10 dagen geleden');
    expect(geledenTekst('2026-11-01', '2026-12-06')).toBe('5 weken geleden');
    expect(geledenTekst('2026-09-01', '2026-12-06')).toBe('3 maanden geleden');
    expect(geledenTekst('2026-12-09', '2026-12-06')).toBe('over 3 dagen');
  });
});

describe('my schools', () => {
  it('puts the neglected schools first', () => {
    const school = (schoolId: string, contacten: number, laatsteContact: string | null) => ({
      schoolId,
      naam: schoolId.toUpperCase(),
      contacten,
      laatsteContact,
    });
    const scholen = [
      school('a', 5, '2026-11-30'),
      school('b', 1, '2026-10-01'),
      school('c', 0, null),
      school('d', 4, '2026-09-15'),
      school('e', 1, '2026-10-01'),
    ];
    expect(verwaarloosdEerst(scholen, ['b', 'c']).map((s) => s.schoolId)).toEqual(['c', 'b', 'd', 'e', 'a']);
  });

  it('offers the own schools first when choosing one', () => {
    const scholen = [
      { id: '1', naam: 'Zonnewijzer', consulentId: 'me' },
      { id: '2', naam: 'Anne Frankschool', consulentId: 'ander' },
      { id: '3', naam: 'Beatrixschool', consulentId: 'me' },
    ];
    expect(schoolKeuzes(scholen, 'me')).toEqual([
      {
        group: 'Mijn scholen',
        items: [
          { value: '3', label: 'Beatrixschool' },
          { value: '1', label: 'Zonnewijzer' },
        ],
      },
      { group: 'Andere scholen', items: [{ value: '2', label: 'Anne Frankschool' }] },
    ]);
    expect(schoolKeuzes(scholen, 'niemand')).toHaveLength(1);
    expect(schoolKeuzes(scholen, null)[0]?.items.map((i) => i.label)).toEqual([
      'Anne Frankschool',
      'Beatrixschool',
      'Zonnewijzer',
    ]);
  });
});

describe('the contact form', () => {
  const geldig: ContactWaarden = {
    schoolId: 's',
    datum: '2026-12-06',
    soort: 'consultatie',
    consulentId: null,
    onderwerp: '  Inzet budget groep 5  ',
    signaal: 'aandacht',
    vervolgOp: '',
    vervolgGedaan: false,
  };

  it('accepts a complete contact', () => {
    expect(contactFouten(geldig, '2026-12-06', false)).toEqual({});
  });

  it('says what is missing, in words', () => {
    const leeg: ContactWaarden = { ...geldig, schoolId: null, datum: '', soort: null, onderwerp: ' ' };
    expect(contactFouten(leeg, '2026-12-06', true)).toEqual({
      schoolId: 'Kies de school',
      datum: 'Vul de datum van het contact in',
      soort: 'Kies de soort contact',
      consulentId: 'Kies de consulent die het contact had',
      onderwerp: 'Vul het onderwerp in: waar ging het over?',
    });
  });

  it('refuses a date more than a year ahead and a follow-up before the contact', () => {
    const fouten = contactFouten({ ...geldig, datum: '2027-12-08', vervolgOp: '2027-12-01' }, '2026-12-06', false);
    expect(fouten.datum).toMatch(/meer dan een jaar vooruit/);
    expect(fouten.vervolgOp).toBe('Het vervolg ligt voor de datum van het contact');
    expect(contactFouten({ ...geldig, datum: '2027-12-07' }, '2026-12-06', false)).toEqual({});
    expect(contactFouten({ ...geldig, onderwerp: 'x'.repeat(501) }, '2026-12-06', false).onderwerp).toMatch(/500/);
  });

  it('sends trimmed text, and no done follow-up without a date', () => {
    expect(contactInvoer({ ...geldig, vervolgGedaan: true })).toEqual({
      schoolId: 's',
      datum: '2026-12-06',
      soort: 'consultatie',
      consulentId: null,
      onderwerp: 'Inzet budget groep 5',
      signaal: 'aandacht',
      vervolgOp: null,
      vervolgGedaan: false,
    });
    expect(contactInvoer({ ...geldig, vervolgOp: '2026-12-20' }).vervolgOp).toBe('2026-12-20');
  });

  it('offers follow-ups in one, two and four weeks', () => {
    expect(vervolgKeuzes('2026-12-06').map((k) => k.datum)).toEqual(['2026-12-13', '2026-12-20', '2027-01-03']);
    expect(vervolgKeuzes('')).toEqual([]);
  });

  it('says where a follow-up stands', () => {
    expect(vervolgStand({ vervolgOp: null, vervolgGedaan: false }, '2026-12-06')).toBe('geen');
    expect(vervolgStand({ vervolgOp: '2026-12-01', vervolgGedaan: true }, '2026-12-06')).toBe('gedaan');
    expect(vervolgStand({ vervolgOp: '2026-12-07', vervolgGedaan: false }, '2026-12-06')).toBe('gepland');
    expect(vervolgStand({ vervolgOp: '2026-12-06', vervolgGedaan: false }, '2026-12-06')).toBe('vandaag');
    expect(vervolgStand({ vervolgOp: '2026-12-05', vervolgGedaan: false }, '2026-12-06')).toBe('te_laat');
  });
});

describe('the way back after saving', () => {
  it('stays inside the SPA', () => {
    expect(terugPad('/scholen/1')).toBe('/scholen/1');
    expect(terugPad('//evil.example')).toBeNull();
    expect(terugPad('/\\evil.example')).toBeNull();
    expect(terugPad('https://evil.example')).toBeNull();
    expect(terugPad(null)).toBeNull();
  });

  it('names where it leads', () => {
    expect(terugLabel('/')).toBe('Naar Mijn week');
    expect(terugLabel('/scholen/1')).toBe('Naar de school');
    expect(terugLabel('/schoolcontacten?schoolId=1')).toBe('Naar de schoolcontacten');
    expect(terugLabel('/elders')).toBe('Terug');
  });
});

describe('the overview of a year', () => {
  it('adds up the kinds and signals of every school', () => {
    const signalen = (op_koers: number, aandacht: number, risico: number) => ({ op_koers, aandacht, risico });
    expect(
      overzichtTotalen([
        { contacten: 3, perSoort: { startgesprek: 1, consultatie: 2 }, signalen: signalen(1, 1, 0) },
        { contacten: 1, perSoort: { startgesprek: 0, consultatie: 0, signaal: 1 }, signalen: signalen(0, 0, 1) },
      ]),
    ).toEqual({
      contacten: 4,
      perSoort: { startgesprek: 1, consultatie: 2, signaal: 1 },
      signalen: signalen(1, 1, 1),
    });
  });
});
