import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** The API refuses a password that zxcvbn scores below this (`domain/rules.rs`). */
export const MIN_SCORE = 3;

const LABELS = ['Zeer zwak', 'Zwak', 'Matig', 'Sterk', 'Zeer sterk'] as const;
const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

export interface Strength {
  /** zxcvbn's 0 (guessed at once) to 4 (very hard to guess). */
  score: number;
  label: (typeof LABELS)[number];
  color: (typeof COLORS)[number];
  /** Strong enough for the API. */
  ok: boolean;
}

// Built on first use: the dictionaries are large and only the user form needs them.
let factory: ZxcvbnFactory | null = null;

/**
 * How hard `password` is to guess, or null for an empty field. `userInputs` (the e-mail address,
 * the name) count as known words, as they would to an attacker who knows the account.
 */
export function passwordStrength(password: string, userInputs: readonly string[] = []): Strength | null {
  if (password === '') return null;
  factory ??= new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
  const inputs = userInputs.flatMap((s) => {
    const t = s.trim().toLocaleLowerCase('nl-NL');
    const local = t.split('@')[0] ?? '';
    return [t, local].filter((x) => x.length >= 3);
  });
  const score = Math.max(0, Math.min(4, factory.check(password, inputs).score));
  return { score, label: LABELS[score] ?? 'Zeer zwak', color: COLORS[score] ?? 'red', ok: score >= MIN_SCORE };
}
