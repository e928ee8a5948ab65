// A quiz's result: how many of the questions asked were answered right, and
// which were missed (to link back to their steps).
import type { Question } from './types.ts';

export interface Score {
  right: number;
  /** Questions answered so far. */
  answered: number;
  /** Questions the scene asks in all. */
  total: number;
  /** The questions answered wrong, in step order. */
  missed: Question[];
}

/** `answers` maps a question's id to the choice id given first. */
export function scoreOf(plan: ReadonlyMap<number, Question>, answers: ReadonlyMap<string, string>): Score {
  const qs = [...plan.values()].sort((a, b) => a.step - b.step);
  const given = qs.filter((q) => answers.has(q.id));
  const missed = given.filter((q) => answers.get(q.id) !== q.answer);
  return { right: given.length - missed.length, answered: given.length, total: qs.length, missed };
}

/** The label of the choice with that id, or the id itself. */
export function choiceLabel(q: Question, id: string): string {
  return q.choices.find((c) => c.id === id)?.label ?? id;
}
