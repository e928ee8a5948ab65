// Boxes of one row at one height. The partitions give ELK each node's rows
// in order, but not one height per row: its layering may put a device a
// layer lower to shorten a link to a row far below (Cilium's lxc under the
// taller pod sat 70 px below its neighbour), and each node is laid out on
// its own, so a bridge in a node with two veths lands lower than one with
// a single veth. A reader takes a step down the picture for a step down the
// stack, so after layout each device, process or pod a node holds directly
// is raised to the highest top its row has in any node, where that is
// free. Raising never pushes anything below it. A move is not made when
// the box would pass over another box, a link or its node's title, when a
// link into it would lose its label's room or all its length, or when the
// box ends a link drawn after ELK (a straight wire, a same-row link) or
// one that leaves sideways. A pod moves with everything in it.
import type { Rect } from './absolute.ts';
import { overlaps, segmentCrosses } from './rect.ts';
import { ancestors, childrenOf, isContainer, rootsOf, rowOf } from './scene-tree.ts';
import type { Point } from './types.ts';
import type { Work } from './work.ts';

/** Room a raised box keeps from every other box, and the shortest link left above it. */
const CLEAR = 8;

interface Candidate {
  id: string;
  row: number;
  y: number;
  /** The highest its top may go: below its node's title. */
  floor: number;
}

/** `titleBand`: the height of a node's title, which its content must stay below. */
export function levelRows(work: Work, titleBand: (node: string) => number): void {
  const { scene, rects } = work;
  const nodes = rootsOf(scene).filter((el) => el.kind === 'node' && rects.has(el.id));
  // The nodes' boxes are given one top afterwards (equaliseNodes): the highest.
  const top = Math.min(...rootsOf(scene).filter((el) => isContainer(el) && rects.has(el.id)).map((el) => rects.get(el.id)!.y));
  const boxes: Candidate[] = nodes.flatMap((n) =>
    childrenOf(scene, n.id)
      .filter((el) => el.kind === 'pod' || (el.kind !== 'table' && !isContainer(el)))
      .filter((el) => rects.has(el.id))
      .map((el) => ({ id: el.id, row: rowOf(scene, el.id), y: rects.get(el.id)!.y, floor: top + titleBand(n.id) })),
  );
  const highest = new Map<number, number>();
  for (const b of boxes) highest.set(b.row, Math.min(highest.get(b.row) ?? Infinity, b.y));
  // Row by row from the top, so a device's room is judged with the pod above it already raised.
  for (const group of sameRowGroups(work, boxes).sort((a, b) => a[0]!.row - b[0]!.row || a[0]!.y - b[0]!.y)) {
    const moves = group.map((b) => ({ id: b.id, dy: Math.max(highest.get(b.row)!, b.floor) - b.y })).filter((m) => m.dy < -0.5);
    if (moves.length > 0) raise(work, group.map((b) => b.id), moves);
  }
}

/** The candidates, grouped where a link drawn after layout between two boxes of one row (same-row.ts) joins them. */
function sameRowGroups(work: Work, boxes: Candidate[]): Candidate[][] {
  const group = new Map(boxes.map((b) => [b.id, [b]]));
  const holder = (id: string): string | undefined => [id, ...ancestors(work.scene, id)].find((x) => group.has(x));
  for (const route of work.routes) {
    if (route.plan.pieces.length > 0 || route.plan.across) continue;
    const [a, b] = [holder(route.plan.link.a), holder(route.plan.link.b)];
    if (a === undefined || b === undefined || group.get(a) === group.get(b)) continue;
    const joined = [...group.get(a)!, ...group.get(b)!];
    for (const c of joined) group.set(c.id, joined);
  }
  return [...new Set(group.values())];
}

/**
 * Raises each box of `moves` by its -dy with what it holds and its links'
 * ends; all of them or, if anything stands in the way of one, none: boxes
 * joined by a same-row link (`group`) must not part.
 */
function raise(work: Work, group: string[], moves: { id: string; dy: number }[]): void {
  const { scene, rects } = work;
  const within = (id: string, other: string): boolean => other === id || ancestors(scene, other).includes(id);
  // Pieces moved whole (inside a raised pod), and pieces with an end moved: neither is an obstacle.
  const whole = new Set<Point[]>();
  const carried = new Set<Point[]>();
  const sweeps: Rect[] = [];
  const edits: (() => void)[] = [];
  for (const { id, dy } of moves) {
    const r = rects.get(id)!;
    const moved = { ...r, y: r.y + dy };
    const own = new Set(ancestors(scene, id));
    // All the box sweeps on its way up must be free, not only where it lands: its lower links will run through it.
    const swept = { x: r.x - CLEAR, y: moved.y - CLEAR, width: r.width + 2 * CLEAR, height: r.y + r.height - moved.y + 2 * CLEAR };
    if ([...rects].some(([other, o]) => !own.has(other) && !within(id, other) && overlaps(swept, o))) return;
    sweeps.push(swept);
    // A table drawn beside it must stay level with it (overlapping in height).
    for (const el of Object.values(scene.elements)) {
      const t = el.beside !== undefined && within(id, el.beside) ? rects.get(el.id) : undefined;
      if (t && !(moved.y < t.y + t.height && t.y < moved.y + moved.height)) return;
    }
    for (const route of work.routes) {
      const link = route.plan.link;
      // Ghost links are never drawn: they neither stop a raise nor need mending.
      if (route.plan.index >= scene.links.length) continue;
      const touches = [link.a, link.b].some((end) => within(id, end));
      // Drawn after this pass from the boxes where they end up (shortcuts.ts).
      if (route.plan.across) continue;
      if (!touches && route.plan.pieces.length === 0) continue;
      // Drawn after layout from the boxes: a same-row link stays inside the group; a straight wire would break.
      const inGroup = [link.a, link.b].every((end) => group.some((g) => within(g, end)));
      if (touches && (route.plan.pieces.length === 0 ? !inGroup : route.override !== undefined)) return;
      for (let i = 0; i < route.parts.length; i++) {
        const part = route.parts[i];
        if (!part || part.length < 2 || whole.has(part)) continue;
        const container = route.plan.pieces[i]?.container;
        // A piece inside a moving pod moves whole.
        if (container !== undefined && within(id, container)) {
          whole.add(part);
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
          // A link arriving from above gets shorter: some of it must be left, and all of the room kept for its label.
          if (side === 'top' && (link.label !== undefined || next.y > p.y + dy - CLEAR)) return;
          carried.add(part);
          edits.push(() => (part[end] = { x: p.x, y: p.y + dy }));
        }
      }
    }
    edits.push(() => {
      for (const [other, o] of rects) if (within(id, other)) rects.set(other, { ...o, y: o.y + dy });
    });
  }
  // Nor may a box pass over a link that goes by.
  for (const route of work.routes) {
    if (route.plan.index >= scene.links.length) continue;
    for (const part of route.override ? [route.override] : route.parts) {
      if (!part || carried.has(part)) continue;
      for (let k = 1; k < part.length; k++) if (sweeps.some((w) => segmentCrosses(part[k - 1]!, part[k]!, w))) return;
    }
  }
  for (const edit of edits) edit();
}

/** Which border of `r` the point `p` is on, if any. */
function sideOf(p: Point, r: Rect): 'top' | 'bottom' | 'side' | undefined {
  const within = (v: number, lo: number, hi: number): boolean => v >= lo - 0.5 && v <= hi + 0.5;
  if (!within(p.x, r.x, r.x + r.width) || !within(p.y, r.y, r.y + r.height)) return undefined;
  if (Math.abs(p.y - r.y) < 0.5) return 'top';
  if (Math.abs(p.y - (r.y + r.height)) < 0.5) return 'bottom';
  return 'side';
}
