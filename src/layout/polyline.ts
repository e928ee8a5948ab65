// Polyline clean-up: joining the per-container pieces of one link and
// dropping the points that carry no bend.
import type { Rect } from './absolute.ts';
import type { Point } from './types.ts';
import { centre } from './rect.ts';

const same = (p: Point, q: Point, eps = 0.01): boolean => Math.abs(p.x - q.x) < eps && Math.abs(p.y - q.y) < eps;

/** Removes repeated points and the middle of three points on one horizontal or vertical line. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && same(last, p)) continue;
    const prev = out[out.length - 2];
    if (prev && last) {
      const vertical = Math.abs(prev.x - last.x) < 0.01 && Math.abs(last.x - p.x) < 0.01;
      const horizontal = Math.abs(prev.y - last.y) < 0.01 && Math.abs(last.y - p.y) < 0.01;
      if (vertical || horizontal) out.pop();
    }
    out.push({ x: p.x, y: p.y });
  }
  return out;
}

/** Joins pieces that meet at shared ports (each piece ends where the next begins). */
export function join(pieces: readonly (readonly Point[])[]): Point[] {
  return simplify(pieces.flat());
}

/** Where the ray from the rectangle's centre towards `towards` leaves the rectangle. */
function exitPoint(r: Rect, towards: Point): Point {
  const c = centre(r);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const tx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  const t = Math.min(tx, ty, 1);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** The last-resort route: centre to centre, cut back to the two boxes' borders. */
export function straightBetween(a: Rect, b: Rect): Point[] {
  const ca = centre(a);
  const cb = centre(b);
  return [exitPoint(a, cb), exitPoint(b, ca)];
}
