// ELK answers in relative coordinates: a child to its parent, an edge's
// sections to the edge's container. Everything downstream wants absolute
// ones, so they are converted here, once.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Point } from './types.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AbsoluteLayout {
  /** Every ELK node but the root, by id. */
  rects: Map<string, Rect>;
  /** Every ELK edge's polyline (its sections joined, in ELK's source → target order). */
  polylines: Map<string, Point[]>;
}

export function toAbsolute(root: ElkNode): AbsoluteLayout {
  const rects = new Map<string, Rect>();
  const origins = new Map<string, Point>([[root.id, { x: 0, y: 0 }]]);
  const polylines = new Map<string, Point[]>();
  const pendingEdges: { node: ElkNode }[] = [];

  const walk = (node: ElkNode, origin: Point): void => {
    pendingEdges.push({ node });
    for (const child of node.children ?? []) {
      const at = { x: origin.x + (child.x ?? 0), y: origin.y + (child.y ?? 0) };
      origins.set(child.id, at);
      rects.set(child.id, { ...at, width: child.width ?? 0, height: child.height ?? 0 });
      walk(child, at);
    }
  };
  walk(root, { x: 0, y: 0 });

  for (const { node } of pendingEdges) {
    for (const edge of node.edges ?? []) {
      // elkjs names the coordinate system in `container`; fall back to the declaring node.
      const origin = origins.get(edge.container ?? node.id) ?? origins.get(node.id) ?? { x: 0, y: 0 };
      const pts: Point[] = [];
      for (const s of edge.sections ?? []) {
        for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
          pts.push({ x: origin.x + p.x, y: origin.y + p.y });
        }
      }
      if (pts.length >= 2) polylines.set(edge.id, pts);
    }
  }
  return { rects, polylines };
}
