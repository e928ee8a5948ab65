// Rectangle predicates for the post-layout fixes and label placement.
import type { Point } from './types.ts';
import type { Rect } from './absolute.ts';

export function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** True when the rectangles' interiors share area (touching borders do not count). */
export function overlaps(a: Rect, b: Rect, eps = 0.01): boolean {
  return (
    a.x + eps < b.x + b.width && b.x + eps < a.x + a.width && a.y + eps < b.y + b.height && b.y + eps < a.y + a.height
  );
}

/** True when the axis-aligned segment p–q runs through the rectangle's interior. */
export function segmentCrosses(p: Point, q: Point, r: Rect, eps = 0.5): boolean {
  const x0 = Math.min(p.x, q.x);
  const x1 = Math.max(p.x, q.x);
  const y0 = Math.min(p.y, q.y);
  const y1 = Math.max(p.y, q.y);
  return x0 < r.x + r.width - eps && x1 > r.x + eps && y0 < r.y + r.height - eps && y1 > r.y + eps;
}

export function translate(r: Rect, dx: number, dy: number): Rect {
  return { ...r, x: r.x + dx, y: r.y + dy };
}
