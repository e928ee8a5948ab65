// The reveal.js plugin: every <kubehop-scene> inside a slide steps with the
// deck's own next and previous (keys, a clicker, touch, the overview, the
// URL's fragment index), one fragment per step after the first, and each
// step's speaker notes go to reveal.js's speaker view.
import { SceneBinding, type SceneElement } from './binding.ts';
import type { Deck, RevealPlugin } from './deck.ts';

export interface KubehopRevealOptions {
  /**
   * How long the deck may wait, at start-up, for its scenes to load (ms,
   * default 8000). reveal.js reads the URL's slide and fragment only after
   * its plugins are ready, and a scene's fragments exist once its step count
   * is known; a scene slower than this gets its fragments when it arrives.
   */
  waitMs?: number;
}

/** What moves fragments: reveal.js's navigation, the URL, the overview, and start-up. */
const DECK_EVENTS = ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewhidden'];

export function KubehopReveal(options: KubehopRevealOptions = {}): RevealPlugin {
  let bindings: SceneBinding[] = [];
  let deck: Deck | undefined;
  const sync = (): void => {
    for (const b of bindings) b.fromDeck();
  };
  return {
    id: 'kubehop',
    async init(d: Deck): Promise<void> {
      deck = d;
      const root = d.getSlidesElement() ?? document;
      for (const scene of root.querySelectorAll<SceneElement>('kubehop-scene')) {
        const slide = scene.closest('section');
        if (slide) bindings.push(new SceneBinding(scene, slide, d));
      }
      for (const type of DECK_EVENTS) d.on(type, sync);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.waitMs ?? 8000)));
      await Promise.race([Promise.all(bindings.map((b) => b.ready)), waited]);
      clearTimeout(timer);
    },
    destroy(): void {
      for (const type of DECK_EVENTS) deck?.off(type, sync);
      for (const b of bindings) b.destroy();
      bindings = [];
    },
  };
}
