// The step controller: next / prev / play / seek / speed, and change events.
// Framework-free and gsap-free: it drives anything shaped like TimelineLike
// (a gsap timeline is one, structurally), so it is unit-tested with a fake.

/** The part of a running tween the player needs. */
export interface TweenLike {
  kill(): unknown;
  timeScale(value: number): unknown;
}

/** The part of a (gsap) timeline the player needs; positions are step labels. */
export interface TimelineLike {
  /** Must redraw (gsap: pass suppressEvents = false, or onUpdate never fires). */
  seek(position: string, suppressEvents?: boolean): unknown;
  tweenTo(position: string, vars?: { onComplete?: () => void }): TweenLike;
}

export interface PlayerOptions {
  /** Every move is an instant seek, and play does nothing (prefers-reduced-motion). */
  reducedMotion?: boolean;
  /** How long play rests on a step so its caption can be read, at speed 1. */
  holdMs?: number;
  /** Per-step rest at speed 1 (wins over holdMs): the app gives each step time for its caption (hold.ts). */
  holdFor?: (k: number) => number;
  speed?: number;
  initialStep?: number;
  /** Label of step k in the timeline. */
  label?: (k: number) => string;
}

export interface PlayerState {
  /** The step asked for: the counter and the URL follow it at once. */
  step: number;
  /**
   * The last step the packet arrived at: the caption and the inspector
   * describe it, so they change when the packet gets where the step acts,
   * not while it is still travelling there. Equal to `step` unless moving.
   */
  settled: number;
  count: number;
  playing: boolean;
  speed: number;
  /** A hop is being animated (the picture is between steps). */
  moving: boolean;
  reducedMotion: boolean;
}

export interface Player {
  next(): void;
  prev(): void;
  goTo(k: number, opts?: { animate?: boolean }): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(x: number): void;
  setReducedMotion(on: boolean): void;
  state(): PlayerState;
  on(event: 'change', fn: (state: PlayerState) => void): () => void;
  destroy(): void;
}

export const DEFAULT_HOLD_MS = 2000;

export function createPlayer(timeline: TimelineLike, stepCount: number, opts: PlayerOptions = {}): Player {
  const count = Math.max(0, Math.floor(stepCount));
  const last = Math.max(0, count - 1);
  const label = opts.label ?? ((k: number) => `step-${k}`);
  const holdFor = opts.holdFor ?? (() => opts.holdMs ?? DEFAULT_HOLD_MS);
  let reducedMotion = opts.reducedMotion ?? false;
  let speed = validSpeed(opts.speed) ?? 1;
  let step = clampStep(opts.initialStep ?? 0);
  let settled = step;
  let playing = false;
  let moving = false;
  let tween: TweenLike | undefined;
  // Bumped whenever a motion is cancelled, so a stale onComplete is ignored.
  let motion = 0;
  let hold: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;
  const listeners = new Set<(s: PlayerState) => void>();

  timeline.seek(label(step), false);

  function clampStep(k: number): number {
    return Number.isFinite(k) ? Math.min(Math.max(Math.round(k), 0), last) : 0;
  }

  function state(): PlayerState {
    return { step, settled, count, playing, speed, moving, reducedMotion };
  }

  function emit(): void {
    if (destroyed) return;
    const s = state();
    for (const fn of [...listeners]) fn(s);
  }

  function clearHold(): void {
    if (hold !== undefined) clearTimeout(hold);
    hold = undefined;
  }

  function stopMotion(): void {
    motion++;
    tween?.kill();
    tween = undefined;
    moving = false;
  }

  function jump(k: number): void {
    stopMotion();
    step = clampStep(k);
    settled = step;
    timeline.seek(label(step), false);
    emit();
  }

  /** Tween from wherever the picture is to step k; `arrived` runs when it gets there. */
  function animate(k: number, arrived?: () => void): void {
    stopMotion();
    step = clampStep(k);
    moving = true;
    const id = motion;
    let finished = false;
    const t = timeline.tweenTo(label(step), {
      onComplete: () => {
        if (destroyed || id !== motion) return;
        finished = true;
        tween = undefined;
        moving = false;
        settled = step;
        emit();
        arrived?.();
      },
    });
    if (finished) return;
    tween = t;
    t.timeScale(speed);
    emit();
  }

  function stopPlaying(): void {
    clearHold();
    playing = false;
  }

  function advance(): void {
    hold = undefined;
    if (!playing) return;
    if (step >= last) {
      playing = false;
      emit();
      return;
    }
    animate(step + 1, rest);
  }

  function rest(): void {
    if (!playing) return;
    if (step >= last) {
      playing = false;
      emit();
      return;
    }
    hold = setTimeout(advance, holdFor(step) / speed);
  }

  function play(): void {
    if (destroyed || reducedMotion || playing || count < 2) return;
    if (step >= last && !moving) jump(0);
    playing = true;
    if (moving) animate(step, rest);
    else advance();
    emit();
  }

  function pause(): void {
    if (destroyed || !playing) return;
    // The hop under way finishes; nothing after it starts.
    stopPlaying();
    emit();
  }

  return {
    next() {
      if (destroyed) return;
      stopPlaying();
      if (step >= last) {
        if (moving) jump(step);
        else emit();
        return;
      }
      if (reducedMotion) return jump(step + 1);
      // A second press mid-hop finishes the first hop at once, then takes the next.
      if (moving) {
        timeline.seek(label(step), false);
        settled = step;
      }
      animate(step + 1);
    },
    prev() {
      if (destroyed) return;
      stopPlaying();
      jump(step - 1);
    },
    goTo(k, { animate: animated = false } = {}) {
      if (destroyed) return;
      stopPlaying();
      const target = clampStep(k);
      // Only forward moves animate: going back is always a jump (same picture either way).
      if (animated && !reducedMotion && target > step) animate(target);
      else jump(target);
    },
    play,
    pause,
    toggle() {
      if (playing) pause();
      else play();
    },
    setSpeed(x) {
      const v = validSpeed(x);
      if (destroyed || v === undefined) return;
      speed = v;
      tween?.timeScale(speed);
      emit();
    },
    setReducedMotion(on) {
      if (destroyed) return;
      reducedMotion = on;
      if (on) {
        stopPlaying();
        if (moving) return jump(step);
      }
      emit();
    },
    state,
    on(_event, fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      stopPlaying();
      stopMotion();
      listeners.clear();
      destroyed = true;
    },
  };
}

function validSpeed(x: number | undefined): number | undefined {
  return x !== undefined && Number.isFinite(x) && x > 0 ? x : undefined;
}
