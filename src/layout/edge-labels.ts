// Where a link's label goes: over the longest stretch of its route that runs
// through open space (the gap between two nodes, say), so it covers no box.
import type { Rect } from './absolute.ts';
import type { EdgeRoute, Point } from './types.ts';
import { lineHeight, linesWidth, wrap, WRAP } from './measure.ts';

interface Stretch {
  from: number;
  to: number;
  /** The segment's fixed coordinate (y of a horizontal one, x of a vertical one). */
  at: number;
  horizontal: boolean;
}

/** The parts of [from, to] not covered by any of the given intervals. */
function freeParts(from: number, to: number, covered: [number, number][]): [number, number][] {
  let parts: [number, number][] = [[from, to]];
  for (const [c0, c1] of covered) {
    parts = parts.flatMap(([p0, p1]): [number, number][] => {
      if (c1 <= p0 || c0 >= p1) return [[p0, p1]];
      const out: [number, number][] = [];
      if (c0 > p0) out.push([p0, c0]);
      if (c1 < p1) out.push([c1, p1]);
      return out;
    });
  }
  return parts;
}

function stretches(points: readonly Point[], rects: readonly Rect[]): Stretch[] {
  const out: Stretch[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const p = points[i]!;
    const q = points[i + 1]!;
    const horizontal = Math.abs(p.y - q.y) < 0.01;
    const vertical = Math.abs(p.x - q.x) < 0.01;
    if (!horizontal && !vertical) continue;
    const at = horizontal ? p.y : p.x;
    const [from, to] = horizontal ? [Math.min(p.x, q.x), Math.max(p.x, q.x)] : [Math.min(p.y, q.y), Math.max(p.y, q.y)];
    const covered = rects
      .filter((r) => (horizontal ? r.y <= at && at <= r.y + r.height : r.x <= at && at <= r.x + r.width))
      .map((r): [number, number] => (horizontal ? [r.x, r.x + r.width] : [r.y, r.y + r.height]));
    for (const [f, t] of freeParts(from, to, covered)) out.push({ from: f, to: t, at, horizontal });
  }
  return out;
}

export function placeLabel(text: string, points: readonly Point[], rects: readonly Rect[]): NonNullable<EdgeRoute['label']> {
  const lines = wrap(text, WRAP.edgeLabel);
  const w = linesWidth(lines);
  const h = lines.length * lineHeight();
  const all = stretches(points, rects);
  // Horizontal stretches read best (text above the line); a vertical one only when no horizontal one fits.
  const score = (s: Stretch): number => (s.to - s.from) * (s.horizontal ? 1 : 0.5) + (s.horizontal && s.to - s.from >= w ? 1e6 : 0);
  const best = all.reduce<Stretch | undefined>((b, s) => (b === undefined || score(s) > score(b) ? s : b), undefined);
  if (best === undefined) {
    const p = points[0] ?? { x: 0, y: 0 };
    const q = points[points.length - 1] ?? p;
    return { text, lines, x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 - h / 2 - 4 };
  }
  const mid = (best.from + best.to) / 2;
  return best.horizontal
    ? { text, lines, x: mid, y: best.at - h / 2 - 4 }
    : { text, lines, x: best.at + 6 + w / 2, y: mid };
}
