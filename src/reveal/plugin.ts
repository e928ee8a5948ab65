// The reveal.js plugin: every <kubehop-scene> inside a slide steps with the
// deck's own next and previous (keys, a clicker, touch, the overview, the
// URL's fragment index), one fragment per step after the first, and each
// step's speaker notes go to reveal.js's speaker view.
import { SceneBinding, type SceneElement } from './binding.ts';
import type { Deck, RevealPlugin } from './deck.ts';
import { StartLink } from './start-link.ts';
import { adoptDeckStyle } from './style.ts';

/** What moves fragments: reveal.js's navigation, the URL, the overview, and start-up. */
const DECK_EVENTS = ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewhidden'];

export function KubehopReveal(): RevealPlugin {
  let bindings: SceneBinding[] = [];
  let deck: Deck | undefined;
  let started = (): void => {};
  let moved = (): void => {};
  const sync = (): void => {
    for (const b of bindings) b.fromDeck();
  };
  return {
    id: 'kubehop',
    init(d: Deck): void {
      deck = d;
      adoptDeckStyle(document);
      // reveal.js starts without waiting for the scenes (holding it back past the window's load breaks its
      // narrow-screen layout), so a link to a step is read now, before reveal.js rewrites the URL to where
      // it could go without the fragments, and followed when the scene's fragments arrive.
      const link = new StartLink(location.hash);
      const late = (b: SceneBinding): void => link.arrived(d, b.slide);
      const root = d.getSlidesElement() ?? document;
      for (const scene of root.querySelectorAll<SceneElement>('kubehop-scene')) {
        const slide = scene.closest('section');
        if (slide) bindings.push(new SceneBinding(scene, slide, d, late));
      }
      for (const type of DECK_EVENTS) d.on(type, sync);
      started = () => link.started();
      moved = () => link.moved();
      d.on('ready', started);
      d.on('slidechanged', moved);
    },
    destroy(): void {
      deck?.off('ready', started);
      deck?.off('slidechanged', moved);
      for (const type of DECK_EVENTS) deck?.off(type, sync);
      for (const b of bindings) b.destroy();
      bindings = [];
    },
  };
}

