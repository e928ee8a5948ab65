// A link between devices in two nodes with nothing between either and its
// node's facing side (a shortcut from a pod to a server in the next node):
// link-plan.ts keeps it out of ELK, which would put the nodes' border ports
// where their layers end, often near the bottom, and lower the pod to meet
// them, so the route would drop down one node and climb up the other. It is
// drawn here from the one device's side to the other's: one level line where
// the two share some height, else one step in the gap between the nodes,
// wherever that path crosses nothing but the two ends' own containers
// (otherwise geometry.ts draws its fallback).
import type { Rect } from './absolute.ts';
import type { Point } from './types.ts';
import { centre, segmentCrosses } from './rect.ts';
import { ancestors } from './scene-tree.ts';
import { topOf, type Work } from './work.ts';

/** How far from b's node a step is taken: the rest of the gap, one straight line, holds the label (gaps.ts widens the gap for it). */
const STEP = 10;

/** Height two boxes must share for a link between them to be one level line. */
const SHARED = 8;

/** The route from a's side to b's side: level where their heights overlap, else stepping once in the gap, next to b's node. */
function across(ra: Rect, rb: Rect, ta: Rect, tb: Rect): Point[] {
  const right = ra.x < rb.x;
  const [xa, xb] = [right ? ra.x + ra.width : ra.x, right ? rb.x : rb.x + rb.width];
  const [top, bottom] = [Math.max(ra.y, rb.y), Math.min(ra.y + ra.height, rb.y + rb.height)];
  if (bottom - top >= SHARED) return [{ x: xa, y: (top + bottom) / 2 }, { x: xb, y: (top + bottom) / 2 }];
  const [p, q] = [{ x: xa, y: centre(ra).y }, { x: xb, y: centre(rb).y }];
  const mx = right ? Math.max(tb.x - STEP, (ta.x + ta.width + tb.x) / 2) : Math.min(tb.x + tb.width + STEP, (tb.x + tb.width + ta.x) / 2);
  return [p, { x: mx, y: p.y }, { x: mx, y: q.y }, q];
}

export function straightenShortcuts(work: Work): void {
  const { scene } = work;
  for (const route of work.routes) {
    const { a, b } = route.plan.link;
    if (!route.plan.across) continue;
    const [ra, rb, rta, rtb] = [a, b, topOf(scene, a), topOf(scene, b)].map((id) => work.rects.get(id));
    if (!ra || !rb || !rta || !rtb) continue;
    const pts = across(ra, rb, rta, rtb);
    const allowed = new Set([a, b, ...ancestors(scene, a), ...ancestors(scene, b)]);
    const blocked = [...work.rects].some(
      ([id, r]) => !allowed.has(id) && pts.slice(1).some((q, i) => segmentCrosses(pts[i]!, q, r)),
    );
    if (!blocked) route.override = pts;
  }
}
