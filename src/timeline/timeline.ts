// The only module that imports gsap (one library behind one stage): swapping the animation
// library means rewriting this file and nothing else.
//
// gsap tweens a single proxy number `pos`; the picture is recomputed from it
// by the pure `frameAt`. Steps are labelled `step-0` … `step-(n-1)` so the
// player can seek or tween to a step by name.

import { gsap } from 'gsap/gsap-core';
import type { DerivedStep } from '../derive/types.ts';
import type { Geometry } from '../layout/types.ts';
import { drawPackets, applyFrame } from './draw.ts';
import { frameAt, type Frame } from './frame.ts';
import type { MacNames } from './card-content.ts';

export type GsapTimeline = ReturnType<typeof gsap.timeline>;

/** Seconds a packet takes to cross one link, and to "act in place" (ARP reply, DNAT…). */
export const HOP_SECONDS = 0.9;
export const IN_PLACE_SECONDS = 0.5;

export function timelineLabel(k: number): string {
  return `step-${k}`;
}

export function stepDuration(step: DerivedStep): number {
  return step.link && step.from !== step.at ? HOP_SECONDS : IN_PLACE_SECONDS;
}

/**
 * Draws the packet markers into the rendered SVG and returns a paused timeline
 * showing step 0. The timeline's own onUpdate (not each tween's) redraws, so
 * the picture is drawn once per tick after every child has settled `pos`.
 */
export function buildTimeline(
  svg: SVGSVGElement,
  steps: DerivedStep[],
  geometry: Geometry,
  names: MacNames = {},
  /** Told every drawn frame (the camera follows the packet with it). */
  onFrame?: (frame: Frame) => void,
): GsapTimeline {
  drawPackets(svg, steps);
  const proxy = { pos: 0 };
  const redraw = (): void => {
    const frame = frameAt(proxy.pos, steps, geometry, names);
    applyFrame(svg, frame);
    onFrame?.(frame);
  };
  const tl = gsap.timeline({ paused: true, onUpdate: redraw });
  tl.addLabel(timelineLabel(0), 0);
  for (let k = 1; k < steps.length; k++) {
    // fromTo with fixed ends: a tween never captures a start value left over
    // from wherever the playhead happened to be when it first rendered.
    tl.fromTo(
      proxy,
      { pos: k - 1 },
      { pos: k, duration: stepDuration(steps[k]!), ease: 'none', immediateRender: false },
    );
    tl.addLabel(timelineLabel(k));
  }
  redraw();
  return tl;
}
