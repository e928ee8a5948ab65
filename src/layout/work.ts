// The mutable state the post-layout fixes share: absolute element boxes and,
// per routable link, its pieces oriented from end a to end b.
import type { Scene } from '../scene/model.ts';
import type { AbsoluteLayout, Rect } from './absolute.ts';
import type { LinkPlan } from './link-plan.ts';
import type { Point } from './types.ts';
import { ancestors } from './scene-tree.ts';

export interface RouteParts {
  plan: LinkPlan;
  /** One polyline per piece, a → b; null when ELK returned no route for a piece. */
  parts: (Point[] | null)[];
  /** A whole replacement route (the straightened wire). */
  override?: Point[];
}

export interface Work {
  scene: Scene;
  rects: Map<string, Rect>;
  routes: RouteParts[];
}

export function makeWork(scene: Scene, abs: AbsoluteLayout, plans: readonly LinkPlan[]): Work {
  const rects = new Map<string, Rect>();
  for (const id of Object.keys(scene.elements)) {
    const r = abs.rects.get(id);
    if (r) rects.set(id, r);
  }
  const routes = plans.map((plan) => ({
    plan,
    parts: plan.pieces.map((piece) => {
      const pts = abs.polylines.get(piece.id);
      if (!pts) return null;
      return piece.reversed ? [...pts].reverse() : pts;
    }),
  }));
  return { scene, rects, routes };
}

/** The top-level element that contains `id` (or `id` itself). */
export function topOf(scene: Scene, id: string): string {
  return ancestors(scene, id).pop() ?? id;
}
