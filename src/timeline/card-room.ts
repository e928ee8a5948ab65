// Room for the packet card. The layout packs boxes tightly; where no free
// spot near the packet is clear of text, the card rests beside the picture
// instead, and the picture grows to hold it. Done once, after layout and
// before anything is drawn, so every output (app, embed, stills, exports)
// gets the same, fixed picture size: the card never pushes the diagram about
// from step to step.
import type { DerivedStep } from '../derive/types.ts';
import type { Geometry } from '../layout/types.ts';
import type { MacNames } from './card-content.ts';
import { cardPlan } from './card-plan.ts';

const PAD = 8;

export function withCardRoom(geometry: Geometry, steps: DerivedStep[], names: MacNames = {}): Geometry {
  const roomy = grow(geometry, steps, names);
  // The final places, kept with the geometry: a page showing a precompiled scene need not search again.
  const plan = cardPlan(steps, roomy, names);
  return { ...roomy, cards: steps.map((_, k) => plan.at(k)?.at ?? null) };
}

/** How much withCardRoom would grow this layout, for the layout's choice of table widths (layout/fit.ts). */
export function cardGrowth(geometry: Geometry, steps: DerivedStep[], names: MacNames = {}): { width: number; height: number } {
  const g = grow(geometry, steps, names);
  return { width: g.width - geometry.width, height: g.height - geometry.height };
}

function grow(geometry: Geometry, steps: DerivedStep[], names: MacNames): Geometry {
  const plan = cardPlan(steps, geometry, names);
  let [x0, y0, x1, y1] = [0, 0, geometry.width, geometry.height];
  for (let k = 0; k < steps.length; k++) {
    const c = plan.at(k);
    if (!c?.at) continue;
    x0 = Math.min(x0, c.at.x - PAD);
    y0 = Math.min(y0, c.at.y - PAD);
    x1 = Math.max(x1, c.at.x + c.shape.width + PAD);
    y1 = Math.max(y1, c.at.y + c.shape.height + PAD);
  }
  if (x0 === 0 && y0 === 0 && x1 === geometry.width && y1 === geometry.height) return geometry;
  return shift(geometry, -Math.floor(x0), -Math.floor(y0), Math.ceil(x1) - Math.floor(x0), Math.ceil(y1) - Math.floor(y0));
}

function shift(g: Geometry, dx: number, dy: number, width: number, height: number): Geometry {
  const p = <T extends { x: number; y: number }>(q: T): T => ({ ...q, x: q.x + dx, y: q.y + dy });
  return {
    width,
    height,
    boxes: g.boxes.map((b) => ({ ...p(b), ...(b.rows ? { rows: b.rows.map(p) } : {}) })),
    edges: g.edges.map((e) => ({ ...e, points: e.points.map(p), ...(e.label ? { label: p(e.label) } : {}) })),
    anchors: Object.fromEntries(Object.entries(g.anchors).map(([k, v]) => [k, p(v)])),
  };
}
