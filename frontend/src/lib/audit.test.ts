import { describe, expect, it } from 'vitest';
import { leerlingenVanRegel, padOmschrijving } from './audit';

describe('the pupils of an audit entry', () => {
  it('counts them when the log is not filtered on a pupil', () => {
    expect(leerlingenVanRegel([])).toBe('Geen');
    expect(leerlingenVanRegel(['a'])).toBe('1 leerling');
    expect(leerlingenVanRegel(Array.from({ length: 1234 }, (_, i) => String(i)))).toBe('1.234 leerlingen');
  });

  it('names the pupil filtered on, and how many others the answer held', () => {
    const gefilterd = { id: 'a', referentie: 'NK-2024-0117' };
    expect(leerlingenVanRegel(['a'], gefilterd)).toBe('NK-2024-0117');
    expect(leerlingenVanRegel(['b', 'a', 'c'], gefilterd)).toBe('NK-2024-0117 en 2 andere');
    expect(leerlingenVanRegel([], gefilterd)).toBe('Geen');
  });

  it('counts while the reference of the pupil is not known yet', () => {
    expect(leerlingenVanRegel(['a', 'b'], { id: 'a', referentie: undefined })).toBe('2 leerlingen');
  });
});

describe('what an audit entry was about', () => {
  it('names the dossier, one pupil, or a list, from the path', () => {
    expect(padOmschrijving('/leerlingen/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02/dossier', 'lezen')).toBe('Dossier');
    expect(padOmschrijving('/leerlingen/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02', 'wijzigen')).toBe('Leerling');
    expect(padOmschrijving('/leerlingen?page=1&pageSize=25&q=NK', 'lezen')).toBe('Lijst van leerlingen');
    expect(padOmschrijving('/leerlingen?sort=referentie', 'exporteren')).toBe('Lijst van leerlingen');
    expect(padOmschrijving('/leerlingen', 'aanmaken')).toBe('Nieuwe leerling');
  });

  it('names paths of other areas by their first part', () => {
    expect(padOmschrijving('/werkvoorraad?page=1', 'lezen')).toBe('Werkvoorraad');
  });
});
