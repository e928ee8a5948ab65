// Autoplay's rest on a step (src/player/hold.ts): long enough to read the caption.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captionHoldMs, createPlayer, HOLD, type TimelineLike } from '../../src/player/index.ts';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('captionHoldMs', () => {
  it('gives 1.2 s plus 0.25 s a word', () => {
    expect(captionHoldMs(words(12))).toBe(1200 + 12 * 250);
    expect(captionHoldMs(words(40))).toBe(11_200);
  });

  it('never rests less than 2 s, even with no caption', () => {
    expect(captionHoldMs('')).toBe(HOLD.minMs);
    expect(captionHoldMs('ARP.')).toBe(2000);
    expect(captionHoldMs(words(3))).toBe(2000); // 1.95 s by the words alone
  });

  it('counts words, not spaces or line breaks', () => {
    expect(captionHoldMs(`  ${words(10).replace(/ /g, ' \n\t ')}  `)).toBe(captionHoldMs(words(10)));
  });

  it('divides by the speed, minimum included, and ignores a speed that is not one', () => {
    expect(captionHoldMs(words(20), 2)).toBe(3100);
    expect(captionHoldMs('', 0.5)).toBe(4000);
    expect(captionHoldMs(words(20), 0)).toBe(6200);
    expect(captionHoldMs(words(20), Number.NaN)).toBe(6200);
  });

  it('grows with the caption: a longer caption never gets less time', () => {
    for (let n = 1; n < 60; n++) expect(captionHoldMs(words(n + 1))).toBeGreaterThanOrEqual(captionHoldMs(words(n)));
  });
});

/** Tweens that finish at once, so only the hold separates one step from the next. */
function instantTimeline(): TimelineLike {
  return {
    seek() {},
    tweenTo(_p: string, vars?: { onComplete?: () => void }) {
      queueMicrotask(() => vars?.onComplete?.());
      return { kill() {}, timeScale() {} };
    },
  };
}

describe('the player rests per step', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds each step for holdFor(step), divided by speed', async () => {
    const holds = [0, 5000, 2000, 0];
    const p = createPlayer(instantTimeline(), 4, { holdFor: (k) => holds[k]!, speed: 2 });
    p.play();
    await vi.advanceTimersByTimeAsync(0);
    expect(p.state()).toMatchObject({ step: 1, moving: false, playing: true });
    await vi.advanceTimersByTimeAsync(2499); // step 1: 5 s at 2× is 2.5 s
    expect(p.state().step).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.state().step).toBe(2);
    await vi.advanceTimersByTimeAsync(999); // step 2: 2 s at 2×
    expect(p.state().step).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.state()).toMatchObject({ step: 3, playing: false });
  });
});
