// Types of `kubehop/reveal` (dist/app/embed/kubehop-reveal.js): the reveal.js
// plugin. The source is src/reveal/; tests/unit/reveal.test.ts checks
// that the two agree.

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

/** A reveal.js plugin: `Reveal.initialize({ plugins: [KubehopReveal] })` (reveal.js calls the factory). */
export interface RevealPlugin {
  id: string;
  init(deck: Deck): void;
  destroy(): void;
}

/**
 * Every <kubehop-scene> inside a slide steps with the deck's next and previous
 * (one fragment per step after the first); each step's speaker notes (a bundle
 * made with `kubehop bundle --notes`) go to reveal.js's speaker view.
 */
export declare function KubehopReveal(): RevealPlugin;
export default KubehopReveal;
