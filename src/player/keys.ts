// Keyboard shortcuts, after reveal.js's, so presentation clickers work
// unchanged: they send PageUp/PageDown to step, B or `.` to blank the
// screen, and F5 / Esc / Shift+F5 from their "start/stop slideshow" button.

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
  | 'inspector'
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
  // A clicker's start/stop button sends F5 and Esc in turn (Logitech R400, R800;
  // newer ones Shift+F5, "from the current slide"). Its idea of whether the show
  // is on drifts from ours once G or Exit was used, so F5 toggles rather than enters.
  F5: 'present',
  b: 'blackout',
  B: 'blackout',
  '.': 'blackout',
  s: 'notes',
  S: 'notes',
  // The packet's headers: the inspector beside the stage, or over it in presenter mode.
  i: 'inspector',
  I: 'inspector',
  // The whole scene, while the camera follows the packet close up (src/camera).
  o: 'overview',
  O: 'overview',
  // Only ever acts when something is there to leave (PlayerView); otherwise Esc stays the browser's.
  Escape: 'exit',
};

/**
 * What a clicker sends. These act on every focused control but a text field:
 * a presenter who clicked the scrubber or the speed list must not find the next
 * click moving the slider instead (a range input takes PageDown as "a tenth of
 * the way back", which was two steps back on a 20-step scene).
 */
const CLICKER: ReadonlySet<string> = new Set(['PageDown', 'PageUp', 'b', 'B', '.', 'g', 'G', 's', 'S', 'Escape', 'F5']);

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
const PRESS = [' ', 'Enter'];

// Input types that take no typing; every other type (text, number, date…) is a text field.
const NOT_TEXT = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'color', 'file']);

interface Target {
  tagName?: unknown;
  type?: unknown;
  isContentEditable?: unknown;
  closest?: (sel: string) => unknown;
}

/**
 * The keys the focused control keeps for itself (besides a clicker's), or
 * 'all' for a text field. The slider and the lists keep their arrows, Home
 * and End: that is how a keyboard user scrubs or picks a speed, and the
 * slider follows the ARIA slider pattern (Up and Right go forward), which
 * screen-reader users expect even though the player's own ↑ goes back.
 */
function keeps(el: Target | null | undefined): 'all' | ((key: string) => boolean) {
  if (el?.isContentEditable === true) return 'all';
  const tag = typeof el?.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA') return 'all';
  if (tag === 'INPUT') {
    const type = typeof el?.type === 'string' ? el.type.toLowerCase() : 'text';
    if (!NOT_TEXT.has(type)) return 'all';
    if (type === 'range') return (k) => ARROWS.includes(k) || k === 'Home' || k === 'End';
    if (type === 'radio') return (k) => ARROWS.includes(k) || k === ' ';
    if (type === 'checkbox') return (k) => k === ' ';
    return (k) => PRESS.includes(k);
  }
  // A closed list also picks an option by its first letters: letters stay its own.
  if (tag === 'SELECT') return (k) => ARROWS.includes(k) || k === 'Home' || k === 'End' || PRESS.includes(k) || k.length === 1;
  // Space and Enter press a focused button or link, as they should.
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return (k) => PRESS.includes(k);
  return () => false;
}

/** What a key press asks the player to do, or undefined when the key belongs to something else. */
export function keyAction(e: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}): KeyAction | undefined {
  // Shift stays allowed: it makes the capitals, `?`, and a clicker's Shift+F5.
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const action = ACTIONS[e.key];
  if (!action) return undefined;
  const el = e.target as Target | null | undefined;
  // An open help dialog is modal: only `?` (and Esc, which the dialog handles itself) act.
  if (action !== 'help' && typeof el?.closest === 'function' && el.closest('dialog[open]')) return undefined;
  const kept = keeps(el);
  if (kept === 'all') return undefined;
  if (!CLICKER.has(e.key) && kept(e.key)) return undefined;
  return action;
}
