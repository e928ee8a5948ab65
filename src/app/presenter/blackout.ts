// While the screen is black, the first key that would change the picture
// brings the picture back instead of acting. reveal.js swallows such keys,
// which leaves a presenter with a clicker pressing "next" at a dark screen;
// acting in the dark would let the audience miss a step. So: one press to
// show the screen again, the next one steps. Both windows follow this rule,
// so a clicker behaves the same whichever has focus.

import type { KeyAction } from '../../player/index.ts';

const CHANGES_PICTURE: ReadonlySet<KeyAction> = new Set<KeyAction>(['next', 'prev', 'first', 'last', 'toggle']);

export function revealsInstead(action: KeyAction): boolean {
  return CHANGES_PICTURE.has(action);
}
