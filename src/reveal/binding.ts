// One <kubehop-scene> tied to its slide: the deck's fragments say which step
// it shows, and a step taken on the element itself (its Prev/Next/Play
// buttons, a swipe on it) moves the deck's fragments to match, so the deck's
// state, its URL and the speaker view never disagree with the diagram.
import type { Deck } from './deck.ts';
import { addStepFragments, type StepFragments } from './fragments.ts';
import { handKeysToDeck } from './keys.ts';
import { fetchStepNotes } from './notes.ts';
import { fragmentIndexFor, stepOf } from './steps.ts';

/** The element's public API as the plugin uses it (lib/element.d.ts), without importing the element's code. */
export interface SceneElement extends HTMLElement {
  readonly currentStep?: number | undefined;
  readonly stepCount?: number | undefined;
  goTo(n: number): void;
}

export class SceneBinding {
  #parts: StepFragments | undefined;
  #builds = 0;
  readonly #stops: (() => void)[] = [];

  constructor(
    readonly scene: SceneElement,
    readonly slide: HTMLElement,
    private readonly deck: Deck,
    /** Told when fragments arrive after the deck has started. */
    private readonly onLate: (b: SceneBinding) => void = () => {},
  ) {
    // reveal.js leaves a swipe that starts on the scene to the element, which steps (and so moves the deck) itself.
    scene.setAttribute('data-prevent-swipe', '');
    this.#stops.push(handKeysToDeck(scene));
    // Every load (a changed src too) rebuilds the fragments: the step count may have changed.
    const onLoad = (): void => void this.#build();
    const onStep = (e: Event): void => this.#fromScene((e as CustomEvent<{ step: number }>).detail.step);
    scene.addEventListener('load', onLoad);
    scene.addEventListener('stepchange', onStep);
    this.#stops.push(() => {
      scene.removeEventListener('load', onLoad);
      scene.removeEventListener('stepchange', onStep);
    });
    if (scene.stepCount !== undefined) onLoad();
  }

  /** Shows the step the deck's fragments stand for. */
  fromDeck(): void {
    if (!this.#parts) return;
    const step = this.#shownStep(this.#parts);
    if (this.scene.currentStep !== step) this.scene.goTo(step);
  }

  destroy(): void {
    for (const stop of this.#stops) stop();
    this.#builds++;
    this.#parts?.remove();
    this.#parts = undefined;
    this.scene.removeAttribute('data-prevent-swipe');
  }

  async #build(): Promise<void> {
    const token = ++this.#builds;
    const count = this.scene.stepCount ?? 0;
    const src = this.scene.getAttribute('src') ?? '';
    const notes = src ? await fetchStepNotes(src, this.scene.ownerDocument.baseURI) : [];
    if (token !== this.#builds) return;
    this.#parts?.remove();
    // The slide's own fragments numbered first: reveal.js orders numbered fragments before unnumbered ones,
    // so the scene's steps always come after them, whether the scene loaded before the deck started or after.
    this.deck.syncFragments(this.slide);
    const parts = addStepFragments(this.scene, count, notes);
    this.#parts = parts;
    this.deck.syncFragments(this.slide);
    // Added after the deck started: a slide already passed shows all its fragments, as reveal.js does.
    if (!this.deck.isReady()) return;
    if (this.slide.classList.contains('past')) for (const f of parts.fragments) f.classList.add('visible');
    this.onLate(this);
    this.fromDeck();
  }

  #fromScene(step: number): void {
    const parts = this.#parts;
    if (!parts || !this.deck.isReady() || this.#shownStep(parts) === step) return;
    // Only the slide on screen is the deck's to move; any other follows the deck when it is shown.
    if (this.deck.getCurrentSlide() !== this.slide) return;
    const f = fragmentIndexFor(
      parts.fragments.map((el) => Number(el.dataset.fragmentIndex)),
      step,
    );
    if (f === undefined || Number.isNaN(f)) return;
    const { h, v } = this.deck.getIndices(this.slide);
    this.deck.slide(h, v, f);
  }

  #shownStep(parts: StepFragments): number {
    return stepOf(parts.fragments.map((el) => el.classList.contains('visible')));
  }
}
