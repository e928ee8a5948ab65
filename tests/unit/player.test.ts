import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlayer, type PlayerState, type TimelineLike } from '../../src/player/index.ts';

/** Records what the player asks of the timeline; tweens finish only when told to. */
class FakeTween {
  killed = false;
  scale = 1;
  constructor(readonly to: string, private readonly onComplete?: () => void) {}
  kill() { this.killed = true; }
  timeScale(v: number) { this.scale = v; }
  finish() { this.onComplete?.(); }
}

class FakeTimeline implements TimelineLike {
  calls: string[] = [];
  tweens: FakeTween[] = [];
  seek(position: string, suppressEvents?: boolean) {
    this.calls.push(`seek ${position}${suppressEvents === false ? '' : ' (silent!)'}`);
  }
  tweenTo(position: string, vars?: { onComplete?: () => void }) {
    this.calls.push(`tweenTo ${position}`);
    const t = new FakeTween(position, vars?.onComplete);
    this.tweens.push(t);
    return t;
  }
  get tween(): FakeTween { return this.tweens[this.tweens.length - 1]!; }
}

let tl: FakeTimeline;
beforeEach(() => { tl = new FakeTimeline(); vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('createPlayer', () => {
  it('starts at the initial step, drawn, paused', () => {
    const p = createPlayer(tl, 5, { initialStep: 2 });
    expect(tl.calls).toEqual(['seek step-2']);
    expect(p.state()).toEqual({ step: 2, settled: 2, count: 5, playing: false, speed: 1, moving: false, reducedMotion: false });
    expect(createPlayer(new FakeTimeline(), 5, { initialStep: 99 }).state().step).toBe(4);
  });

  it('next tweens to the next label; the step changes at once, moving until the hop ends', () => {
    const p = createPlayer(tl, 3);
    const seen: PlayerState[] = [];
    p.on('change', (s) => seen.push(s));
    p.next();
    expect(tl.calls.at(-1)).toBe('tweenTo step-1');
    expect(p.state()).toMatchObject({ step: 1, moving: true });
    tl.tween.finish();
    expect(p.state()).toMatchObject({ step: 1, moving: false });
    expect(seen.map((s) => [s.step, s.moving])).toEqual([[1, true], [1, false]]);
  });

  it('settles on a step (what the caption describes) only when the packet arrives there', () => {
    const p = createPlayer(tl, 4);
    p.next();
    expect(p.state()).toMatchObject({ step: 1, settled: 0 });
    tl.tween.finish();
    expect(p.state()).toMatchObject({ step: 1, settled: 1 });
    p.next();
    // A second press mid-hop lands the first hop at once: the caption catches up with it.
    p.next();
    expect(p.state()).toMatchObject({ step: 3, settled: 2, moving: true });
    p.prev();
    expect(p.state()).toMatchObject({ step: 2, settled: 2, moving: false });
    p.goTo(0);
    expect(p.state()).toMatchObject({ step: 0, settled: 0 });
  });

  it('a second next mid-hop lands the first hop, then animates the next', () => {
    const p = createPlayer(tl, 4);
    p.next();
    const first = tl.tween;
    p.next();
    expect(first.killed).toBe(true);
    expect(tl.calls.slice(-2)).toEqual(['seek step-1', 'tweenTo step-2']);
    first.finish(); // a stale completion must not end the new hop
    expect(p.state()).toMatchObject({ step: 2, moving: true });
  });

  it('stops at the ends', () => {
    const p = createPlayer(tl, 2);
    p.prev();
    expect(p.state().step).toBe(0);
    p.next();
    tl.tween.finish();
    const n = tl.calls.length;
    p.next();
    expect(tl.calls.length).toBe(n);
    expect(p.state().step).toBe(1);
  });

  it('prev and backward goTo are instant seeks, never tweens', () => {
    const p = createPlayer(tl, 5, { initialStep: 3 });
    p.prev();
    expect(tl.calls.at(-1)).toBe('seek step-2');
    p.goTo(0, { animate: true });
    expect(tl.calls.at(-1)).toBe('seek step-0');
    expect(tl.tweens).toHaveLength(0);
    expect(p.state()).toMatchObject({ step: 0, moving: false });
  });

  it('prev mid-hop abandons the hop and shows the step before', () => {
    const p = createPlayer(tl, 5);
    p.next();
    p.prev();
    expect(tl.tween.killed).toBe(true);
    expect(tl.calls.at(-1)).toBe('seek step-0');
    expect(p.state()).toMatchObject({ step: 0, moving: false });
  });

  it('goTo jumps, or tweens forward when asked to animate; it clamps', () => {
    const p = createPlayer(tl, 5);
    p.goTo(3);
    expect(tl.calls.at(-1)).toBe('seek step-3');
    p.goTo(4, { animate: true });
    expect(tl.calls.at(-1)).toBe('tweenTo step-4');
    p.goTo(-7);
    expect(p.state().step).toBe(0);
    p.goTo(70);
    expect(p.state().step).toBe(4);
  });

  it('play hops, rests ~2 s on each step, and stops at the end', () => {
    const p = createPlayer(tl, 3);
    p.play();
    expect(p.state()).toMatchObject({ playing: true, step: 1, moving: true });
    tl.tween.finish();
    vi.advanceTimersByTime(1999);
    expect(tl.tweens).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(tl.calls.at(-1)).toBe('tweenTo step-2');
    tl.tween.finish();
    expect(p.state()).toMatchObject({ playing: false, step: 2, moving: false });
    vi.advanceTimersByTime(10_000);
    expect(tl.tweens).toHaveLength(2);
  });

  it('speed scales the hop and the rest', () => {
    const p = createPlayer(tl, 4, { speed: 2 });
    p.play();
    expect(tl.tween.scale).toBe(2);
    p.setSpeed(0.5);
    expect(tl.tween.scale).toBe(0.5);
    tl.tween.finish();
    vi.advanceTimersByTime(3999);
    expect(tl.tweens).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(tl.tweens).toHaveLength(2);
    p.setSpeed(0);
    p.setSpeed(NaN);
    expect(p.state().speed).toBe(0.5);
  });

  it('pause lets the hop under way land, then nothing more', () => {
    const p = createPlayer(tl, 5);
    p.toggle();
    p.toggle();
    expect(p.state()).toMatchObject({ playing: false, moving: true, step: 1 });
    expect(tl.tween.killed).toBe(false);
    tl.tween.finish();
    vi.advanceTimersByTime(10_000);
    expect(tl.tweens).toHaveLength(1);
    expect(p.state()).toMatchObject({ playing: false, moving: false, step: 1 });
  });

  it('manual stepping stops play', () => {
    const p = createPlayer(tl, 5);
    p.play();
    tl.tween.finish();
    p.prev();
    vi.advanceTimersByTime(10_000);
    expect(p.state()).toMatchObject({ playing: false, step: 0 });
  });

  it('play at the last step starts again from the first', () => {
    const p = createPlayer(tl, 3, { initialStep: 2 });
    p.play();
    expect(tl.calls.slice(-2)).toEqual(['seek step-0', 'tweenTo step-1']);
  });

  it('with reduced motion every move is a seek and play does nothing', () => {
    const p = createPlayer(tl, 4, { reducedMotion: true });
    p.next();
    p.goTo(3, { animate: true });
    p.play();
    p.toggle();
    expect(tl.tweens).toHaveLength(0);
    expect(tl.calls).toEqual(['seek step-0', 'seek step-1', 'seek step-3']);
    expect(p.state()).toMatchObject({ playing: false, step: 3, reducedMotion: true });
  });

  it('turning reduced motion on mid-play lands the hop at once and stops', () => {
    const p = createPlayer(tl, 4);
    p.play();
    p.setReducedMotion(true);
    expect(tl.tween.killed).toBe(true);
    expect(tl.calls.at(-1)).toBe('seek step-1');
    expect(p.state()).toMatchObject({ playing: false, moving: false, step: 1 });
  });

  it('every seek asks the timeline to redraw (gsap suppresses onUpdate otherwise)', () => {
    const p = createPlayer(tl, 4);
    p.goTo(2);
    p.prev();
    expect(tl.calls.filter((c) => c.includes('silent'))).toEqual([]);
  });

  it('unsubscribes and destroys cleanly', () => {
    const p = createPlayer(tl, 4);
    const fn = vi.fn();
    const off = p.on('change', fn);
    p.next();
    off();
    tl.tween.finish();
    expect(fn).toHaveBeenCalledTimes(1);
    p.on('change', fn);
    p.play();
    const before = fn.mock.calls.length;
    p.destroy();
    expect(tl.tween.killed).toBe(true);
    vi.advanceTimersByTime(10_000);
    p.next();
    expect(fn).toHaveBeenCalledTimes(before);
    expect(tl.tweens).toHaveLength(2);
  });

  it('handles tiny scenes', () => {
    const p = createPlayer(tl, 1);
    p.play();
    p.next();
    expect(p.state()).toMatchObject({ step: 0, playing: false, count: 1 });
    expect(createPlayer(new FakeTimeline(), 0).state()).toMatchObject({ step: 0, count: 0 });
  });
});
