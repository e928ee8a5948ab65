// The fix ELK cannot do itself: the wire between two NICs, or
// from an external client to a NIC, as one straight horizontal segment
// between the facing sides. ELK puts a node's border port a layer above or
// below its NIC, which leaves jogs; here whole top-level elements are moved
// vertically until the ends line up, and the routed pieces are replaced.
import type { Rect } from './absolute.ts';
import type { Point } from './types.ts';
import { centre, overlaps, segmentCrosses, translate } from './rect.ts';
import { ancestors, isContainer, rootsOf } from './scene-tree.ts';
import { topOf, type RouteParts, type Work } from './work.ts';

/** Moves a top-level element, everything in it and the route pieces inside it. */
export function shiftTop(work: Work, top: string, dy: number): void {
  if (dy === 0) return;
  for (const [id, r] of work.rects) {
    if (topOf(work.scene, id) === top) work.rects.set(id, translate(r, 0, dy));
  }
  for (const route of work.routes) {
    route.plan.pieces.forEach((piece, i) => {
      const part = route.parts[i];
      if (!part) return;
      if (piece.container !== undefined) {
        if (topOf(work.scene, piece.container) === top) route.parts[i] = part.map((p) => ({ x: p.x, y: p.y + dy }));
        return;
      }
      // A root piece runs between two top-level borders: move the end on the
      // shifted side and re-route it through the gap between the columns.
      const movesA = route.plan.upA[route.plan.upA.length - 1] === top;
      const movesB = route.plan.upB[route.plan.upB.length - 1] === top;
      if (!movesA && !movesB) return;
      const first = part[0]!;
      const last = part[part.length - 1]!;
      const p = movesA ? { x: first.x, y: first.y + dy } : first;
      const q = movesB ? { x: last.x, y: last.y + dy } : last;
      const mx = (p.x + q.x) / 2;
      route.parts[i] = Math.abs(p.y - q.y) < 0.01 ? [p, q] : [p, { x: mx, y: p.y }, { x: mx, y: q.y }, q];
    });
  }
}

export function topLevelOverlap(work: Work, top: string): boolean {
  const r = work.rects.get(top);
  if (!r) return true;
  return rootsOf(work.scene).some((o) => {
    const other = work.rects.get(o.id);
    return o.id !== top && other !== undefined && overlaps(r, other);
  });
}

function facingSegment(a: Rect, b: Rect): [Point, Point] {
  const y = centre(a).y;
  return a.x < b.x
    ? [{ x: a.x + a.width, y }, { x: b.x, y }]
    : [{ x: a.x, y }, { x: b.x + b.width, y }];
}

function clearPath(work: Work, route: RouteParts, p: Point, q: Point): boolean {
  const { a, b } = route.plan.link;
  const allowed = new Set([a, b, ...ancestors(work.scene, a), ...ancestors(work.scene, b)]);
  for (const [id, r] of work.rects) {
    if (!allowed.has(id) && segmentCrosses(p, q, r)) return false;
  }
  return true;
}

function straightenOne(work: Work, route: RouteParts, fixed: Set<string>): void {
  const { scene } = work;
  const { a, b } = route.plan.link;
  const ra = work.rects.get(a);
  const rb = work.rects.get(b);
  if (!ra || !rb) return;
  const ta = topOf(scene, a);
  const tb = topOf(scene, b);
  // Move a lone external before a node, and the right-hand node before the left.
  const candidates = [ta, tb].sort((x, y) => {
    const lone = Number(x !== a && x !== b) - Number(y !== a && y !== b);
    return lone !== 0 ? lone : (work.rects.get(y)?.x ?? 0) - (work.rects.get(x)?.x ?? 0);
  });
  const dyFor = (t: string): number => (t === ta ? centre(rb).y - centre(ra).y : centre(ra).y - centre(rb).y);
  let aligned = Math.abs(centre(ra).y - centre(rb).y) < 0.01;
  for (const t of candidates) {
    if (aligned || fixed.has(t)) continue;
    const dy = dyFor(t);
    shiftTop(work, t, dy);
    if (topLevelOverlap(work, t)) shiftTop(work, t, -dy);
    else aligned = true;
  }
  if (!aligned) return;
  fixed.add(ta).add(tb);
  const [p, q] = facingSegment(work.rects.get(a)!, work.rects.get(b)!);
  if (clearPath(work, route, p, q)) route.override = [p, q];
}

function isStraightenable(work: Work, route: RouteParts): boolean {
  const { scene } = work;
  const { kind, a, b } = route.plan.link;
  const ea = scene.elements[a];
  const eb = scene.elements[b];
  if ((kind !== 'wire' && kind !== 'tunnel') || !ea || !eb || isContainer(ea) || isContainer(eb)) return false;
  return topOf(scene, a) !== topOf(scene, b);
}

export function straightenWires(work: Work): void {
  const fixed = new Set<string>();
  const wires = work.routes.filter((r) => isStraightenable(work, r));
  // Node-to-node wires first: they decide the nodes' heights. Externals
  // follow them; a tunnel (drawn, but carried by the wire) comes last, so it
  // can never move a node a wire has already lined up.
  const rank = (r: RouteParts): number => {
    if (r.plan.link.kind === 'tunnel') return 2;
    const { a, b } = r.plan.link;
    return Number(work.scene.elements[a]?.parent === undefined || work.scene.elements[b]?.parent === undefined);
  };
  for (const route of [...wires].sort((x, y) => rank(x) - rank(y))) straightenOne(work, route, fixed);
}

/**
 * The lowest thing a top-level container must still hold: its descendants
 * and the routes inside it. ELK left room below the NIC for the border port
 * that the straight wire no longer uses.
 */
function contentBottom(work: Work, top: string, pad: number): number {
  let bottom = -Infinity;
  for (const [id, r] of work.rects) {
    if (id !== top && topOf(work.scene, id) === top) bottom = Math.max(bottom, r.y + r.height + pad);
  }
  for (const route of work.routes) {
    if (route.override) continue;
    route.plan.pieces.forEach((piece, i) => {
      const inside = piece.container !== undefined && topOf(work.scene, piece.container) === top;
      const touching = piece.container === undefined && [...route.plan.upA, ...route.plan.upB].includes(top);
      if (!inside && !touching) return;
      for (const p of route.parts[i] ?? []) bottom = Math.max(bottom, p.y + pad / 2);
    });
  }
  return bottom;
}

/**
 * Trims each top-level container to its content, then gives them all the
 * same top and bottom, so the nodes read as one row.
 */
export function equaliseNodes(work: Work, pad: number): void {
  const tops = rootsOf(work.scene).filter((el) => isContainer(el) && work.rects.has(el.id));
  for (const t of tops) {
    const r = work.rects.get(t.id)!;
    const bottom = contentBottom(work, t.id, pad);
    if (Number.isFinite(bottom) && bottom < r.y + r.height) work.rects.set(t.id, { ...r, height: bottom - r.y });
  }
  if (tops.length < 2) return;
  const rects = tops.map((t) => work.rects.get(t.id)!);
  const y0 = Math.min(...rects.map((r) => r.y));
  const y1 = Math.max(...rects.map((r) => r.y + r.height));
  for (const t of tops) {
    const r = work.rects.get(t.id)!;
    work.rects.set(t.id, { ...r, y: y0, height: y1 - y0 });
  }
}
