// The view (a rect of the picture, in its own units) for each step at rest:
// as much of the picture as the stage can show with text at least `minPx`
// CSS pixels high, placed over what the step is about.

import { FONT, type Geometry } from '../layout/types.ts';
import { focusRects, type FocusStep } from './focus.ts';
import { contains, grow, union, type Rect, type Size } from './rect.ts';

/** Room kept round each focused rect, in picture units, so nothing sits flush on the stage's edge. */
export const MARGIN = 14;

export interface ViewInput {
  steps: readonly FocusStep[];
  geometry: Geometry;
  /** The stage, in CSS pixels. */
  stage: Size;
  /** The smallest diagram text wanted on screen, in CSS pixels. */
  minPx: number;
  /** More rects to keep in view at step k (the packet card at rest, with its dot), before everything else. */
  extras?: (k: number) => readonly Rect[];
}

export function wholeScene(geometry: Size): Rect {
  return { x: 0, y: 0, width: geometry.width, height: geometry.height };
}

/** Stage pixels per picture unit when the stage shows `view` (preserveAspectRatio meet). */
export function scaleOf(view: Size, stage: Size): number {
  return Math.min(stage.width / view.width, stage.height / view.height);
}

/** The largest view the stage can show with FONT.size text at `minPx`: the stage's own shape. */
export function legibleSize(stage: Size, minPx: number): Size {
  const s = minPx / FONT.size;
  return { width: stage.width / s, height: stage.height / s };
}

/** The whole picture is already legible on this stage: no camera needed. */
export function wholeIsLegible(geometry: Size, stage: Size, minPx: number): boolean {
  if (stage.width <= 0 || stage.height <= 0 || geometry.width <= 0 || geometry.height <= 0) return true;
  return scaleOf(geometry, stage) * FONT.size >= minPx - 1e-9;
}

/**
 * The rects, in order of importance, that fit together in a view of `size`.
 * The first is kept even when it alone is too big: it is where the packet is.
 */
export function gather(rects: readonly Rect[], size: Size): Rect | undefined {
  let acc: Rect | undefined;
  for (const r of rects) {
    const u = acc ? union(acc, r) : r;
    if (!acc || (u.width <= size.width && u.height <= size.height)) acc = u;
  }
  return acc;
}

/** A view of `size` centred on `target`, slid back onto the picture where it would show beyond it. */
export function place(target: Rect, size: Size, picture: Size): Rect {
  const axis = (start: number, length: number, view: number, total: number): number => {
    if (view >= total) return (total - view) / 2;
    const centred = start + length / 2 - view / 2;
    return Math.min(Math.max(centred, 0), total - view);
  };
  return {
    x: axis(target.x, target.width, size.width, picture.width),
    y: axis(target.y, target.height, size.height, picture.height),
    width: size.width,
    height: size.height,
  };
}

/**
 * One view per step. A step whose focus is already inside the previous
 * step's view keeps that view, so the camera only moves when it must; the
 * list is built from step 0 every time, so step k's view depends on k alone,
 * never on how the reader got there.
 */
export function stepViews(input: ViewInput): Rect[] {
  const { steps, geometry, stage, minPx } = input;
  const whole = wholeScene(geometry);
  if (wholeIsLegible(geometry, stage, minPx)) return steps.map(() => whole);
  const size = legibleSize(stage, minPx);
  const views: Rect[] = [];
  let prev: Rect | undefined;
  steps.forEach((step, k) => {
    const rects = focusRects(step, geometry, input.extras?.(k) ?? []).map((r) => grow(r, MARGIN));
    const target = gather(rects, size) ?? whole;
    const view = prev && contains(prev, target) ? prev : place(target, size, geometry);
    views.push(view);
    prev = view;
  });
  return views;
}
