// The page's theme. The choice is kept between visits; until the viewer
// picks one, the system's light/dark preference decides. Storage may be
// missing or refuse (private windows, sandboxed embeds): then nothing is kept.

export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

const KEY = 'kubehop.theme';

export function isTheme(v: unknown): v is Theme {
  return typeof v === 'string' && (THEMES as readonly string[]).includes(v);
}

/** The kept choice, or undefined when the viewer never chose (or storage is unavailable). */
export function loadTheme(): Theme | undefined {
  try {
    const kept = localStorage.getItem(KEY);
    return isTheme(kept) ? kept : undefined;
  } catch {
    return undefined;
  }
}

export function saveTheme(t: Theme): void {
  try {
    localStorage.setItem(KEY, t);
  } catch {
    // Not kept: the choice still holds for this page.
  }
}

/** `T` cycles light → dark → projector → light. */
export function nextTheme(t: Theme): Theme {
  return THEMES[(THEMES.indexOf(t) + 1) % THEMES.length] ?? 'light';
}

/**
 * Classes on <html>: `kh-theme-<name>` for the shell; the renderer's SVG
 * knows `.kh-theme-dark` and `.kh-theme-projector` on an ancestor.
 */
export function applyTheme(root: HTMLElement, t: Theme): void {
  for (const name of THEMES) root.classList.toggle(`kh-theme-${name}`, name === t);
  root.style.colorScheme = t === 'dark' ? 'dark' : 'light';
}
