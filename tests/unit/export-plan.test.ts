// The frame plan behind GIF and WebM export: which timeline positions are
// drawn and for how long. Pure, so the frame counts the browser tests expect
// are computed here from the same rules.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { DerivedStep } from '../../src/derive/types.ts';
import { checkScene } from '../../src/pipeline.ts';
import { captionHoldMs } from '../../src/player/hold.ts';
import { HOP_SECONDS, IN_PLACE_SECONDS, stepDuration } from '../../src/timeline/timeline.ts';
import { framePlan, gifDelays, planMs, videoFrameCount, videoRuns } from '../../src/export/plan.ts';
import { FPS } from '../../src/export/options.ts';
import { step } from './timeline-fixtures.ts';

// A hop, a hop, an act in place, a hop: captions of 2, 4 and 30 words.
const steps: DerivedStep[] = [
  { ...step(0, 'p1', 'A', 'A'), caption: 'Pod A.' },
  { ...step(1, 'p1', 'A', 'B', 'l1'), caption: 'Out through the veth.' },
  { ...step(2, 'p1', 'B', 'C', 'l2'), caption: Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ') },
  step(3, 'p1', 'C', 'C'),
  step(4, 'p1', 'C', 'A', 'l3'),
];

const hold = (k: number): number => captionHoldMs(steps[k]!.caption);

describe('framePlan', () => {
  it('starts at rest on step 0, held for its caption', () => {
    expect(framePlan(steps, 20)[0]).toEqual({ pos: 0, ms: hold(0) });
  });

  it('samples each hop at the frame rate, and rests on the step it reaches', () => {
    const plan = framePlan(steps, 20);
    // 0.9 s at 20 fps: 18 intervals, so 17 pictures between the two rests.
    const hop1 = plan.slice(1, 18);
    expect(hop1.map((f) => f.pos)).toEqual(Array.from({ length: 17 }, (_, i) => (i + 1) / 18));
    expect(hop1.every((f) => f.ms === 50)).toBe(true);
    // The arrival picture is the rest picture: it carries the hop's last interval, then the hold.
    expect(plan[18]).toEqual({ pos: 1, ms: 50 + hold(1) });
  });

  it('draws a step that acts in place once, for its whole tween and its hold', () => {
    const plan = framePlan(steps, 20);
    const at3 = plan.filter((f) => f.pos > 2 && f.pos <= 3);
    expect(at3).toEqual([{ pos: 3, ms: IN_PLACE_SECONDS * 1000 + hold(3) }]);
  });

  it('lasts exactly as long as the player takes: every hold plus every tween', () => {
    // Hops last a whole number of frames: exact at every rate where 0.9 s and 0.5 s are.
    for (const fps of [FPS.gif, FPS.webm, 10]) {
      const plan = framePlan(steps, fps);
      const expected = steps.reduce((t, s, k) => t + captionHoldMs(s.caption) + (k > 0 ? stepDuration(s) * 1000 : 0), 0);
      expect(planMs(plan)).toBeCloseTo(expected, 6);
    }
  });

  it('never goes backwards, and ends at rest on the last step', () => {
    const plan = framePlan(steps, 30);
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.pos).toBeGreaterThan(plan[i - 1]!.pos);
    expect(plan.at(-1)!.pos).toBe(steps.length - 1);
  });

  it('counts, for a bundled scene: one rest per step plus (hop × fps − 1) per moving step', () => {
    const checked = checkScene(readFileSync('scenes/same-node-bridge.yaml', 'utf8'), 'scenes/same-node-bridge.yaml');
    if (!checked.ok) throw new Error('scene does not check');
    const s = checked.steps;
    const moving = s.slice(1).filter((x) => x.from !== x.at);
    const expected = s.length + moving.reduce((n, x) => n + Math.round(stepDuration(x) * FPS.gif) - 1, 0);
    expect(framePlan(s, FPS.gif)).toHaveLength(expected);
    expect(HOP_SECONDS * FPS.gif).toBe(18);
  });

  it('is the same every time (the frames are a function of the steps)', () => {
    expect(framePlan(steps, 30)).toEqual(framePlan(steps, 30));
  });
});

describe('gifDelays', () => {
  it('are whole centiseconds that add up to the plan exactly', () => {
    const plan = framePlan(steps, FPS.gif);
    const cs = gifDelays(plan);
    expect(cs.every(Number.isInteger)).toBe(true);
    expect(cs.reduce((a, b) => a + b, 0)).toBe(Math.round(planMs(plan) / 10));
  });

  it('alternate 3/3/4 at 30 fps rather than drifting', () => {
    const cs = gifDelays(Array.from({ length: 6 }, (_, i) => ({ pos: i / 6, ms: 1000 / 30 })));
    expect(cs).toEqual([3, 4, 3, 3, 4, 3]);
    expect(cs.reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe('videoRuns', () => {
  it('gives a hop frame one video frame and a rest as many as its hold lasts', () => {
    const plan = framePlan(steps, FPS.webm);
    const runs = videoRuns(plan, FPS.webm);
    expect(runs[0]).toEqual({ pos: 0, frames: Math.round((hold(0) * 30) / 1000) });
    expect(runs.slice(1, 27).every((r) => r.frames === 1)).toBe(true);
  });

  it('adds up to round(duration × fps) frames', () => {
    const plan = framePlan(steps, FPS.webm);
    const total = videoRuns(plan, FPS.webm).reduce((n, r) => n + r.frames, 0);
    expect(total).toBe(videoFrameCount(plan, FPS.webm));
    expect(total).toBe(Math.round((planMs(plan) * 30) / 1000));
  });
});
