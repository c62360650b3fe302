import { describe, expect, it } from 'vitest';
import { MIN_SCORE, passwordStrength } from './passwordStrength';

describe('password strength', () => {
  it('says nothing about an empty field', () => {
    expect(passwordStrength('')).toBeNull();
  });

  it('calls common and repetitive passwords weak', () => {
    for (const weak of ['password1234', 'aaaaaaaaaaaa', 'qwertyuiop12']) {
      const s = passwordStrength(weak);
      expect(s?.ok, weak).toBe(false);
      expect(s?.score, weak).toBeLessThan(MIN_SCORE);
    }
  });

  it('calls a few uncommon words strong', () => {
    const s = passwordStrength('paars-kanon-zeilt-traag');
    expect(s?.ok).toBe(true);
    expect(['Sterk', 'Zeer sterk']).toContain(s?.label);
  });

  it('counts the account’s own address as a known word', () => {
    const alone = passwordStrength('m.jansen2026!');
    const known = passwordStrength('m.jansen2026!', ['M.Jansen@school.example']);
    expect(known?.score ?? 0).toBeLessThanOrEqual(alone?.score ?? 0);
    expect(known?.ok).toBe(false);
  });
});
