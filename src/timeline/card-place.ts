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
  // spots it touches rather than per spot over every rect (a scene has
  // hundreds of rects and the grid ten thousand spots), both in one pass
  // unless the boxes could overflow into the texts' bits (a build has at most
  // 200 elements, scene/limits.ts; a hand-made bundle is not bounded).
  const packed = o.boxes.length <= LIGHT;
  const covers = coverCounts(grid, packed ? o.boxes : [], o.text);
  const boxes = packed ? undefined : coverCounts(grid, o.boxes);
  // Every test but the counts splits into one on the spot's column and one on
  // its row: worked out once per column and once per row, not per spot.
  const cols = axis(grid.x0, grid.nx, w, at.x, dot.x, dot.width, geometry.width, near?.x, near?.width, COMPACT.width);
  const rows = axis(grid.y0, grid.ny, h, at.y, dot.y, dot.height, geometry.height, near?.y, near?.height, COMPACT.height);
  let best: Point = { x: at.x + MARGIN, y: at.y + MARGIN };
  let bestCost = Infinity;
  let bestIndex = Infinity;
  // Nearest rows and columns first: every cost is at least its spot's
  // distance, and the distance at least the gap along either axis
  // (Math.hypot is never less than its larger argument), so once a row's gap
  // exceeds the best cost no later row can win, nor a later column in a row.
  // On a tie the spot first in reading order wins, as if read row by row.
  const colOrder = nearestFirst(cols.gap);
  for (const j of nearestFirst(rows.gap)) {
    const dy = rows.gap[j]!;
    if (dy > bestCost) break;
    for (const i of colOrder) {
      const dx = cols.gap[i]!;
      if (dx > bestCost) break;
      let cost = COST.perUnit * Math.hypot(dx, dy);
      if (cost > bestCost) continue;
      if (!(cols.inside[i] && rows.inside[j])) cost += COST.outside;
      if (cols.onDot[i] && rows.onDot[j]) cost += COST.text;
      if (near && !(cols.compact[i] && rows.compact[j])) cost += COST.loose;
      const index = j * grid.nx + i;
      // Added once per rect, as the plain search does, so the sums (and ties) are the same to the last bit.
      const cover = covers[index]!;
      for (let n = cover >>> HEAVY_SHIFT; n > 0; n--) cost += COST.text;
      if (cost > bestCost) continue;
      for (let n = boxes ? boxes[index]! : cover & LIGHT; n > 0; n--) cost += COST.box;
      if (cost < bestCost || (cost === bestCost && index < bestIndex)) {
        [best, bestCost, bestIndex] = [{ x: grid.x0 + GRID * i, y: grid.y0 + GRID * j }, cost, index];
      }
    }
  }
  return best;
}

/** Indices of `gaps`, smallest gap first, lower index first on a tie. */
function nearestFirst(gaps: Float64Array): Uint32Array {
  return Uint32Array.from(gaps.keys()).sort((a, b) => gaps[a]! - gaps[b]! || a - b);
}

/** One axis of the grid's spots: per spot, its gap to the packet, and whether it is inside the picture, over the dot, and compact with the box (the tests of `inside`, `overlaps` and `compact` along this axis). */
interface Axis {
  gap: Float64Array;
  inside: Uint8Array;
  onDot: Uint8Array;
  compact: Uint8Array;
}

function axis(start: number, n: number, len: number, at: number, dot: number, dotLen: number, picture: number, near = 0, nearLen = 0, most: number): Axis {
  const out: Axis = { gap: new Float64Array(n), inside: new Uint8Array(n), onDot: new Uint8Array(n), compact: new Uint8Array(n) };
  for (let k = 0; k < n; k++) {
    const p = start + GRID * k;
    out.gap[k] = Math.max(p - at, 0, at - (p + len));
    out.inside[k] = p >= 0 && p + len <= picture ? 1 : 0;
    out.onDot[k] = Math.min(p + len, dot + dotLen) > Math.max(p, dot) ? 1 : 0;
    out.compact[k] = Math.max(p + len, near + nearLen) - Math.min(p, near) <= most ? 1 : 0;
  }
  return out;
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

/** Where coverCounts keeps the count of `heavy` rects, above that of `rects`, which must stay under 4096 (placeCard sees to it). */
export const HEAVY_SHIFT = 12;
const LIGHT = (1 << HEAVY_SHIFT) - 1;

/**
 * For each spot of the grid (row by row), how many of `rects` a card there
 * overlaps (as rest.ts's `overlaps`), plus, shifted by HEAVY_SHIFT, how many
 * of `heavy`: both counts in one pass over the grid.
 */
export function coverCounts(grid: SearchGrid, rects: readonly Rect[], heavy: readonly Rect[] = []): Int32Array {
  const { nx, ny } = grid;
  // A 2-D difference array: +1/−1 at the corners of the spots each rect touches, then running sums.
  // A card or rect with no extent (or NaN) overlaps nothing, as `overlaps` has it.
  if (!(grid.w > 0 && grid.h > 0)) return new Int32Array(nx * ny);
  const diff = new Int32Array((nx + 1) * (ny + 1));
  const add = (r: Rect, unit: number): void => {
    if (!(r.x + r.width > r.x && r.y + r.height > r.y)) return;
    const i0 = first(grid.x0, nx, grid.w, r.x);
    const i1 = last(grid.x0, nx, r.x, r.width);
    const j0 = first(grid.y0, ny, grid.h, r.y);
    const j1 = last(grid.y0, ny, r.y, r.height);
    if (i0 > i1 || j0 > j1) return;
    diff[j0 * (nx + 1) + i0]! += unit;
    diff[j0 * (nx + 1) + i1 + 1]! -= unit;
    diff[(j1 + 1) * (nx + 1) + i0]! -= unit;
    diff[(j1 + 1) * (nx + 1) + i1 + 1]! += unit;
  };
  for (const r of rects) add(r, 1);
  for (const r of heavy) add(r, 1 << HEAVY_SHIFT);
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

/*
 * The first and last grid index k (spots at start + GRID·k, of length
 * `len`) whose span overlaps [at, at + size), decided by the two
 * comparisons of `overlaps` that depend on k, made the same way; the other
 * two (each span has extent) coverCounts checks once per rect and card.
 */
function first(start: number, n: number, len: number, at: number): number {
  let k = Math.min(n, Math.max(0, Math.floor((at - len - start) / GRID)));
  while (k > 0 && start + GRID * (k - 1) + len > at) k--;
  while (k < n && !(start + GRID * k + len > at)) k++;
  return k;
}

function last(start: number, n: number, at: number, size: number): number {
  let k = Math.max(-1, Math.min(n - 1, Math.ceil((at + size - start) / GRID)));
  while (k < n - 1 && start + GRID * (k + 1) < at + size) k++;
  while (k >= 0 && !(start + GRID * k < at + size)) k--;
  return k;
}

/** Whether a card at `p` covers any text of the picture: what the layout checks assert never happens at rest. */
export function cardCoversText(geometry: Geometry, rect: Rect): boolean {
  return obstacles(geometry).text.some((r) => overlaps(rect, r));
}

function grow(r: Rect): Rect {
  return { x: r.x - MARGIN, y: r.y - MARGIN, width: r.width + 2 * MARGIN, height: r.height + 2 * MARGIN };
}
