// A scene's own question on a step (`quiz:` in the scene file: question,
// choices, answer, explanation), turned into a Question like the generated
// ones. Validation has refused a missing answer and repeated choices.
import type { DerivedStep } from '../derive/types.ts';
import type { StepQuestion } from '../scene/model.ts';
import type { Question } from './types.ts';
import { shuffled } from './seed.ts';
import { narration } from '../derive/trace.ts';
import { MAX_CHOICES } from './choices.ts';

export function authoredQuestions(sceneId: string, step: DerivedStep, written: readonly StepQuestion[]): Question[] {
  return written.flatMap((w, n): Question[] => {
    const texts = [...new Set(w.choices)];
    // A bundle from an older build was not checked so: a bad question is left out, not asked wrong.
    if (!texts.includes(w.answer) || texts.length < 2 || texts.length > MAX_CHOICES) return [];
    return [
      {
        id: `${step.index}:authored:${n}`,
        step: step.index,
        kind: 'authored',
        prompt: w.question,
        choices: shuffled(texts, `${sceneId}#${step.index}#authored#${n}`).map((t) => ({ id: t, label: t })),
        answer: w.answer,
        explanation: w.explanation ?? narration(step),
      },
    ];
  });
}
