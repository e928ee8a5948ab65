// When a scene plays. The element promises a page that autoplay waits until
// the diagram is seen, that scrolling away pauses it, that nothing animates
// off screen, and that a looping scene rests on each caption (the last one
// too) before moving on. That policy lives here, apart from the DOM, so it is
// unit-tested with a fake timeline and fake time.
import type { Player, PlayerState } from '../player/index.ts';

export interface PlaybackOptions {
  /** Milliseconds to rest on step k at speed 1 before moving on: its caption's reading time. */
  holdMs(k: number): number;
  /** Whether to start over after the last step; asked when it is reached, so the attribute may change meanwhile. */
  loop(): boolean;
}

export class Playback {
  readonly #opts: PlaybackOptions;
  #player: Player | undefined;
  #state: PlayerState | undefined;
  /** Whether the scene should be playing when it can (autoplay, or play() called). */
  #want = false;
  #visible = false;
  /** > 0 while this drives the player, so a stop it causes is not taken for the natural end. */
  #commanding = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(opts: PlaybackOptions) {
    this.#opts = opts;
  }

  /** Takes over a freshly drawn scene's player; `want`: play it once it is seen. */
  attach(player: Player, want: boolean): void {
    this.detach();
    this.#player = player;
    this.#state = player.state();
    this.#want = want;
    this.sync();
  }

  detach(): void {
    this.#clearTimer();
    this.#player = undefined;
    this.#state = undefined;
  }

  get wanted(): boolean {
    return this.#want;
  }

  /** The autoplay attribute changed. */
  want(on: boolean): void {
    this.#want = on;
    this.sync();
  }

  /** The element came on screen enough, or left it (or the page). */
  visible(on: boolean): void {
    this.#visible = on;
    this.sync();
  }

  play(): void {
    this.#want = true;
    this.#clearTimer();
    // Off screen, play() is a promise kept when the element is seen (sync).
    if (this.#visible) this.command((p) => p.play());
  }

  pause(): void {
    this.#want = false;
    this.#clearTimer();
    this.command((p) => p.pause());
  }

  /** A step asked for by the reader or the page: it stops playing, as the player's own moves do. */
  move(act: (p: Player) => void): void {
    this.#want = false;
    this.#clearTimer();
    this.command(act);
  }

  command(act: (p: Player) => void): void {
    if (!this.#player) return;
    this.#commanding++;
    try {
      act(this.#player);
    } finally {
      this.#commanding--;
    }
  }

  /** Every state the player reports, in order (its change event). */
  changed(s: PlayerState): void {
    const before = this.#state;
    this.#state = s;
    // Playing stopped on its own: the scene reached its last step.
    if (before?.playing && !s.playing && this.#commanding === 0) {
      if (this.#want && this.#opts.loop()) this.#later(s.step, () => this.#restart());
      else this.#want = false;
    }
  }

  /** Brings the player in line with what is wanted and what can be seen. */
  sync(): void {
    const s = this.#state;
    if (!this.#player || !s) return;
    if (this.#want && this.#visible) {
      // Rest on the step first, so its caption is read before the packet moves.
      if (!s.playing && this.#timer === undefined) this.#later(s.step, () => this.command((p) => p.play()));
      return;
    }
    this.#clearTimer();
    if (s.playing) this.command((p) => p.pause());
    // Off screen, a hop under way is finished at once rather than animated unseen.
    if (!this.#visible && this.#state?.moving) this.command((p) => p.goTo(s.step));
  }

  #restart(): void {
    this.command((p) => p.goTo(0));
    this.sync();
  }

  /** Runs `fn` once step k's caption has had its time on screen, if still wanted and seen. */
  #later(k: number, fn: () => void): void {
    this.#clearTimer();
    const speed = this.#state?.speed ?? 1;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#want && this.#visible) fn();
    }, this.#opts.holdMs(k) / speed);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
