// Where the editor page divides its width between the YAML and the preview:
// the editor's share in percent, kept between visits. Storage can be missing
// or refuse (private windows): then the split holds for this page only.

export const SPLIT_KEY = 'kubehop.editor.split';
/** The editor's share of the width, in percent, before anyone moves the split. */
export const SPLIT_DEFAULT = 40;
/** Narrower than this, the editor wraps nearly every line; wider than SPLIT_MAX, the preview cannot hold the diagram. */
export const SPLIT_MIN = 25;
export const SPLIT_MAX = 65;
/** How far one arrow key moves the split; with Shift, SPLIT_BIG_STEP. */
export const SPLIT_STEP = 2;
export const SPLIT_BIG_STEP = 10;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function store(): Store | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A whole percentage within the allowed range; anything that is not a number gives the default. */
export function clampSplit(share: number): number {
  if (!Number.isFinite(share)) return SPLIT_DEFAULT;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(share)));
}

export function loadSplit(s: Store | undefined = store()): number {
  try {
    const kept = s?.getItem(SPLIT_KEY);
    return kept == null || kept.trim() === '' ? SPLIT_DEFAULT : clampSplit(Number(kept));
  } catch {
    return SPLIT_DEFAULT;
  }
}

export function saveSplit(share: number, s: Store | undefined = store()): void {
  try {
    s?.setItem(SPLIT_KEY, String(clampSplit(share)));
  } catch {
    // Not kept: the split still holds for this page.
  }
}

/**
 * The share a key moves the split to, as a window splitter does: arrows by a step (Shift: a bigger
 * one), Home and End to the ends, Enter back to the default; undefined for any other key.
 */
export function splitForKey(share: number, key: string, shift = false): number | undefined {
  const step = shift ? SPLIT_BIG_STEP : SPLIT_STEP;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampSplit(share - step);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampSplit(share + step);
    case 'Home':
      return SPLIT_MIN;
    case 'End':
      return SPLIT_MAX;
    case 'Enter':
      return SPLIT_DEFAULT;
    default:
      return undefined;
  }
}

/** The share at a pointer's x, for a split whose box starts at `left` and is `width` wide. */
export function splitAt(x: number, left: number, width: number): number {
  return width > 0 ? clampSplit(((x - left) / width) * 100) : SPLIT_DEFAULT;
}
