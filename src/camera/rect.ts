// Rectangles in the picture's own units (the SVG's user space): what the
// camera keeps in view and what it shows.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
}

/** `inner` lies within `outer`, give or take `slack` units on each side. */
export function contains(outer: Rect, inner: Rect, slack = 0.5): boolean {
  return (
    inner.x >= outer.x - slack &&
    inner.y >= outer.y - slack &&
    inner.x + inner.width <= outer.x + outer.width + slack &&
    inner.y + inner.height <= outer.y + outer.height + slack
  );
}

export function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** The rect a fraction `t` of the way from `a` to `b`, each edge moving evenly. */
export function lerpRect(a: Rect, b: Rect, t: number): Rect {
  const f = (p: number, q: number): number => p + (q - p) * t;
  return { x: f(a.x, b.x), y: f(a.y, b.y), width: f(a.width, b.width), height: f(a.height, b.height) };
}
