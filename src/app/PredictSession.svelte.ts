// Predict mode's state for one scene: the question asked before each hop,
// the answers given (kept in the browser), and the answer being revealed.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Question } from '../quiz/types.ts';
import { questionsByStep, quizPlan } from '../quiz/generate.ts';
import { scoreOf, type Score } from '../quiz/score.ts';
import { loadAnswers, saveAnswers, type KeyValueStore } from '../quiz/progress.ts';

export interface Feedback {
  question: Question;
  given: string;
  right: boolean;
}

export class PredictSession {
  readonly plan: Map<number, Question>;
  /** Question id → the choice given first; a later visit does not ask it again. */
  answers = $state.raw(new Map<string, string>());
  /** The step whose answer is being shown (the hop just played after an answer). */
  revealed = $state<number | undefined>();
  private readonly sceneId: string;
  private readonly store: KeyValueStore | undefined;

  constructor(sceneId: string, scene: Scene, steps: DerivedStep[], store: KeyValueStore | undefined) {
    this.sceneId = sceneId;
    this.store = store;
    this.plan = quizPlan(questionsByStep(scene, steps));
    const kept = loadAnswers(store, sceneId);
    // Only answers to questions this version of the scene still asks.
    const ids = new Set([...this.plan.values()].map((q) => q.id));
    this.answers = new Map([...kept].filter(([id]) => ids.has(id)));
  }

  /** The question to answer while step `at` is shown: the next hop's, unless answered already. */
  asking(at: number): Question | undefined {
    const q = this.plan.get(at + 1);
    return q && !this.answers.has(q.id) ? q : undefined;
  }

  /** The answer to show at step `at`, right after its hop played. */
  feedback(at: number): Feedback | undefined {
    const q = this.revealed === at ? this.plan.get(at) : undefined;
    const given = q && this.answers.get(q.id);
    return q && given !== undefined ? { question: q, given, right: given === q.answer } : undefined;
  }

  answer(q: Question, choice: string): void {
    if (this.answers.has(q.id)) return;
    this.answers = new Map(this.answers).set(q.id, choice);
    saveAnswers(this.store, this.sceneId, this.answers);
    this.revealed = q.step;
  }

  dismiss(): void {
    this.revealed = undefined;
  }

  restart(): void {
    this.answers = new Map();
    this.revealed = undefined;
    saveAnswers(this.store, this.sceneId, this.answers);
  }

  get score(): Score {
    return scoreOf(this.plan, this.answers);
  }
}

/** The browser's storage, or none where it is refused (a sandboxed frame). */
export function browserStore(): KeyValueStore | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
