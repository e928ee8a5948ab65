// Boxes of one row at one height. The partitions give ELK each node's rows
// in order, but not one height per row: its layering may put a device a
// layer lower to shorten a link to a row far below (Cilium's lxc under the
// taller pod sat 70 px below its neighbour), and each node is laid out on
// its own, so a bridge in a node with two veths lands lower than one with
// a single veth. A reader takes a step down the picture for a step down the
// stack, so after layout each device, process or pod a node holds directly
// is raised to the highest top its row has in any node, where that is
// free. Raising never pushes anything below it; a move that would cover
// another box or a node's title, shorten a link into the box to nothing
// or touch a wire between top-level boxes (the NIC wire straightenWires
// drew) is not made. A pod moves with everything in it.
import type { Rect } from './absolute.ts';
import { overlaps, segmentCrosses } from './rect.ts';
import { ancestors, childrenOf, isContainer, rootsOf, rowOf } from './scene-tree.ts';
import type { Point } from './types.ts';
import type { Work } from './work.ts';

/** Room a raised box keeps from every other box, and the shortest link left above it. */
const CLEAR = 8;

/** `titleBand`: the height of a node's title, which its content must stay below. */
export function levelRows(work: Work, titleBand: (node: string) => number): void {
  const { scene, rects } = work;
  const nodes = rootsOf(scene).filter((el) => el.kind === 'node' && rects.has(el.id));
  // The nodes' boxes are given one top afterwards (equaliseNodes): the highest.
  const top = Math.min(...rootsOf(scene).filter((el) => isContainer(el) && rects.has(el.id)).map((el) => rects.get(el.id)!.y));
  const boxes = nodes.flatMap((n) =>
    childrenOf(scene, n.id)
      .filter((el) => el.kind === 'pod' || (el.kind !== 'table' && !isContainer(el)))
      .filter((el) => rects.has(el.id))
      .map((el) => ({ id: el.id, row: rowOf(scene, el.id), y: rects.get(el.id)!.y, floor: top + titleBand(n.id) })),
  );
  const highest = new Map<number, number>();
  for (const b of boxes) highest.set(b.row, Math.min(highest.get(b.row) ?? Infinity, b.y));
  for (const b of boxes) {
    const dy = Math.max(highest.get(b.row)!, b.floor) - b.y;
    if (dy < -0.5) raise(work, b.id, dy);
  }
}

/** Moves `id` (and what it holds) up by -dy with its links' ends, if nothing stands in the way. */
function raise(work: Work, id: string, dy: number): void {
  const { scene, rects } = work;
  const r = rects.get(id)!;
  const moved = { ...r, y: r.y + dy };
  const inside = (other: string): boolean => other === id || ancestors(scene, other).includes(id);
  const own = new Set([id, ...ancestors(scene, id)]);
  const room = { x: moved.x - CLEAR, y: moved.y - CLEAR, width: moved.width + 2 * CLEAR, height: moved.height + 2 * CLEAR };
  if ([...rects].some(([other, o]) => !own.has(other) && !inside(other) && overlaps(room, o))) return;
  const edits: (() => void)[] = [];
  const carried = new Set<Point[]>();
  for (const route of work.routes) {
    for (let i = 0; i < route.parts.length; i++) {
      const part = route.parts[i];
      if (!part || part.length < 2) continue;
      const container = route.plan.pieces[i]?.container;
      // A piece inside a moving pod moves whole.
      if (container !== undefined && inside(container)) {
        carried.add(part);
        edits.push(() => (route.parts[i] = part.map((p) => ({ x: p.x, y: p.y + dy }))));
        continue;
      }
      for (const end of [0, part.length - 1]) {
        const p = part[end]!;
        const next = part[end === 0 ? 1 : part.length - 2]!;
        const side = sideOf(p, r);
        if (side === undefined) continue;
        // A link leaving sideways, or a piece between top-level boxes: leave the box where it is.
        if (side === 'side' || container === undefined) return;
        if (Math.abs(next.x - p.x) > 0.01) return;
        // A link arriving from above gets shorter: some of it must be left.
        if (side === 'top' && next.y > p.y + dy - CLEAR) return;
        carried.add(part);
        edits.push(() => (part[end] = { x: p.x, y: p.y + dy }));
      }
    }
  }
  // Nor may the box land on a link that passes by.
  for (const route of work.routes) {
    for (const part of route.parts) {
      if (!part || carried.has(part)) continue;
      for (let k = 1; k < part.length; k++) if (segmentCrosses(part[k - 1]!, part[k]!, moved)) return;
    }
  }
  for (const edit of edits) edit();
  for (const [other, o] of rects) if (inside(other)) rects.set(other, { ...o, y: o.y + dy });
}

/** Which border of `r` the point `p` is on, if any. */
function sideOf(p: Point, r: Rect): 'top' | 'bottom' | 'side' | undefined {
  const within = (v: number, lo: number, hi: number): boolean => v >= lo - 0.5 && v <= hi + 0.5;
  if (!within(p.x, r.x, r.x + r.width) || !within(p.y, r.y, r.y + r.height)) return undefined;
  if (Math.abs(p.y - r.y) < 0.5) return 'top';
  if (Math.abs(p.y - (r.y + r.height)) < 0.5) return 'bottom';
  return 'side';
}
