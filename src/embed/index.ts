// The embed's entry (built to embed/kubehop.js): defines <kubehop-scene>.
//
//   <script type="module" src="…/embed/kubehop.js"></script>
//   <kubehop-scene src="…/embed/scenes/cross-node-vxlan.json" controls></kubehop-scene>
//
// Module evaluation is marked so bench/embed.ts can time module → first
// drawn scene ('kubehop:module' → 'kubehop:drawn').
import { KubehopScene } from './element.ts';
import { mark } from './mark.ts';

mark('kubehop:module');

// A post may load the script twice (a theme's footer and a post both include
// it); the second definition would throw, so the first one stands.
if (!customElements.get('kubehop-scene')) customElements.define('kubehop-scene', KubehopScene);

declare global {
  interface HTMLElementTagNameMap {
    'kubehop-scene': KubehopScene;
  }
  interface HTMLElementEventMap {
    stepchange: CustomEvent<import('./element.ts').StepChangeDetail>;
  }
}

export { KubehopScene, type StepChangeDetail } from './element.ts';
// For the iframe page (embed/index.html), which reads its scene from the URL.
export { parseFrameHash, frameAttributes } from './frame-hash.ts';
