// Types of `kubehop/reveal` (dist/app/embed/kubehop-reveal.js): the reveal.js
// plugin. The source is src/reveal/; tests/unit/reveal.test.ts checks
// that the two agree.

export interface KubehopRevealOptions {
  /**
   * How long the deck may wait, at start-up, for its scenes to load (ms,
   * default 8000). reveal.js reads the URL's slide and fragment only after its
   * plugins are ready; a scene slower than this gets its fragments when it arrives.
   */
  waitMs?: number;
}

/** The part of a reveal.js deck (its API object) the plugin uses. */
export interface Deck {
  on(type: string, listener: (event: Event) => void): void;
  off(type: string, listener: (event: Event) => void): void;
  getSlidesElement(): HTMLElement | null | undefined;
  getCurrentSlide(): HTMLElement | undefined;
  getIndices(slide?: HTMLElement): { h: number; v: number; f?: number };
  slide(h: number, v?: number, f?: number): void;
  syncFragments(slide?: HTMLElement): unknown;
  isReady(): boolean;
}

/** A reveal.js plugin: `Reveal.initialize({ plugins: [KubehopReveal] })`, or `KubehopReveal({ … })` for options. */
export interface RevealPlugin {
  id: string;
  init(deck: Deck): Promise<void>;
  destroy(): void;
}

/**
 * Every <kubehop-scene> inside a slide steps with the deck's next and previous
 * (one fragment per step after the first); each step's speaker notes (a bundle
 * made with `kubehop bundle --notes`) go to reveal.js's speaker view.
 */
export declare function KubehopReveal(options?: KubehopRevealOptions): RevealPlugin;
export default KubehopReveal;
