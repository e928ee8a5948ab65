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

/**
 * Top-left corner of the card at rest beside `at` (a point in the picture):
 * of the spots on a grid around it, the cheapest (COST), the first in
 * reading order on a tie.
 */
export function placeCard(geometry: Geometry, at: Point, size: { width: number; height: number }, near?: Rect): Point {
  const o = obstacles(geometry);
  // The packet's own dot sits at `at`: the card must not hide under it, nor hide it.
  const dot = grow(markerRect(at));
  const { width: w, height: h } = size;
  const grid = searchGrid(at, w, h);
  // How many text rects and boxes each spot covers, counted per rect over the
  // spots it touches rather than per spot over every rect: a scene has
  // hundreds of rects and the grid ten thousand spots.
  const texts = coverCounts(grid, o.text);
  const boxes = coverCounts(grid, o.boxes);
  let best: Point = { x: at.x + MARGIN, y: at.y + MARGIN };
  let bestCost = Infinity;
  for (let j = 0; j < grid.ny; j++) {
    const y = grid.y0 + GRID * j;
    for (let i = 0; i < grid.nx; i++) {
      const x = grid.x0 + GRID * i;
      const c = { x, y, width: w, height: h };
      let cost = COST.perUnit * distance(c, at);
      if (cost >= bestCost) continue;
      if (!inside(c, geometry)) cost += COST.outside;
      if (overlaps(c, dot)) cost += COST.text;
      if (near && !compact(c, near)) cost += COST.loose;
      // Added once per rect, as the plain search does, so the sums (and ties) are the same to the last bit.
      for (let n = texts[j * grid.nx + i]!; n > 0; n--) cost += COST.text;
      if (cost >= bestCost) continue;
      for (let n = boxes[j * grid.nx + i]!; n > 0; n--) cost += COST.box;
      if (cost < bestCost) [best, bestCost] = [{ x, y }, cost];
    }
  }
  return best;
}

/** The spots the search tries: every GRID units, within REACH of the packet. */
interface SearchGrid {
  x0: number;
  y0: number;
  nx: number;
  ny: number;
  w: number;
  h: number;
}

export function searchGrid(at: Point, w: number, h: number): SearchGrid {
  const x0 = Math.floor(at.x - w - REACH);
  const y0 = Math.floor(at.y - h - REACH);
  // Counted as the spots are visited (p ≤ to, p stepping by GRID), not by dividing, which rounds differently at the edge.
  const count = (from: number, to: number): number => {
    let n = 0;
    for (let p = from; p <= to; p += GRID) n++;
    return n;
  };
  return { x0, y0, nx: count(x0, at.x + REACH), ny: count(y0, at.y + REACH), w, h };
}

/** For each spot of the grid (row by row), how many of `rects` a card there overlaps (as rest.ts's `overlaps`). */
export function coverCounts(grid: SearchGrid, rects: readonly Rect[]): Int32Array {
  const { nx, ny } = grid;
  // A 2-D difference array: +1/−1 at the corners of the spots each rect touches, then running sums.
  // A card or rect with no extent (or NaN) overlaps nothing, as `overlaps` has it.
  if (!(grid.w > 0 && grid.h > 0)) return new Int32Array(nx * ny);
  const diff = new Int32Array((nx + 1) * (ny + 1));
  for (const r of rects) {
    if (!(r.x + r.width > r.x && r.y + r.height > r.y)) continue;
    const [i0, i1] = span(grid.x0, nx, grid.w, r.x, r.width);
    const [j0, j1] = span(grid.y0, ny, grid.h, r.y, r.height);
    if (i0 > i1 || j0 > j1) continue;
    diff[j0 * (nx + 1) + i0]! += 1;
    diff[j0 * (nx + 1) + i1 + 1]! -= 1;
    diff[(j1 + 1) * (nx + 1) + i0]! -= 1;
    diff[(j1 + 1) * (nx + 1) + i1 + 1]! += 1;
  }
  const out = new Int32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    let row = 0;
    for (let i = 0; i < nx; i++) {
      row += diff[j * (nx + 1) + i]!;
      out[j * nx + i] = row + (j > 0 ? out[(j - 1) * nx + i]! : 0);
    }
  }
  return out;
}

/**
 * The first and last grid index k (spots at start + GRID·k, of length
 * `len`) whose span overlaps [at, at + size), decided by the two
 * comparisons of `overlaps` that depend on k, made the same way; the other
 * two (each span has extent) coverCounts checks once per rect and card.
 */
function span(start: number, n: number, len: number, at: number, size: number): [number, number] {
  const hits = (k: number): [boolean, boolean] => {
    const p = start + GRID * k;
    return [p + len > at, p < at + size];
  };
  let lo = Math.min(n, Math.max(0, Math.floor((at - len - start) / GRID)));
  while (lo > 0 && hits(lo - 1)[0]) lo--;
  while (lo < n && !hits(lo)[0]) lo++;
  let hi = Math.max(-1, Math.min(n - 1, Math.ceil((at + size - start) / GRID)));
  while (hi < n - 1 && hits(hi + 1)[1]) hi++;
  while (hi >= 0 && !hits(hi)[1]) hi--;
  return [lo, hi];
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
