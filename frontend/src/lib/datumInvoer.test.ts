import { describe, expect, it } from 'vitest';
import { leesDatum } from './datumInvoer';

describe('leesDatum', () => {
  it('reads Dutch day-month-year in several spellings', () => {
    expect(leesDatum('15-09-2026')).toBe('2026-09-15');
    expect(leesDatum('1-8-2026')).toBe('2026-08-01');
    expect(leesDatum('31/07/2026')).toBe('2026-07-31');
    expect(leesDatum('15.09.2026')).toBe('2026-09-15');
    expect(leesDatum('15 september 2026')).toBe('2026-09-15');
    expect(leesDatum('15 sep 2026')).toBe('2026-09-15');
    expect(leesDatum('2026-09-15')).toBe('2026-09-15');
  });

  it('refuses days that do not exist and other text', () => {
    expect(leesDatum('31-06-2026')).toBeNull();
    expect(leesDatum('29-02-2026')).toBeNull();
    expect(leesDatum('29-02-2028')).toBe('2028-02-29');
    expect(leesDatum('09/15/2026')).toBeNull();
    expect(leesDatum('morgen')).toBeNull();
  });
});
