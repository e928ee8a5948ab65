// The camera on a live stage: sets the SVG's viewBox from the timeline's
// moment (step, progress), the stage's size and the wanted text size. The
// views are recomputed only when the stage or the text size changes; every
// frame is then one interpolation (moment.ts).

import type { Geometry } from '../layout/types.ts';
import type { FocusStep } from './focus.ts';
import { viewAt } from './moment.ts';
import type { Rect, Size } from './rect.ts';
import { stepViews, wholeIsLegible, wholeScene } from './view.ts';

export interface FollowOptions {
  steps: readonly FocusStep[];
  geometry: Geometry;
  minPx: number;
  /** More rects to keep in view at step k, before all else (the packet card at rest, with its dot). */
  extras?: (k: number) => readonly Rect[];
  /** The camera started or stopped being needed (the whole scene stopped or started being legible). */
  onzoom?: (zooms: boolean) => void;
}

export interface Follow {
  /** Call on every drawn frame of the timeline. */
  frame(step: number, progress: number): void;
  setMinPx(px: number): void;
  /** Show the whole scene whatever the text size (the O key), or follow again. */
  setOverview(on: boolean): void;
  /** True while following shows less than the whole scene. */
  readonly zooms: boolean;
  destroy(): void;
}

export function followCamera(svg: SVGSVGElement, opts: FollowOptions): Follow {
  let minPx = opts.minPx;
  let overview = false;
  let stage = sizeOf(svg);
  let views: Rect[] | undefined;
  let moment = { step: 0, progress: 1 };
  let zooms = false;
  let shown = '';
  const whole = wholeScene(opts.geometry);

  function computed(): Rect[] {
    if (!views) {
      // A hair over the minimum, so sub-pixel rounding in the page never lands under it.
      const px = minPx * SAFETY;
      views = stepViews({ steps: opts.steps, geometry: opts.geometry, stage, minPx: px, extras: opts.extras });
      const z = !wholeIsLegible(opts.geometry, stage, px);
      if (z !== zooms) {
        zooms = z;
        opts.onzoom?.(z);
      }
    }
    return views;
  }

  function apply(): void {
    const all = computed();
    const view = overview ? whole : (viewAt(all, moment.step, moment.progress) ?? whole);
    // Compared as written: a near-equal frame just before arrival must not keep the step's exact view out.
    const text = [view.x, view.y, view.width, view.height].map(round).join(' ');
    if (text !== shown) svg.setAttribute('viewBox', text);
    shown = text;
    svg.dataset.camera = overview ? 'overview' : zooms ? 'follow' : 'whole';
  }

  // A new stage size changes every view; the observer runs before paint, so no frame shows the old one.
  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => {
        const next = sizeOf(svg);
        if (next.width === stage.width && next.height === stage.height) return;
        stage = next;
        views = undefined;
        apply();
      })
    : undefined;
  observer?.observe(svg);

  return {
    frame(step, progress) {
      moment = { step, progress };
      apply();
    },
    setMinPx(px) {
      if (px === minPx) return;
      minPx = px;
      views = undefined;
      apply();
    },
    setOverview(on) {
      overview = on;
      apply();
    },
    get zooms() {
      computed();
      return zooms;
    },
    destroy() {
      observer?.disconnect();
    },
  };
}

const SAFETY = 1.003;

/** The SVG's drawn size in CSS px, fractions kept (clientWidth rounds, which can cost a legible pixel). */
function sizeOf(svg: SVGSVGElement): Size {
  const r = svg.getBoundingClientRect();
  return { width: r.width, height: r.height };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
