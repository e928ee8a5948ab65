// Which look the element wears. `auto` follows the reader's system setting
// and keeps following it: a reader whose OS turns dark at sunset sees the
// diagram turn with it, without reloading the post.
import type { Theme } from './attributes.ts';

export type Look = 'light' | 'dark' | 'projector';

export function resolveTheme(theme: Theme, systemDark: boolean): Look {
  return theme === 'auto' ? (systemDark ? 'dark' : 'light') : theme;
}

/** The class the renderer's stylesheet (src/render/style.ts) switches on, for a look. */
export function themeClass(look: Look): string | undefined {
  return look === 'light' ? undefined : `kh-theme-${look}`;
}

/** Calls `fn` now and whenever a media query's answer changes; returns the stop function. */
export function watchMedia(query: string, fn: (matches: boolean) => void): () => void {
  if (typeof matchMedia !== 'function') {
    fn(false);
    return () => {};
  }
  const mq = matchMedia(query);
  const on = (): void => fn(mq.matches);
  mq.addEventListener('change', on);
  on();
  return () => mq.removeEventListener('change', on);
}
