// Where a packet marker rests at each box: on one of the box's corners, the
// first (top-right preferred) where the marker covers none of the text a
// reader needs there. Newcomers read the box's own label and the titles of
// the pod and node around it to know where the packet is; a marker on any of
// them hides the answer. Pure, from the geometry alone: text is monospace, so
// its extent follows from FONT and PAD exactly as the renderer draws it.

import type { Box, Geometry, Point } from '../layout/types.ts';
import { lineHeight, maxWidth, PAD } from '../layout/measure.ts';
import { ancestorBoxes, boxTree } from '../layout/tree.ts';

/** Half the marker's drawn extent (badge radius plus halo), in picture units; draw.ts sizes by it. */
export const MARKER_REACH = 12;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Costs: covering needed text is never worth it; leaving the picture is bad; other text, a pity. */
const COST = { needed: 1000, outside: 100, other: 1 } as const;

const cache = new WeakMap<Geometry, Record<string, Point>>();

/** Rest point per box id (memoised per geometry: frameAt asks on every tick). Ids without a box keep their anchor. */
export function restPoints(geometry: Geometry): Record<string, Point> {
  let out = cache.get(geometry);
  if (!out) {
    out = { ...geometry.anchors };
    for (const box of geometry.boxes) out[box.id] = restPoint(box, geometry);
    cache.set(geometry, out);
  }
  return out;
}

export function restPoint(box: Box, geometry: Geometry): Point {
  const tree = boxTree(geometry.boxes);
  const around = ancestorBoxes(box, tree);
  const needed = [...textRects(box), ...around.flatMap(titleRects)];
  const others = [
    ...geometry.boxes.filter((b) => b !== box && !around.includes(b)).flatMap(textRects),
    ...edgeLabelRects(geometry),
  ];
  // Reading order of preference: top-right first (where the layout's anchor is), then down, then left.
  const corners: Point[] = [
    { x: box.x + box.width, y: box.y },
    { x: box.x + box.width, y: box.y + box.height },
    { x: box.x, y: box.y },
    { x: box.x, y: box.y + box.height },
  ];
  let best = corners[0]!;
  let bestCost = Infinity;
  for (const c of corners) {
    const m = markerRect(c);
    const cost =
      COST.needed * needed.filter((r) => overlaps(m, r)).length +
      COST.outside * (inside(m, geometry) ? 0 : 1) +
      COST.other * others.filter((r) => overlaps(m, r)).length;
    if (cost < bestCost) [best, bestCost] = [c, cost];
  }
  return best;
}

/** The square the marker covers when centred on `p`. */
export function markerRect(p: Point): Rect {
  return { x: p.x - MARKER_REACH, y: p.y - MARKER_REACH, width: 2 * MARKER_REACH, height: 2 * MARKER_REACH };
}

/** Where the renderer puts a box's text (boxes.ts): a container's title top-left, a table's title and rows, a leaf's lines centred. */
export function textRects(box: Box): Rect[] {
  const lh = lineHeight();
  const w = maxWidth(box.label);
  const h = box.label.length * lh;
  if (box.kind === 'table') {
    const title = { x: box.x + (box.width - w) / 2, y: box.y + PAD.leafY, width: w, height: h };
    return [title, ...(box.rows ?? []).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }))];
  }
  if (box.container) return titleRects(box);
  return [{ x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h }];
}

function titleRects(box: Box): Rect[] {
  const lh = lineHeight();
  return [{ x: box.x + PAD.titleX, y: box.y + PAD.titleY, width: maxWidth(box.label), height: box.label.length * lh }];
}

export function edgeLabelRects(geometry: Geometry): Rect[] {
  return geometry.edges.flatMap((e) => (e.label ? [e.label] : []));
}

export function overlaps(a: Rect, b: Rect): boolean {
  return Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
}

function inside(r: Rect, geometry: Geometry): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= geometry.width && r.y + r.height <= geometry.height;
}
