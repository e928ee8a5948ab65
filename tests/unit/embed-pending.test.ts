import { describe, expect, it } from 'vitest';
import { NOTHING_PENDING, remember, settle, type Call } from '../../src/embed/pending.ts';

const fold = (...calls: Call[]) => calls.reduce(remember, NOTHING_PENDING);

describe('calls made before the scene is ready', () => {
  it('with no calls, the attributes decide', () => {
    expect(settle(NOTHING_PENDING, 10, { index: 4 }, true)).toEqual({ step: 4, play: true });
    expect(settle(NOTHING_PENDING, 10, undefined, false)).toEqual({ step: 0, play: false });
  });

  it('next and prev count from the step attribute', () => {
    expect(settle(fold({ call: 'next' }, { call: 'next' }), 10, { index: 4 }, false).step).toBe(6);
    expect(settle(fold({ call: 'prev' }), 10, undefined, false).step).toBe(0);
  });

  it('goTo replaces the start, and later moves count from it', () => {
    expect(settle(fold({ call: 'next' }, { call: 'goTo', step: 7 }, { call: 'prev' }), 10, { index: 2 }, false).step).toBe(6);
  });

  it('clamps to the scene', () => {
    expect(settle(fold({ call: 'goTo', step: 50 }), 10, undefined, false).step).toBe(9);
    expect(settle(fold({ call: 'goTo', step: Number.NaN }), 10, undefined, false).step).toBe(0);
    expect(settle(fold({ call: 'goTo', step: -3 }, { call: 'next' }), 10, undefined, false).step).toBe(0);
  });

  it('play and pause override autoplay; a move after play() stops it, as on a loaded scene', () => {
    expect(settle(fold({ call: 'play' }), 10, undefined, false).play).toBe(true);
    expect(settle(fold({ call: 'pause' }), 10, undefined, true).play).toBe(false);
    expect(settle(fold({ call: 'play' }, { call: 'next' }), 10, undefined, false).play).toBe(false);
    // A move with no play() call leaves autoplay alone.
    expect(settle(fold({ call: 'next' }), 10, undefined, true).play).toBe(true);
  });
});
