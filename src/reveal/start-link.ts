// A link to a step (`#/bridge/3`, `#/1/0/3`) opened before the scene has
// loaded. reveal.js reads the URL once, at start-up, and a scene's fragments
// exist only once its step count is known. The plugin does not hold start-up
// back for its scenes (reveal.js lays the deck out at the window's load
// event, and on a narrow screen that fails if it has not started by then),
// so a scene usually arrives after the URL was read, to find its slide on
// screen without the fragment the link named: this puts the deck there,
// unless the presenter has already moved.
import type { Deck } from './deck.ts';

/**
 * The fragment index in a reveal.js URL hash, read as reveal.js 6 reads it
 * (its location controller): `#/h/v/f` with numbers, `#/name/f` for a
 * slide with an id. Undefined when the hash names no fragment.
 */
export function fragmentInHash(hash: string): number | undefined {
  const bits = hash.replace(/^#\/?/, '').split('/');
  const raw = /^[0-9]*$/.test(bits[0] ?? '') ? bits[2] : bits.length === 2 ? bits[1] : undefined;
  if (raw === undefined || !/^-?\d+$/.test(raw)) return undefined;
  return Number(raw);
}

export class StartLink {
  #fragment: number | undefined;
  #started = false;

  constructor(hash: string) {
    this.#fragment = fragmentInHash(hash);
  }

  /** reveal.js's 'ready': it has read the URL. */
  started(): void {
    this.#started = true;
  }

  /** A slide change after start-up is the presenter's: the link has served. */
  moved(): void {
    if (this.#started) this.#fragment = undefined;
  }

  /** Fragments arrived on `slide`: if the deck is still where the link put it, show the fragment the link named. */
  arrived(deck: Deck, slide: HTMLElement): void {
    const f = this.#fragment;
    if (f === undefined || !deck.isReady() || deck.getCurrentSlide() !== slide) return;
    const { h, v } = deck.getIndices(slide);
    deck.slide(h, v, f);
  }
}
