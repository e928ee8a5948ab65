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
