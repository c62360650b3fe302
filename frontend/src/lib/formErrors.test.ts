import { describe, expect, it } from 'vitest';
import { mapInvalidParams, toFormPath } from './formErrors';

describe('mapInvalidParams', () => {
  const fields = ['naam', 'brin', 'soort', 'schoolbestuurId', 'financiering'];

  it('puts each reason at its field, as a sentence', () => {
    const result = mapInvalidParams(
      [
        {
          name: 'brin',
          reason: 'moet 2 cijfers en 2 hoofdletters zijn, eventueel gevolgd door 2 cijfers (bijv. 12AB00)',
        },
      ],
      fields,
    );
    expect(result.fields).toEqual({
      brin: 'Moet 2 cijfers en 2 hoofdletters zijn, eventueel gevolgd door 2 cijfers (bijv. 12AB00)',
    });
    expect(result.other).toEqual([]);
  });

  it('joins several reasons for one field, without repeating one', () => {
    const result = mapInvalidParams(
      [
        { name: 'naam', reason: 'moet 1 tot 200 tekens lang zijn' },
        { name: 'naam', reason: 'mag niet leeg zijn' },
        { name: 'naam', reason: 'mag niet leeg zijn' },
      ],
      fields,
    );
    expect(result.fields.naam).toBe('Moet 1 tot 200 tekens lang zijn; mag niet leeg zijn');
  });

  it('maps nested names to form paths, or to their top-level field', () => {
    expect(toFormPath('financiering[0].bron')).toBe('financiering.0.bron');
    const nested = mapInvalidParams(
      [{ name: 'financiering[1].bedragCent', reason: 'moet positief zijn' }],
      [...fields, 'financiering.1.bedragCent'],
    );
    expect(nested.fields).toEqual({ 'financiering.1.bedragCent': 'Moet positief zijn' });
    const root = mapInvalidParams([{ name: 'financiering[1].bron', reason: 'is onbekend' }], fields);
    expect(root.fields).toEqual({ financiering: 'Is onbekend' });
  });

  it("shows the API's reason for a refused password at the password field, whole", () => {
    const reason = 'Dit wachtwoord is te makkelijk te raden. Het is een veelgebruikt wachtwoord';
    const result = mapInvalidParams([{ name: 'wachtwoord', reason }], ['naam', 'email', 'wachtwoord']);
    expect(result.fields).toEqual({ wachtwoord: reason });
    expect(result.other).toEqual([]);
  });

  it('reports names that are not fields of the form as general messages, with a label', () => {
    const result = mapInvalidParams(
      [
        { name: 'samenwerkingsverbandId', reason: 'bestaat niet' },
        { name: 'pageSize', reason: 'moet 1 tot 200 zijn' },
      ],
      fields,
      { samenwerkingsverbandId: 'Samenwerkingsverband' },
    );
    expect(result.fields).toEqual({});
    expect(result.other).toEqual(['Samenwerkingsverband: bestaat niet', 'pageSize: moet 1 tot 200 zijn']);
  });

  it('puts a reason at the form field an API name is shown in', () => {
    const result = mapInvalidParams(
      [
        { name: 'eind', reason: 'moet na het begin liggen' },
        { name: 'start', reason: 'is verplicht' },
      ],
      ['begintijd', 'eindtijd'],
      {},
      { start: 'begintijd', eind: 'eindtijd' },
    );
    expect(result.fields).toEqual({ eindtijd: 'Moet na het begin liggen', begintijd: 'Is verplicht' });
  });
});
