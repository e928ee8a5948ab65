// Inside a deck, reveal.js owns the keys. <kubehop-scene> answers keys while
// it has focus (after a click on it, say) and stops them there, so reveal.js
// would never see them and the scene would step without its fragments.
// Marking such a key handled (preventDefault) before the element sees it
// makes the element leave it alone (it ignores handled keys), while the key
// goes on up to reveal.js, which acts on it whatever its defaultPrevented:
// one key, one step, the deck's. The one exception is Space or Enter on a
// button inside the element: that is the button's click, which steps the
// scene and, through the stepchange, the deck; reveal.js must not also
// take it as "next".

/** What the element would do with these keys (its map: arrows, Space, PageUp/PageDown, N, P, Home, End, K, Enter, F, O). */
const ELEMENT_KEYS = new Set([
  'ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', ' ', 'Spacebar', 'PageUp', 'PageDown', 'Home', 'End',
  'n', 'N', 'p', 'P', 'k', 'K', 'f', 'F', 'o', 'O', 'Enter',
]);

export type KeyRoute = 'deck' | 'button' | 'none';

/** Who should act on a key pressed inside the element. */
export function keyRoute(key: string, onButton: boolean): KeyRoute {
  if (onButton && (key === ' ' || key === 'Spacebar' || key === 'Enter')) return 'button';
  return ELEMENT_KEYS.has(key) ? 'deck' : 'none';
}

/** Hands the element's keys to the deck; returns the undo. */
export function handKeysToDeck(scene: HTMLElement): () => void {
  const onButton = (e: KeyboardEvent): boolean => {
    const target = e.composedPath()[0];
    return target instanceof Element && target.localName === 'button';
  };
  // Capture on the host runs before the element's own listener on the host, wherever inside the key was pressed.
  const before = (e: KeyboardEvent): void => {
    if (keyRoute(e.key, onButton(e)) === 'deck') e.preventDefault();
  };
  // After the element's listener (added when it was made), before the event leaves for the document.
  const after = (e: KeyboardEvent): void => {
    if (keyRoute(e.key, onButton(e)) === 'button') e.stopPropagation();
  };
  scene.addEventListener('keydown', before, true);
  scene.addEventListener('keydown', after);
  return () => {
    scene.removeEventListener('keydown', before, true);
    scene.removeEventListener('keydown', after);
  };
}
