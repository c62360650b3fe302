import { describe, expect, it } from 'vitest';
import { netteTicks, telAsProps, tickGetal, tickProcent } from './assen';

describe('netteTicks', () => {
  it('gives whole steps for counts', () => {
    expect(netteTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(netteTicks(3)).toEqual([0, 1, 2, 3]);
    expect(netteTicks(100)).toEqual([0, 50, 100]);
    expect(netteTicks(150)).toEqual([0, 50, 100, 150]);
    expect(netteTicks(0)).toEqual([0, 1]);
  });

  it('gives round decimals for rates', () => {
    expect(netteTicks(1.37, { heel: false })).toEqual([0, 0.5, 1, 1.5]);
    expect(netteTicks(12.345, { heel: false })).toEqual([0, 5, 10, 15]);
  });

  it('always reaches the highest value', () => {
    for (const max of [1, 9, 11, 47, 333, 1234]) {
      const ticks = netteTicks(max);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('tick labels', () => {
  it('are Dutch and short', () => {
    expect(tickGetal(1200)).toBe('1.200');
    expect(tickGetal(2.5)).toBe('2,5');
    expect(tickProcent(33.333333)).toBe('33,3%');
    expect(telAsProps([4, 9]).domain).toEqual([0, 10]);
  });
});
