import { describe, expect, it } from 'vitest';
import type { Dossier, Leerling } from '../api/types';
import { DOSSIER_LIJSTEN, dossierOpsomming, legeDossierTekst, tijdlijn } from './dossier';

const leerling: Leerling = {
  id: 'l1',
  referentie: 'NK-2024-0117',
  geboortemaand: '2015-03',
  geslacht: 'meisje',
  woongemeenteId: 'g1',
  schoolId: null,
  leerjaar: 5,
  geanonimiseerd: false,
  createdAt: '2026-09-15T08:30:00Z',
  updatedAt: '2026-09-15T08:30:00Z',
  versie: 1,
};

/** A dossier with records of the fields the timeline reads (the contract does not type them yet). */
function dossier(lists: Partial<Record<(typeof DOSSIER_LIJSTEN)[number], object[]>>): Dossier {
  return {
    leerling,
    arrangementen: [],
    toelaatbaarheidsverklaringen: [],
    mdo: [],
    thuiszitters: [],
    ...lists,
  } as Dossier;
}

describe('the timeline of a dossier', () => {
  it('is empty for a pupil without records, and says which records there could be', () => {
    expect(tijdlijn(dossier({}))).toEqual([]);
    expect(legeDossierTekst()).toBe("Nog geen arrangementen, TLV's, MDO's of thuiszittersmeldingen");
    expect(dossierOpsomming('en')).toBe("arrangementen, TLV's, MDO's en thuiszittersmeldingen");
  });

  it('puts the records of every list on one line of dates, oldest first', () => {
    const items = tijdlijn(
      dossier({
        arrangementen: [
          { id: 'a1', startdatum: '2024-01-08' },
          { id: 'a2', startdatum: '2025-08-25' },
        ],
        toelaatbaarheidsverklaringen: [{ id: 't1', ontvangenOp: '2024-11-12' }],
        mdo: [{ id: 'm1', datum: '2023-10-03' }],
        thuiszitters: [{ id: 's1', startdatum: '2025-02-17' }],
      }),
    );
    expect(items.map((i) => [i.datum, i.titel])).toEqual([
      ['2023-10-03', 'Multidisciplinair overleg (MDO)'],
      ['2024-01-08', 'Arrangement'],
      ['2024-11-12', 'Toelaatbaarheidsverklaring (TLV)'],
      ['2025-02-17', 'Thuiszittersmelding'],
      ['2025-08-25', 'Arrangement'],
    ]);
    expect(items.map((i) => i.key)).toEqual([
      'mdo-m1',
      'arrangementen-a1',
      'toelaatbaarheidsverklaringen-t1',
      'thuiszitters-s1',
      'arrangementen-a2',
    ]);
  });

  it('keeps records of one date in the order of the lists and of the API', () => {
    const items = tijdlijn(
      dossier({
        mdo: [{ id: 'm1', datum: '2024-03-01' }],
        arrangementen: [
          { id: 'a2', startdatum: '2024-03-01' },
          { id: 'a1', startdatum: '2024-03-01' },
        ],
      }),
    );
    expect(items.map((i) => i.key)).toEqual(['arrangementen-a2', 'arrangementen-a1', 'mdo-m1']);
  });

  it('says of an arrangement its category, end, amount and status, and links to it', () => {
    const [item] = tijdlijn(
      dossier({
        arrangementen: [
          {
            id: 'a1',
            startdatum: '2017-01-28',
            einddatum: '2017-05-24',
            categorie: 'gedragsinterventietechnieken',
            bedragCent: 312000,
            status: 'aangevraagd',
            verlenging: true,
          },
        ],
      }),
    );
    expect(item).toMatchObject({
      titel: 'Arrangement (verlenging)',
      omschrijving: 'Gedragsinterventietechnieken · tot en met 24-05-2017 · € 3.120 · Aangevraagd',
      href: '/arrangementen/a1',
    });
  });

  it('says of an MDO its level, outcome and whether a consulent was there', () => {
    const [item] = tijdlijn(
      dossier({
        mdo: [
          { id: 'm1', datum: '2016-11-08', ondersteuningsniveau: 3, uitkomst: 'tlv_aanvraag', consulentAanwezig: true },
        ],
      }),
    );
    expect(item).toMatchObject({
      titel: 'Multidisciplinair overleg (MDO)',
      omschrijving: 'Niveau 3 · uitkomst TLV-aanvraag · consulent aanwezig',
      href: '/mdos/m1',
    });
  });

  it('says of a thuiszitter case where the pupil stands, whether it ended, and links to it', () => {
    const [open, gesloten] = tijdlijn(
      dossier({
        thuiszitters: [
          {
            id: 's1',
            startdatum: '2016-11-28',
            einddatum: null,
            verloop: [
              { id: 'v1', vanaf: '2016-11-28', categorie: 'dreigend', scenario: 'b', perspectief: null, createdAt: '' },
              {
                id: 'v2',
                vanaf: '2017-01-09',
                categorie: 'langdurig_relatief_verzuim',
                scenario: null,
                perspectief: 'in_gesprek_met_perspectief',
                createdAt: '',
              },
            ],
          },
          {
            id: 's2',
            startdatum: '2017-03-01',
            einddatum: '2017-06-01',
            eindreden: 'onderwijs',
            verloop: [{ id: 'v3', vanaf: '2017-03-01', categorie: 'absoluut_verzuim', perspectief: 'geplaatst_sbo' }],
          },
        ],
      }),
    );
    expect(open).toMatchObject({
      titel: 'Thuiszittersmelding',
      omschrijving: 'Langdurig relatief verzuim · In gesprek met een school, met perspectief',
      href: '/thuiszitters/s1',
    });
    expect(gesloten?.omschrijving).toBe(
      'Absoluut verzuim · Geplaatst in het sbo · afgesloten op 01-06-2017 (weer onderwijs)',
    );
  });

  it('says of a TLV its kind, the deadline or the decision, and links to it', () => {
    const [open, toegekend] = tijdlijn(
      dossier({
        toelaatbaarheidsverklaringen: [
          {
            id: 't1',
            ontvangenOp: '2016-10-03',
            soort: 'so',
            categorie: 'laag',
            aanvraag: 'nieuw',
            status: 'in_behandeling',
            uiterlijkeBeslisdatum: '2016-11-14',
            dagenResterend: -2,
            opschortingen: [],
          },
          {
            id: 't2',
            ontvangenOp: '2018-05-01',
            soort: 'sbo',
            categorie: null,
            aanvraag: 'verlenging',
            tijdelijk: true,
            status: 'toegekend',
            besluit: { uitkomst: 'toegekend', datum: '2018-06-01', einddatum: '2020-07-31' },
            opschortingen: [],
          },
        ],
      }),
    );
    expect(open).toMatchObject({
      titel: 'Toelaatbaarheidsverklaring (TLV)',
      omschrijving: 'SO, categorie laag · In behandeling, beslissen uiterlijk 14-11-2016 (termijn verstreken)',
      href: '/tlv/t1',
    });
    expect(toegekend).toMatchObject({
      titel: 'Toelaatbaarheidsverklaring (TLV), verlenging',
      omschrijving: 'SBO · tijdelijk · Toegekend, tot en met 31-07-2020',
      href: '/tlv/t2',
    });
  });

  it('names a list for every list of the contract', () => {
    expect(DOSSIER_LIJSTEN).toEqual(['arrangementen', 'toelaatbaarheidsverklaringen', 'mdo', 'thuiszitters']);
  });
});
