import { describe, expect, it } from 'vitest';
import { leerlingenVanRegel } from './audit';

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
