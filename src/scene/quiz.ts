// validate: a step's own questions (quiz:). The schema has checked their
// shape (2–4 choices, no empty text); here the answer must be one of the
// choices and no choice may be offered twice, or predict mode would ask a
// question with no right answer, or two buttons a student cannot tell apart.
import type { RawStepQuestion } from './schema.ts';
import type { StepQuestion } from './model.ts';
import type { Diagnostic } from './diagnostic.ts';
import { posAt, type ParsedScene } from './parse.ts';
import { didYouMean } from './suggest.ts';
import { diag } from './messages.ts';

/** The step's questions, trimmed; undefined when it has none. Problems go to `out`. */
export function resolveQuiz(parsed: ParsedScene, written: readonly RawStepQuestion[] | undefined, step: number, out: Diagnostic[]): StepQuestion[] | undefined {
  if (!written) return undefined;
  const at = (k: number, ...rest: (string | number)[]) => posAt(parsed, ['steps', step, 'quiz', k, ...rest]);
  const questions = written.map((w, k): StepQuestion => {
    const choices = w.choices.map((c) => c.trim());
    choices.forEach((c, j) => {
      const first = choices.indexOf(c);
      if (first < j) out.push(diag(at(k, 'choices', j), 'quizDuplicateChoice', c, first + 1));
    });
    const answer = w.answer.trim();
    if (!choices.includes(answer)) out.push(diag(at(k, 'answer'), 'quizAnswerNotChoice', answer, didYouMean(answer, choices), [...new Set(choices)]));
    const q: StepQuestion = { question: w.question.trim(), choices, answer };
    if (w.explanation !== undefined) q.explanation = w.explanation.trim();
    return q;
  });
  return questions;
}
