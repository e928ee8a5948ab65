// A box at the top level that no link touches (a Service, which is an idea
// of the cluster's rather than a place a packet passes) gets a column of its
// own from ELK, right of the nodes, and makes a wide drawing wider still.
// Such boxes can go under the rest instead, at its bottom right; layout.ts
// lays the scene out both ways and keeps the one that reads larger on the
// stage, the packet card's room included.
import type { Rect } from './absolute.ts';
import type { Scene } from '../scene/model.ts';
import { isContainer, rootsOf } from './scene-tree.ts';
import type { Work } from './work.ts';

/** The unlinked top-level boxes of a scene. */
export function looseBoxes(scene: Scene): string[] {
  const linked = new Set(scene.links.flatMap((l) => [l.a, l.b]));
  return rootsOf(scene)
    .filter((el) => el.kind !== 'node' && !isContainer(el) && !linked.has(el.id))
    .map((el) => el.id);
}

/** The drawn routes' points as zero-size rects (a route may dip below the boxes it joins); ghost links are never drawn. */
function routePoints(work: Work): Rect[] {
  return work.routes.filter((r) => r.plan.index < work.scene.links.length).flatMap((r) => (r.override ? [r.override] : r.parts.flatMap((p) => (p ? [p] : []))).flat()).map((p) => ({ ...p, width: 0, height: 0 }));
}

function bounds(rects: Iterable<Rect>): Rect {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    [x0, y0] = [Math.min(x0, r.x), Math.min(y0, r.y)];
    [x1, y1] = [Math.max(x1, r.x + r.width), Math.max(y1, r.y + r.height)];
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Moves the unlinked top-level boxes under the rest of the drawing (boxes and routes), side by side from the right, `gap` below it, where they fit in its width. */
export function tuckLoose(work: Work, gap: number): void {
  const loose = new Set(looseBoxes(work.scene).filter((id) => work.rects.has(id)));
  const rest = rootsOf(work.scene).flatMap((el) => (loose.has(el.id) ? [] : (work.rects.get(el.id) ?? [])));
  if (loose.size === 0 || rest.length === 0) return;
  const row = bounds([...rest, ...routePoints(work)]);
  let right = row.x + row.width;
  const moved = new Map<string, Rect>();
  for (const id of [...loose].reverse()) {
    const r = work.rects.get(id)!;
    moved.set(id, { ...r, x: right - r.width, y: row.y + row.height + gap });
    right -= r.width + gap;
  }
  if (right + gap < row.x) return;
  for (const [id, r] of moved) work.rects.set(id, r);
}
