// Keyboard shortcuts (reveal.js conventions, DESIGN.md §4, so presentation
// clickers — which send PageUp/PageDown, and B or `.` for a black screen —
// work unchanged).

export type KeyAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'toggle'
  | 'fullscreen'
  | 'theme'
  | 'help'
  | 'present'
  | 'blackout'
  | 'notes'
  | 'overview'
  | 'exit';

const ACTIONS: Record<string, KeyAction> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ' ': 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  p: 'prev',
  P: 'prev',
  Home: 'first',
  End: 'last',
  k: 'toggle',
  K: 'toggle',
  Enter: 'toggle',
  f: 'fullscreen',
  F: 'fullscreen',
  t: 'theme',
  T: 'theme',
  '?': 'help',
  // reveal.js has no key for its presenting layout; G is free in every tool we copy from.
  g: 'present',
  G: 'present',
  b: 'blackout',
  B: 'blackout',
  '.': 'blackout',
  s: 'notes',
  S: 'notes',
  // The whole scene, while the camera follows the packet close up (src/camera).
  o: 'overview',
  O: 'overview',
  // Only ever acts when something is there to leave (PlayerView); otherwise Esc stays the browser's.
  Escape: 'exit',
};

/** What a key press asks the player to do, or undefined when the key belongs to something else. */
export function keyAction(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}): KeyAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const action = ACTIONS[e.key];
  if (!action) return undefined;
  const el = e.target as
    | { tagName?: unknown; isContentEditable?: unknown; closest?: (sel: string) => unknown }
    | null
    | undefined;
  // An open help dialog is modal: only `?` (and Esc, which the dialog handles itself) act.
  if (action !== 'help' && typeof el?.closest === 'function' && el.closest('dialog[open]')) return undefined;
  const tag = typeof el?.tagName === 'string' ? el.tagName.toUpperCase() : '';
  // Typing, choosing and scrubbing keep their own keys.
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable === true) {
    return undefined;
  }
  // Space and Enter on a focused button or link press that control, as they should.
  if ((e.key === ' ' || e.key === 'Enter') && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY')) {
    return undefined;
  }
  return action;
}
