// The part of reveal.js's API (reveal.js 6) the plugin uses, typed here so
// the plugin and its types need nothing from reveal.js itself: a deck passes
// its own instance to init().

export interface DeckIndices {
  h: number;
  v: number;
  f?: number;
}

export interface Deck {
  on(type: string, listener: (event: Event) => void): void;
  off(type: string, listener: (event: Event) => void): void;
  /** The `.slides` element: every <section> is inside it. */
  getSlidesElement(): HTMLElement | null | undefined;
  getCurrentSlide(): HTMLElement | undefined;
  getIndices(slide?: HTMLElement): DeckIndices;
  /** Shows slide (h, v) with its fragments up to index f (-1: none). */
  slide(h: number, v?: number, f?: number): void;
  /** Gives fragments added after start-up their data-fragment-index. */
  syncFragments(slide?: HTMLElement): unknown;
  isReady(): boolean;
}

/** reveal.js's plugin shape: `Reveal.initialize({ plugins: [KubehopReveal] })` calls the factory, then init(deck). */
export interface RevealPlugin {
  id: string;
  init(deck: Deck): void;
  destroy(): void;
}
