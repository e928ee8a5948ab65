// The keys an embed answers: the app's reveal.js map (src/player/keys.ts),
// minus what belongs to the app alone (theme, help, presenter mode, black
// screen, notes). The listener sits on the host, so a key only gets here
// while focus is inside the element; the shadow root retargets the event, so
// the real target (a button inside, which keeps Space and Enter) is read from
// the composed path. A clicker's PageUp/PageDown step here as in the app. Its
// start/stop button (F5, Shift+F5, Esc) asks for presenter mode, which an
// embed does not have: in a blog post F5 is a reader reloading the page, so
// it stays the browser's, as Esc does (it leaves full screen).
import { keyAction } from '../player/keys.ts';

export type EmbedAction = 'next' | 'prev' | 'first' | 'last' | 'toggle' | 'fullscreen' | 'overview';

const EMBED: readonly string[] = ['next', 'prev', 'first', 'last', 'toggle', 'fullscreen', 'overview'] satisfies EmbedAction[];

export function embedKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'composedPath'>): EmbedAction | undefined {
  const target = e.composedPath()[0] ?? null;
  const action = keyAction({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, target });
  return action && EMBED.includes(action) ? (action as EmbedAction) : undefined;
}

/** What a key can make the element do. */
export interface KeyHost {
  goTo(n: number): void;
  next(): void;
  prev(): void;
  toggle(): void;
  fullscreen(): void;
  overview(): void;
  /** Steps in the scene, once it is known. */
  readonly count: number | undefined;
}

/** The element's keydown listener: a key it answers is handled and goes no further. */
export function onEmbedKey(e: KeyboardEvent, host: KeyHost): void {
  if (e.defaultPrevented) return;
  const action = embedKey(e);
  if (!action) return;
  if (action === 'first') host.goTo(0);
  // Before the scene is known, "last" is any step past the end: goTo clamps it.
  else if (action === 'last') host.goTo(host.count === undefined ? Number.MAX_SAFE_INTEGER : host.count - 1);
  else host[action]();
  // Handled here: Space must not scroll the post, and a page-level shortcut must not fire too.
  e.preventDefault();
  e.stopPropagation();
}
