// A predict-the-hop question: asked before a step is shown, answered from
// what the derive stage computed for that step, never typed per scene.

/** One answer on offer. `id` is what an answer is compared by (a device's qualified id, a row id, a header value). */
export interface Choice {
  id: string;
  label: string;
}

/**
 * next: where the packet goes; field: a header value after the hop; row: the
 * table row that decides the hop; tunnel: whether an outer header is added;
 * authored: a question the scene file wrote for the step.
 */
export type QuestionKind = 'next' | 'field' | 'row' | 'tunnel' | 'authored';

export interface Question {
  /** Stable within a scene: `<step index>:<kind>[:detail]`, for progress kept between visits. */
  id: string;
  /** The step (0-based) whose outcome the question predicts; it is asked while step - 1 is shown. */
  step: number;
  kind: QuestionKind;
  prompt: string;
  /** 2–4 choices, shuffled (deterministically), each id once. */
  choices: Choice[];
  /** The right choice's id. */
  answer: string;
  /** Shown with the right/wrong feedback: the step's narration unless the scene wrote one. */
  explanation: string;
  /** A "where next?" whose packet had no other way on than the one it takes: true, but predict mode does not ask it. */
  forced?: true;
}
