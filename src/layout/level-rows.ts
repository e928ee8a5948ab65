// Devices of one row at one height. The partitions give ELK each node's rows
// in order, but not one height per row: its layering may put a device a
// layer lower to shorten a link to a row far below (Cilium's lxc under the
// taller pod sat 70 px below its neighbour), and each node is laid out on
// its own, so a bridge in a node with two veths lands lower than one with
// a single veth. A reader takes a step down the picture for a step down the
// stack, so after layout each leaf device or process is raised to the
// highest top its row has in any node, where that is free. Raising never
// pushes anything below it; a move that would cover another box, shorten
// a link into the device to nothing or touch a wire between top-level
// boxes (the NIC wire straightenWires drew) is not made.
import type { Rect } from './absolute.ts';
import { overlaps, segmentCrosses } from './rect.ts';
import { ancestors, childrenOf, isContainer, rootsOf, rowOf } from './scene-tree.ts';
import type { Point } from './types.ts';
import type { Work } from './work.ts';

/** Room a raised box keeps from every other box, and the shortest link left above it. */
const CLEAR = 8;

export function levelRows(work: Work): void {
  const { scene, rects } = work;
  const nodes = rootsOf(scene).filter((el) => el.kind === 'node' && rects.has(el.id));
  // Tops as drawn: the nodes' boxes are made one height afterwards (equaliseNodes), from the top of the highest.
  const leaves = nodes.flatMap((n) =>
    childrenOf(scene, n.id)
      .filter((el) => el.kind !== 'table' && !isContainer(el) && rects.has(el.id))
      .map((el) => ({ id: el.id, row: rowOf(scene, el.id), top: rects.get(el.id)!.y })),
  );
  const highest = new Map<number, number>();
  for (const l of leaves) highest.set(l.row, Math.min(highest.get(l.row) ?? Infinity, l.top));
  for (const l of leaves) {
    const dy = highest.get(l.row)! - l.top;
    if (dy < -0.5) raise(work, l.id, dy);
  }
}

/** Moves `id` up by -dy with its links' ends, if nothing stands in the way. */
function raise(work: Work, id: string, dy: number): void {
  const r = work.rects.get(id)!;
  const moved = { ...r, y: r.y + dy };
  const own = new Set([id, ...ancestors(work.scene, id)]);
  const room = { x: moved.x - CLEAR, y: moved.y - CLEAR, width: moved.width + 2 * CLEAR, height: moved.height + 2 * CLEAR };
  if ([...work.rects].some(([other, o]) => !own.has(other) && overlaps(room, o))) return;
  const edits: (() => void)[] = [];
  const incident = new Set<Point[]>();
  for (const route of work.routes) {
    for (let i = 0; i < route.parts.length; i++) {
      const part = route.parts[i];
      if (!part || part.length < 2) continue;
      for (const end of [0, part.length - 1]) {
        const p = part[end]!;
        const next = part[end === 0 ? 1 : part.length - 2]!;
        const side = sideOf(p, r);
        if (side === undefined) continue;
        // A link leaving sideways, or a piece between top-level boxes: leave the device where it is.
        if (side === 'side' || route.plan.pieces[i]?.container === undefined) return;
        if (Math.abs(next.x - p.x) > 0.01) return;
        // A link arriving from above gets shorter: some of it must be left.
        if (side === 'top' && next.y > p.y + dy - CLEAR) return;
        incident.add(part);
        edits.push(() => (part[end] = { x: p.x, y: p.y + dy }));
      }
    }
  }
  // Nor may the box land on a link that passes by.
  for (const route of work.routes) {
    for (const part of route.parts) {
      if (!part || incident.has(part)) continue;
      for (let k = 1; k < part.length; k++) if (segmentCrosses(part[k - 1]!, part[k]!, moved)) return;
    }
  }
  for (const edit of edits) edit();
  work.rects.set(id, moved);
}

/** Which border of `r` the point `p` is on, if any. */
function sideOf(p: Point, r: Rect): 'top' | 'bottom' | 'side' | undefined {
  const within = (v: number, lo: number, hi: number): boolean => v >= lo - 0.5 && v <= hi + 0.5;
  if (!within(p.x, r.x, r.x + r.width) || !within(p.y, r.y, r.y + r.height)) return undefined;
  if (Math.abs(p.y - r.y) < 0.5) return 'top';
  if (Math.abs(p.y - (r.y + r.height)) < 0.5) return 'bottom';
  return 'side';
}
