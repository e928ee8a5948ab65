// Where the packet card rests at a step: the free spot nearest the packet
// that covers no text — no box label, no pod or node title, no table row, no
// link label. A card over the row it was matched against, or over the name
// of the device it is at, would hide the very thing the step is about. It
// may cover wires and empty parts of containers.
//
// Pure: from the geometry, the packet's rest point and the card's size.
import type { Geometry, Point } from '../layout/types.ts';
import { edgeLabelRects, markerRect, overlaps, textRects, type Rect } from './rest.ts';

/** Costs: covering text is never worth it; leaving the picture is bad; covering a box, a pity; distance, a little. */
const COST = { text: 10_000, outside: 5_000, loose: 6_000, box: 40, perUnit: 1 } as const;
/**
 * The card and the box the packet is at must fit together in a phone's view
 * (375 CSS px wide at 11 px text shows about 440 × 400 picture units, less
 * the camera's margins): a card that rests too far away is cut off there.
 * Worth more than staying inside the picture, which can grow (card-room.ts).
 */
export const COMPACT = { width: 370, height: 360 } as const;
/** How far from the packet the search looks, and how finely (picture units). */
const REACH = 320;
const GRID = 8;
/** Room kept between the card and what it avoids. */
const MARGIN = 4;

interface Obstacles {
  text: Rect[];
  boxes: Rect[];
}

const cache = new WeakMap<Geometry, Obstacles>();

function obstacles(geometry: Geometry): Obstacles {
  let o = cache.get(geometry);
  if (!o) {
    o = {
      text: [...geometry.boxes.flatMap(textRects), ...edgeLabelRects(geometry)].map(grow),
      // Leaf boxes and tables: covering one hides what it is even when its text is clear.
      boxes: geometry.boxes.filter((b) => !b.container),
    };
    cache.set(geometry, o);
  }
  return o;
}

/** Top-left corner of the card at rest beside `at` (a point in the picture). */
export function placeCard(geometry: Geometry, at: Point, size: { width: number; height: number }, near?: Rect): Point {
  const o = obstacles(geometry);
  // The packet's own dot sits at `at`: the card must not hide under it, nor hide it.
  const dot = grow(markerRect(at));
  const { width: w, height: h } = size;
  let best: Point = { x: at.x + MARGIN, y: at.y + MARGIN };
  let bestCost = Infinity;
  for (let y = Math.floor(at.y - h - REACH); y <= at.y + REACH; y += GRID) {
    for (let x = Math.floor(at.x - w - REACH); x <= at.x + REACH; x += GRID) {
      const c = { x, y, width: w, height: h };
      let cost = COST.perUnit * distance(c, at);
      if (cost >= bestCost) continue;
      if (!inside(c, geometry)) cost += COST.outside;
      if (overlaps(c, dot)) cost += COST.text;
      if (near && !compact(c, near)) cost += COST.loose;
      for (const r of o.text) if (overlaps(c, r)) cost += COST.text;
      if (cost >= bestCost) continue;
      for (const b of o.boxes) if (overlaps(c, b)) cost += COST.box;
      if (cost < bestCost) [best, bestCost] = [{ x, y }, cost];
    }
  }
  return best;
}

/** Whether a card at `p` covers any text of the picture: what the layout checks assert never happens at rest. */
export function cardCoversText(geometry: Geometry, rect: Rect): boolean {
  return obstacles(geometry).text.some((r) => overlaps(rect, r));
}

function compact(a: Rect, b: Rect): boolean {
  const w = Math.max(a.x + a.width, b.x + b.width) - Math.min(a.x, b.x);
  const h = Math.max(a.y + a.height, b.y + b.height) - Math.min(a.y, b.y);
  return w <= COMPACT.width && h <= COMPACT.height;
}

function distance(r: Rect, p: Point): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  return Math.hypot(dx, dy);
}

function inside(r: Rect, g: Geometry): boolean {
  return r.x >= 0 && r.y >= 0 && r.x + r.width <= g.width && r.y + r.height <= g.height;
}

function grow(r: Rect): Rect {
  return { x: r.x - MARGIN, y: r.y - MARGIN, width: r.width + 2 * MARGIN, height: r.height + 2 * MARGIN };
}
