// How long autoplay rests on a step: long enough to read its caption. A fixed
// 2 s cut long captions off mid-sentence and dragged on short ones.

/** Time to take in a new picture before reading, and reading time per word (~240 words a minute). */
export const HOLD = { baseMs: 1200, perWordMs: 250, minMs: 2000 } as const;

/** Milliseconds to rest on a step with this caption, at `speed` (2 = twice as fast). */
export function captionHoldMs(caption: string, speed = 1): number {
  const words = caption.trim().split(/\s+/).filter(Boolean).length;
  const ms = Math.max(HOLD.minMs, HOLD.baseMs + HOLD.perWordMs * words);
  return speed > 0 && Number.isFinite(speed) ? ms / speed : ms;
}
