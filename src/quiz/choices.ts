// The choices of one question: the right answer and up to three wrong ones,
// taken in order of plausibility, never the answer again, never twice.
import type { Choice } from './types.ts';
import { shuffled } from './seed.ts';

export const MAX_CHOICES = 4;

/**
 * `wrong` is ordered most plausible first; ids equal to the answer's and
 * repeats are dropped. Undefined when no wrong choice is left: a question with
 * one choice teaches nothing.
 */
export function pickChoices(answer: Choice, wrong: readonly Choice[], key: string): Choice[] | undefined {
  const seen = new Set([answer.id]);
  const labels = new Set([answer.label]);
  const kept: Choice[] = [];
  for (const c of wrong) {
    if (kept.length === MAX_CHOICES - 1) break;
    // Two ids drawn alike would be two buttons a student cannot tell apart.
    if (seen.has(c.id) || labels.has(c.label)) continue;
    seen.add(c.id);
    labels.add(c.label);
    kept.push(c);
  }
  if (kept.length === 0) return undefined;
  return shuffled([answer, ...kept], key);
}

/** A choice whose label is its id (addresses, ports, TTLs). */
export function plain(value: string | number): Choice {
  return { id: String(value), label: String(value) };
}
