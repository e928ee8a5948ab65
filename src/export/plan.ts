// Which pictures an animated export shows, and for how long: the same walk
// the player takes (hop, then rest long enough to read the caption), written
// down as data so GIF and WebM are built from one list and a test can count
// the frames without a browser.
//
// A frame is a timeline position `pos` (the same number gsap tweens; step k
// at rest is pos = k) and how long it stays on screen. Because the picture
// is a pure function of pos, the frames are the same on every run.
import type { DerivedStep } from '../derive/types.ts';
import { narration } from '../derive/trace.ts';
import { captionHoldMs } from '../player/hold.ts';
import { stepDuration } from '../timeline/timeline.ts';

export interface PlannedFrame {
  pos: number;
  ms: number;
}

type Step = Pick<DerivedStep, 'from' | 'at' | 'link' | 'caption'>;

/** Seconds the packet takes to reach step k (the timeline's own tween length). */
function hopSeconds(step: Step): number {
  return stepDuration(step as DerivedStep);
}

/**
 * Hops sampled at `fps` (the hop's length from stepDuration, as in the
 * player, as a whole number of frames), each step's rest held for
 * captionHoldMs(caption). The arrival picture is the rest picture, so it is
 * not repeated: the rest frame also carries the hop's last interval, and the
 * total is Σ hold + Σ hop — exactly, at 20 and 30 fps.
 */
export function framePlan(steps: readonly Step[], fps: number): PlannedFrame[] {
  const tick = 1000 / fps;
  const plan: PlannedFrame[] = [];
  steps.forEach((step, k) => {
    let arrival = 0;
    if (k > 0) {
      const n = Math.max(1, Math.round(hopSeconds(step) * fps));
      // A step that acts in place draws the same picture all through its tween:
      // one long frame instead of n identical ones.
      if (step.from !== step.at) for (let i = 1; i < n; i++) plan.push({ pos: k - 1 + i / n, ms: tick });
      arrival = step.from !== step.at ? tick : n * tick;
    }
    plan.push({ pos: k, ms: arrival + captionHoldMs(narration(step)) });
  });
  return plan;
}

export function planMs(plan: readonly PlannedFrame[]): number {
  return plan.reduce((t, f) => t + f.ms, 0);
}

/**
 * GIF delays are whole centiseconds. Rounding each delay alone drifts (30 fps
 * is 3.33 cs); rounding the running end time keeps the total exact and gives
 * the 3/3/4 rhythm.
 */
export function gifDelays(plan: readonly PlannedFrame[]): number[] {
  let t = 0;
  let prev = 0;
  return plan.map((f) => {
    t += f.ms;
    const end = Math.round(t / 10);
    const cs = end - prev;
    prev = end;
    return cs;
  });
}

export interface VideoRun {
  pos: number;
  /** How many consecutive fixed-rate frames show this picture (0 when a frame is shorter than the rate). */
  frames: number;
}

/**
 * The plan at a fixed frame rate, as runs: a rest becomes one picture
 * repeated for its hold (a video plays at one rate), so the encoder draws
 * each distinct picture once. Ends are rounded on the running total, so the
 * frame count is round(total × fps).
 */
export function videoRuns(plan: readonly PlannedFrame[], fps: number): VideoRun[] {
  let t = 0;
  let prev = 0;
  return plan.map((f) => {
    t += f.ms;
    const end = Math.round((t * fps) / 1000);
    const frames = end - prev;
    prev = end;
    return { pos: f.pos, frames };
  });
}

export function videoFrameCount(plan: readonly PlannedFrame[], fps: number): number {
  return Math.round((planMs(plan) * fps) / 1000);
}
