import { describe, expect, it } from 'vitest';
import { accent, contrastMetWit, logoFout } from './huisstijl';

describe('logoFout', () => {
  it('takes a small PNG or SVG', () => {
    expect(logoFout({ name: 'logo.png', type: 'image/png', size: 1000 })).toBeNull();
    expect(logoFout({ name: 'logo.svg', type: 'image/svg+xml', size: 1000 })).toBeNull();
  });
  it('refuses other types, empty and too large files', () => {
    expect(logoFout({ name: 'logo.jpg', type: 'image/jpeg', size: 1000 })).toMatch(/PNG- of SVG/);
    expect(logoFout({ name: 'logo.png', type: 'image/png', size: 0 })).toMatch(/leeg/);
    expect(logoFout({ name: 'logo.png', type: 'image/png', size: 300 * 1024 })).toBe(
      'Dit bestand is 300 KB; een logo mag hoogstens 200 KB zijn.',
    );
  });
});

describe('accent', () => {
  it('falls back to Koers without a colour', () => {
    expect(accent(null)).toEqual({ lijn: null, knoppen: null });
    expect(accent('rood')).toEqual({ lijn: null, knoppen: null });
  });
  it('uses a dark colour for buttons too, a light one only for the line', () => {
    expect(accent('#0b7285')).toEqual({ lijn: '#0b7285', knoppen: '#0b7285' });
    expect(accent('#ffd43b')).toEqual({ lijn: '#ffd43b', knoppen: null });
    expect(contrastMetWit('#000000')).toBeCloseTo(21);
  });
});
