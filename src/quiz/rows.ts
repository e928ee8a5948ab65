// "Which table row decides this hop?": asked where a step lights exactly one
// row of a table that was already there to read. The wrong choices are the
// table's other rows as the student saw them before the hop.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Question } from './types.ts';
import type { TableStates } from '../derive/tables.ts';
import { pickChoices } from './choices.ts';
import { shuffled } from './seed.ts';
import { narration } from '../derive/trace.ts';

export function rowQuestions(scene: Scene, steps: readonly DerivedStep[], i: number): Question[] {
  const step = steps[i];
  const prev = steps[i - 1];
  if (!step || !prev) return [];
  const before: TableStates = prev.tables ?? {};
  const out: Question[] = [];
  for (const table of new Set(step.highlight.map((h) => h.table))) {
    const lit = step.highlight.filter((h) => h.table === table);
    // Two rows lit together (a chain's jump and its target) have no single answer.
    if (lit.length !== 1) continue;
    const rows = before[table] ?? [];
    const answer = rows.find((r) => r.id === lit[0]!.row);
    // A row this step adds was not there to read, and one whose text the step changes would give a stale answer.
    if (!answer || step.tables?.[table]?.find((r) => r.id === answer.id)?.text !== answer.text) continue;
    const key = `${scene.id}#${i}#row#${table}`;
    const wrong = shuffled(rows.filter((r) => r.id !== answer.id), key).map((r) => ({ id: r.id, label: r.text }));
    const choices = pickChoices({ id: answer.id, label: answer.text }, wrong, key);
    if (!choices) continue;
    out.push({
      id: `${i}:row:${table}`,
      step: i,
      kind: 'row',
      prompt: `Which row of ${table} matches the packet at this hop?`,
      choices,
      answer: answer.id,
      explanation: narration(step),
    });
  }
  return out;
}
