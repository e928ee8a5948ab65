// Predict mode in a player (issue 17): on or off, the question open at the
// step shown, the answer being revealed, and what Next and Continue do while
// a question waits. The quiz itself is PredictSession; the player is the app's.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Player, PlayerState } from '../player/index.ts';
import type { Question } from '../quiz/types.ts';
import { parseRoute } from './route.ts';
import { PredictSession, browserStore } from './PredictSession.svelte.ts';

export class PredictMode {
  on = $state(false);
  /** Built when first asked for: a viewer who never predicts pays nothing. */
  quiz = $state.raw<PredictSession | undefined>();
  /**
   * In class (presenter mode): the step whose question the teacher revealed
   * (A, or the next key). A room answers aloud: nothing is recorded.
   */
  classRevealed = $state<number | undefined>();
  private readonly sceneId: string;
  private readonly scene: Scene;
  private readonly steps: DerivedStep[];
  private readonly player: () => Player | undefined;
  private readonly state: () => PlayerState;

  constructor(sceneId: string, scene: Scene, steps: DerivedStep[], player: () => Player | undefined, state: () => PlayerState) {
    this.sceneId = sceneId;
    this.scene = scene;
    this.steps = steps;
    this.player = player;
    this.state = state;
    this.set(this.routed());
  }

  /** The answer shown at the step on screen, right after its hop played. (Getters: cheap, and reactive through what they read.) */
  get feedback() {
    return this.on ? this.quiz?.feedback(this.state().settled) : undefined;
  }

  /** The question open now; the next one waits until the last answer was seen (Continue). */
  get asking(): Question | undefined {
    return this.on && this.quiz && !this.state().moving && !this.feedback ? this.quiz.asking(this.state().settled) : undefined;
  }

  /**
   * In class: the question before the hop about to play, asked whether or not
   * this browser answered it; once revealed, shown with its answer until the
   * player steps elsewhere.
   */
  get inClass(): { question: Question; revealed: boolean } | undefined {
    if (!this.on || !this.quiz) return undefined;
    const s = this.state();
    const r = this.classRevealed;
    const shown = r !== undefined && s.step === r ? this.quiz.plan.get(r) : undefined;
    if (shown) return { question: shown, revealed: true };
    const next = s.moving ? undefined : this.quiz.plan.get(s.settled + 1);
    return next && { question: next, revealed: false };
  }

  /** In class: show the answer and play the hop it predicts. */
  reveal(): void {
    const c = this.inClass;
    if (!c || c.revealed) return;
    this.classRevealed = c.question.step;
    this.player()?.next();
  }

  /** In class, the next key (a clicker has no A): reveal an open question first, then step on. */
  nextInClass(): void {
    const c = this.inClass;
    if (c && !c.revealed) this.reveal();
    else this.player()?.next();
  }

  /** The URL asks for predict mode on this scene (#/<scene>/predict). */
  routed(): boolean {
    const r = parseRoute(location.hash);
    return r.page === 'scene' && r.scene === this.sceneId && r.predict === true;
  }

  set(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    if (!on) return;
    this.quiz = new PredictSession(this.sceneId, this.scene, this.steps, browserStore());
    this.player()?.pause();
    this.player()?.goTo(0);
  }

  answer(q: Question, choice: string): void {
    const s = this.state();
    if (!this.quiz || s.moving || s.settled !== q.step - 1) return;
    this.quiz.answer(q, choice);
    this.player()?.next();
  }

  /** After a verdict, or where there is nothing to predict: the next question, or else the next hop. */
  continue(): void {
    this.quiz?.dismiss();
    if (!this.quiz?.asking(this.state().settled)) this.player()?.next();
  }

  /** Next (button or key): never past an open question, whose choices get the focus instead. */
  next(focusChoices: () => void): void {
    if (this.asking) focusChoices();
    else if (this.feedback) this.continue();
    else this.player()?.next();
  }

  /** "Where does the packet go next?" answered by clicking a place on the diagram. */
  click(target: EventTarget | null): void {
    if (this.asking?.kind !== 'next' || !(target instanceof Element)) return;
    const id = target.closest('[data-id]')?.getAttribute('data-id');
    const place = id && this.scene.elements[id]?.kind !== 'table' && this.scene.links.some((l) => l.a === id || l.b === id);
    if (place) this.answer(this.asking, id);
  }

  restart(): void {
    this.quiz?.restart();
    this.player()?.goTo(0);
  }
}
