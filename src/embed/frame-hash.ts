// The iframe page's address: `embed/#<scene>/<step>` (also `#/<scene>/<step>`,
// the app's own link form, so a link copied from the app works, and the
// older `#<scene>/step-<k>`). The step is 1-based, as everywhere people read it,
// or `last`, like the element's `step` attribute.
//
// The scene id only ever becomes `scenes/<id>.json` beside the page, so it is
// held to the ids scene files have: no slashes or dots to climb out with.

export interface FrameTarget {
  scene: string;
  /** 1-based, as written, or 'last'; undefined when the hash names no step. */
  step?: number | 'last';
}

const HASH = /^\/?([A-Za-z0-9][A-Za-z0-9_-]*)(?:\/(?:step-)?(\d+|last))?\/?$/i;

export function parseFrameHash(hash: string): FrameTarget | undefined {
  let text = hash.replace(/^#/, '');
  try {
    text = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  const m = HASH.exec(text);
  if (!m) return undefined;
  const raw = m[2]?.toLowerCase();
  const step = raw === undefined ? undefined : raw === 'last' ? 'last' : Math.max(1, Number(raw));
  return step === undefined ? { scene: m[1]! } : { scene: m[1]!, step };
}

/** Attributes the iframe page passes on from its query string (`?theme=dark&autoplay`). */
export const FRAME_OPTIONS = ['theme', 'autoplay', 'loop', 'controls', 'speed'] as const;

/**
 * The element's attributes for a query string: given keys are copied (a bare
 * `?autoplay` means on), and controls are shown unless `controls=0` — an
 * iframe has no other way to be stepped.
 */
export function frameAttributes(search: string): Record<string, string> {
  const q = new URLSearchParams(search);
  const out: Record<string, string> = { controls: '' };
  for (const k of FRAME_OPTIONS) {
    const v = q.get(k);
    if (v !== null) out[k] = v;
  }
  return out;
}
