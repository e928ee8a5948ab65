// Small steps in vertical links. ELK spreads a box's ports along its side, so
// a link from a box above often leaves at one x and arrives a few pixels off
// (BIRD → eth0 beside the stack link): down, a short step sideways, down.
// When the lower box (or the upper) is wide enough under the line, the link
// can simply arrive where it left: one straight segment.
import type { Scene } from '../scene/model.ts';
import type { Rect } from './absolute.ts';
import { segmentCrosses } from './rect.ts';
import { ancestors } from './scene-tree.ts';
import type { EdgeRoute, Point } from './types.ts';

/** How far inside a box's corners a moved end must stay, and from another link's end. */
const INSET = 8;

const vertical = (p: Point, q: Point): boolean => Math.abs(p.x - q.x) < 0.01;
const horizontal = (p: Point, q: Point): boolean => Math.abs(p.y - q.y) < 0.01;

function onTopOrBottom(p: Point, r: Rect): boolean {
  return Math.abs(p.y - r.y) < 0.5 || Math.abs(p.y - (r.y + r.height)) < 0.5;
}

/** Ends of the other routes, to keep two links from arriving at one point. */
function otherEnds(edges: readonly EdgeRoute[], self: EdgeRoute): Point[] {
  return edges.filter((e) => e !== self && e.points.length > 0).flatMap((e) => [e.points[0]!, e.points[e.points.length - 1]!]);
}

function fits(x: number, end: Point, r: Rect, others: Point[]): boolean {
  if (x < r.x + INSET || x > r.x + r.width - INSET) return false;
  return !others.some((o) => Math.abs(o.y - end.y) < 0.5 && Math.abs(o.x - x) < INSET && o.x >= r.x && o.x <= r.x + r.width);
}

function clear(scene: Scene, rects: Map<string, Rect>, e: EdgeRoute, p: Point, q: Point): boolean {
  const allowed = new Set([e.a, e.b, ...ancestors(scene, e.a), ...ancestors(scene, e.b)]);
  for (const [id, r] of rects) if (!allowed.has(id) && segmentCrosses(p, q, r)) return false;
  return true;
}

/** Replaces each down-step-down route between two boxes' tops and bottoms by one vertical segment where it can. */
export function removeJogs(scene: Scene, rects: Map<string, Rect>, edges: EdgeRoute[]): void {
  for (const e of edges) {
    if (e.fallback || e.points.length !== 4) continue;
    const [p0, p1, p2, p3] = e.points as [Point, Point, Point, Point];
    if (!vertical(p0, p1) || !horizontal(p1, p2) || !vertical(p2, p3)) continue;
    const ra = rects.get(e.a);
    const rb = rects.get(e.b);
    if (!ra || !rb || !onTopOrBottom(p0, ra) || !onTopOrBottom(p3, rb)) continue;
    const others = otherEnds(edges, e);
    // Keep the end that sits at its box's centre (a lone port) and move the other.
    const centred = (p: Point, r: Rect): boolean => Math.abs(p.x - (r.x + r.width / 2)) < 1;
    const moveB: [Point, Point] = [p0, { x: p0.x, y: p3.y }];
    const moveA: [Point, Point] = [{ x: p3.x, y: p0.y }, p3];
    const options = centred(p3, rb) && !centred(p0, ra) ? [moveA, moveB] : [moveB, moveA];
    for (const [p, q] of options) {
      const moved = p === p0 ? { end: p3, x: q.x, r: rb } : { end: p0, x: p.x, r: ra };
      if (!fits(moved.x, moved.end, moved.r, others) || !clear(scene, rects, e, p, q)) continue;
      e.points = [p, q];
      break;
    }
  }
}
