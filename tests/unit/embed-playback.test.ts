// When an embedded scene plays: autoplay waits to be seen, scrolling away
// pauses (and finishes a hop at once), captions get their time, loops rest
// on the last step. The real player over a fake timeline, with fake time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlayer, type Player, type TimelineLike } from '../../src/player/index.ts';
import { Playback } from '../../src/embed/playback.ts';

/** Tweens finish when told to, like the player's own tests. */
class FakeTimeline implements TimelineLike {
  tweens: { to: string; done?: () => void; killed: boolean }[] = [];
  seek() {}
  tweenTo(to: string, vars?: { onComplete?: () => void }) {
    const t = { to, done: vars?.onComplete, killed: false };
    this.tweens.push(t);
    return { kill: () => void (t.killed = true), timeScale: () => {} };
  }
  /** Lands the hop under way. */
  land() {
    const t = this.tweens.at(-1);
    if (t && !t.killed) t.done?.();
  }
}

const HOLD = 1000;
let tl: FakeTimeline;
let player: Player;
let loop = false;
let pb: Playback;

function setup(count = 4, want = true): void {
  tl = new FakeTimeline();
  player = createPlayer(tl, count, { holdMs: HOLD });
  pb = new Playback({ holdMs: () => HOLD, loop: () => loop });
  player.on('change', (s) => pb.changed(s));
  pb.attach(player, want);
}

beforeEach(() => {
  vi.useFakeTimers();
  loop = false;
});
afterEach(() => vi.useRealTimers());

describe('embed playback', () => {
  it('autoplay waits until the element is seen, then rests on the first caption before moving', () => {
    setup();
    vi.advanceTimersByTime(10_000);
    expect(player.state()).toMatchObject({ step: 0, playing: false });
    pb.visible(true);
    vi.advanceTimersByTime(HOLD - 1);
    expect(player.state().playing).toBe(false);
    vi.advanceTimersByTime(1);
    expect(player.state()).toMatchObject({ step: 1, playing: true, moving: true });
  });

  it('scrolling away pauses at once, landing a hop under way; coming back carries on', () => {
    setup();
    pb.visible(true);
    vi.advanceTimersByTime(HOLD);
    expect(player.state()).toMatchObject({ step: 1, moving: true });
    pb.visible(false);
    expect(player.state()).toMatchObject({ step: 1, moving: false, playing: false });
    expect(tl.tweens.at(-1)!.killed).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(player.state().step).toBe(1);
    pb.visible(true);
    vi.advanceTimersByTime(HOLD);
    expect(player.state()).toMatchObject({ step: 2, playing: true });
  });

  it('plays to the end once, then stops wanting to', () => {
    setup(3);
    pb.visible(true);
    vi.advanceTimersByTime(HOLD);
    tl.land();
    vi.advanceTimersByTime(HOLD);
    tl.land();
    expect(player.state()).toMatchObject({ step: 2, playing: false });
    expect(pb.wanted).toBe(false);
    vi.advanceTimersByTime(10_000);
    expect(player.state().step).toBe(2);
  });

  it('a loop rests on the last caption, goes back to the start, rests again, and plays on', () => {
    loop = true;
    setup(3);
    pb.visible(true);
    vi.advanceTimersByTime(HOLD);
    tl.land();
    vi.advanceTimersByTime(HOLD);
    tl.land();
    expect(player.state()).toMatchObject({ step: 2, playing: false });
    vi.advanceTimersByTime(HOLD);
    expect(player.state()).toMatchObject({ step: 0, playing: false });
    vi.advanceTimersByTime(HOLD);
    expect(player.state()).toMatchObject({ step: 1, playing: true });
  });

  it('a reader stepping or pausing stops autoplay for good; play() starts at once when seen', () => {
    setup();
    pb.visible(true);
    pb.move((p) => p.next());
    vi.advanceTimersByTime(10_000);
    tl.land();
    vi.advanceTimersByTime(10_000);
    expect(player.state()).toMatchObject({ step: 1, playing: false });
    pb.play();
    expect(player.state()).toMatchObject({ step: 2, playing: true });
    pb.pause();
    tl.land();
    vi.advanceTimersByTime(10_000);
    expect(player.state()).toMatchObject({ step: 2, playing: false });
    expect(pb.wanted).toBe(false);
  });

  it('play() off screen is kept until the element is seen', () => {
    setup(4, false);
    pb.play();
    vi.advanceTimersByTime(10_000);
    expect(player.state().playing).toBe(false);
    pb.visible(true);
    vi.advanceTimersByTime(HOLD);
    expect(player.state().playing).toBe(true);
  });

  it('holds scale with the speed', () => {
    setup();
    player.setSpeed(4);
    pb.visible(true);
    vi.advanceTimersByTime(HOLD / 4);
    expect(player.state().playing).toBe(true);
  });
});
