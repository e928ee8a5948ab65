// Room for the packet card. The layout packs boxes tightly; where no free
// spot near the packet is clear of text, the card rests beside the picture
// instead, and the picture grows to hold it. Done once, after layout and
// before anything is drawn, so every output (app, embed, stills, exports)
// gets the same, fixed picture size: the card never pushes the diagram about
// from step to step.
import type { DerivedStep } from '../derive/types.ts';
import type { Reach } from '../layout/fit.ts';
import type { Geometry, Point } from '../layout/types.ts';
import type { MacNames } from './card-content.ts';
import { cardPlan } from './card-plan.ts';
import { placeCard } from './card-place.ts';

const PAD = 8;

export function withCardRoom(geometry: Geometry, steps: DerivedStep[], names?: MacNames): Geometry {
  const roomy = grow(geometry, steps, names);
  // The final places, kept with the geometry: a page showing a precompiled scene need not search again.
  return { ...roomy, cards: searchCards(roomy, steps, names) };
}

/**
 * The card at each step as the picture must hold it (its rect with a
 * margin, and where its packet rests), for the layout's choice of table
 * widths (layout/fit.ts), which follows each card as the rows move.
 */
export function cardReach(geometry: Geometry, steps: DerivedStep[], names?: MacNames): Reach[] {
  const plan = cardPlan(steps, geometry, names, placeCard);
  return steps.flatMap((step, k) => {
    const c = plan.at(k);
    if (!c?.at) return [];
    return [{ at: step.at, x: c.at.x - PAD, y: c.at.y - PAD, width: c.shape.width + 2 * PAD, height: c.shape.height + 2 * PAD }];
  });
}

/**
 * The card places searched on a geometry as it stands, for one that keeps
 * none (a bundle written before builds kept them): a page fills them in
 * before drawing (embed/load.ts, through the pipeline's chunk).
 */
export function searchCards(geometry: Geometry, steps: DerivedStep[], names?: MacNames): (Point | null)[] {
  const plan = cardPlan(steps, geometry, names, placeCard);
  return steps.map((_, k) => plan.at(k)?.at ?? null);
}

function grow(geometry: Geometry, steps: DerivedStep[], names?: MacNames): Geometry {
  let [x0, y0, x1, y1] = [0, 0, geometry.width, geometry.height];
  for (const r of cardReach(geometry, steps, names)) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
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
