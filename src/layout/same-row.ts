// Links between neighbours in one row of a node (two pods joined by a
// shortcut): kept out of ELK, which would stagger their ends (order.ts,
// sameRowPair), and drawn here after layout as one horizontal line between
// the facing sides. ELK is given an invisible spacer between the two
// neighbours instead, as wide as the link's label, so the label has room.
import type { Scene } from '../scene/model.ts';
import type { Rect } from './absolute.ts';
import { labelLines } from './edge-labels.ts';
import { linesWidth } from './measure.ts';
import { sameRowPair } from './order.ts';
import type { Point } from './types.ts';
import { segmentCrosses } from './rect.ts';
import { ancestors } from './scene-tree.ts';
import type { Work } from './work.ts';

export interface Spacer {
  id: string;
  /** The node it goes into, right after the child `after`. */
  parent: string;
  after: string;
  row: number;
  width: number;
}

/** Room for the label beside it, on top of ELK's spacing on either side of the spacer. */
export function spacersFor(scene: Scene, siblingGap: number): Spacer[] {
  return scene.links.flatMap((link, i): Spacer[] => {
    const pair = sameRowPair(scene, link);
    if (!pair || !link.label) return [];
    const w = linesWidth(labelLines(scene, link));
    const width = Math.max(1, Math.ceil(w + 24 - 2 * siblingGap));
    return [{ id: `__spacer__/${i}`, parent: pair.node, after: pair.left, row: pair.row, width }];
  });
}

function clear(work: Work, ends: string[], points: Point[]): boolean {
  const allowed = new Set(ends.flatMap((e) => [e, ...ancestors(work.scene, e)]));
  for (const [id, r] of work.rects) {
    if (allowed.has(id)) continue;
    for (let i = 0; i + 1 < points.length; i++) if (segmentCrosses(points[i]!, points[i + 1]!, r)) return false;
  }
  return true;
}

/** Facing sides joined: straight when the two boxes share a height band, else with one jog midway. */
function between(l: Rect, r: Rect): Point[] {
  const x0 = l.x + l.width;
  const x1 = r.x;
  const top = Math.max(l.y, r.y);
  const bottom = Math.min(l.y + l.height, r.y + r.height);
  if (top < bottom) {
    const y = (top + bottom) / 2;
    return [{ x: x0, y }, { x: x1, y }];
  }
  const mx = (x0 + x1) / 2;
  const [yl, yr] = [l.y + l.height / 2, r.y + r.height / 2];
  return [{ x: x0, y: yl }, { x: mx, y: yl }, { x: mx, y: yr }, { x: x1, y: yr }];
}

/** Draws every same-row link whose ends ELK placed side by side; the rest stay unrouted (fallback). */
export function routeSameRow(work: Work): void {
  for (const route of work.routes) {
    // A link across from node to node is drawn by shortcuts.ts.
    if (route.plan.pieces.length > 0 || route.plan.across) continue;
    const { a, b } = route.plan.link;
    const ra = work.rects.get(a);
    const rb = work.rects.get(b);
    if (!ra || !rb) continue;
    const aLeft = ra.x + ra.width <= rb.x;
    if (!aLeft && rb.x + rb.width > ra.x) continue;
    const pts = aLeft ? between(ra, rb) : between(rb, ra).reverse();
    if (clear(work, [a, b], pts)) route.override = pts;
  }
}
