// What the element's attributes mean. Pure, so every odd spelling a blogger
// might write is pinned down by a unit test rather than discovered in a post.

export type Theme = 'light' | 'dark' | 'auto' | 'projector';

/** The attributes the element watches (attributeChangedCallback). */
export const OBSERVED = ['src', 'step', 'autoplay', 'loop', 'controls', 'theme', 'speed'] as const;

/**
 * Boolean attributes. HTML makes them presence-only, so `autoplay="false"`
 * would mean *on* — which no one who writes it intends. Here the usual
 * spellings of "no" switch the flag off; anything else present switches it on.
 */
export function parseFlag(value: string | null): boolean {
  if (value === null) return false;
  return !/^\s*(false|off|no|0)\s*$/i.test(value);
}

/** A step as people count it: `step="4"` is the page that says "Step 4 of n". */
export type StepRef = { index: number } | { last: true };

/**
 * `step` is 1-based, like the visible counter and the app's links
 * (`#/scene/4`); `last` names the final step. Junk gives undefined, so the
 * element falls back to the first step rather than to NaN.
 */
export function parseStep(value: string | null): StepRef | undefined {
  if (value === null) return undefined;
  const text = value.trim().toLowerCase().replace(/^step-/, '');
  if (text === 'last') return { last: true };
  if (!/^\d+$/.test(text)) return undefined;
  return { index: Math.max(0, Number(text) - 1) };
}

/** The 0-based step a reference points at in a scene of `count` steps. */
export function resolveStep(ref: StepRef | undefined, count: number): number {
  const last = Math.max(0, count - 1);
  if (!ref) return 0;
  if ('last' in ref) return last;
  return Math.min(Math.max(0, ref.index), last);
}

/** light | dark | projector | auto; anything else is `auto` (follow the reader's system). */
export function parseTheme(value: string | null): Theme {
  const v = value?.trim().toLowerCase();
  return v === 'light' || v === 'dark' || v === 'projector' ? v : 'auto';
}

export const SPEED = { min: 0.25, max: 4, fallback: 1 } as const;

/** A playback rate (2 = twice as fast). Junk, zero and negatives play at 1; extremes are clamped. */
export function parseSpeed(value: string | null): number {
  const text = value?.trim().replace(/x$/i, '');
  if (!text) return SPEED.fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) return SPEED.fallback;
  return Math.min(Math.max(n, SPEED.min), SPEED.max);
}
