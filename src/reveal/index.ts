// `kubehop/reveal` (built to embed/kubehop-reveal.js): the reveal.js plugin.
// It drives <kubehop-scene> through the element's public API and imports
// none of its code, so the page loads the element (kubehop.js) once.
//
//   import KubehopReveal from './kubehop/kubehop-reveal.js';
//   Reveal.initialize({ plugins: [RevealNotes, KubehopReveal] });
import { KubehopReveal } from './plugin.ts';

export default KubehopReveal;
export { KubehopReveal };
export type { Deck, RevealPlugin } from './deck.ts';
