// A link from inside a node to an external box that is not a wire (a
// shortcut to an upstream server): ELK routes it to a port on the node's
// border and on to the external wherever ELK put it, with a jog between.
// Moving the external level with the border port makes that last stretch
// one straight line, the way a wire into a NIC is drawn (straighten.ts).
import type { Point } from './types.ts';
import { shiftTop, topLevelOverlap } from './straighten.ts';
import type { RouteParts, Work } from './work.ts';

function alignOne(work: Work, route: RouteParts): void {
  const { plan } = route;
  const k = plan.pieces.findIndex((p) => p.container === undefined);
  const rootPart = route.parts[k];
  if (k < 0 || !rootPart || route.parts.some((p) => p === null)) return;
  // The external is a lone top-level leaf: its chain is just itself.
  const extIsB = plan.upB.length === 1 && plan.upA.length > 1;
  const extIsA = plan.upA.length === 1 && plan.upB.length > 1;
  const ext = extIsB ? plan.link.b : extIsA ? plan.link.a : undefined;
  if (ext === undefined || work.scene.elements[ext]?.kind !== 'external') return;
  const border: Point = extIsB ? rootPart[0]! : rootPart[rootPart.length - 1]!;
  const r = work.rects.get(ext)!;
  const dy = border.y - (r.y + r.height / 2);
  shiftTop(work, ext, dy);
  if (topLevelOverlap(work, ext)) {
    shiftTop(work, ext, -dy);
    return;
  }
  const moved = work.rects.get(ext)!;
  const facingX = moved.x > border.x ? moved.x : moved.x + moved.width;
  const end = { x: facingX, y: border.y };
  route.parts[k] = extIsB ? [border, end] : [end, border];
}

/** Lines every non-wire link into an external up with the node border it leaves from. */
export function alignExternals(work: Work): void {
  for (const route of work.routes) {
    const kind = route.plan.link.kind;
    if (kind !== 'wire' && kind !== 'tunnel' && !route.override) alignOne(work, route);
  }
}
