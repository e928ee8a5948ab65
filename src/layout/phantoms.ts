// Rows that line up across nodes. ELK lays each node out on its own
// (SEPARATE_CHILDREN), so a tall table in one node's row pushes that node's
// lower rows down and the two stacks drift apart. The remedy: an
// invisible node of the missing height in the other node's row. Measured
// after a first layout, since pods' heights are ELK's to decide. An invisible
// node costs its row a sibling gap of width, though, so where the row has a
// table no link touches, that table stands in instead: ELK gets it at the
// row's full height and it is cut back to its own height afterwards.
import type { Scene } from '../scene/model.ts';
import type { Rect } from './absolute.ts';
import { childrenOf, rootsOf, rowOf } from './scene-tree.ts';

export interface Phantom {
  id: string;
  /** The node container it goes into. */
  parent: string;
  row: number;
  height: number;
  /** The table that stands in for the invisible node, and its own height to restore. */
  stands?: { id: string; height: number };
}

/** Height of each row of one node, from the boxes of its direct children. */
function rowHeights(scene: Scene, node: string, rects: Map<string, Rect>): Map<number, number> {
  const rows = new Map<number, [number, number]>();
  for (const child of childrenOf(scene, node)) {
    const r = rects.get(child.id);
    if (!r) continue;
    const row = rowOf(scene, child.id);
    const [top, bottom] = rows.get(row) ?? [Infinity, -Infinity];
    rows.set(row, [Math.min(top, r.y), Math.max(bottom, r.y + r.height)]);
  }
  return new Map([...rows].map(([row, [top, bottom]]) => [row, bottom - top]));
}

export function phantomsFor(scene: Scene, rects: Map<string, Rect>): Phantom[] {
  const nodes = rootsOf(scene).filter((el) => el.kind === 'node' && rects.has(el.id));
  if (nodes.length < 2) return [];
  const heights = new Map(nodes.map((n) => [n.id, rowHeights(scene, n.id, rects)]));
  const tallest = new Map<number, number>();
  for (const rows of heights.values()) {
    for (const [row, h] of rows) tallest.set(row, Math.max(tallest.get(row) ?? 0, h));
  }
  const linked = new Set(scene.links.flatMap((l) => [l.a, l.b]));
  const out: Phantom[] = [];
  for (const n of nodes) {
    const rows = heights.get(n.id)!;
    for (const [row, h] of [...tallest].sort((a, b) => a[0] - b[0])) {
      if ((rows.get(row) ?? 0) >= h - 1) continue;
      const phantom: Phantom = { id: `__phantom__/${n.id}/${row}`, parent: n.id, row, height: h };
      const table = childrenOf(scene, n.id).find(
        (c) => c.kind === 'table' && !linked.has(c.id) && rowOf(scene, c.id) === row && rects.has(c.id),
      );
      if (table) phantom.stands = { id: table.id, height: rects.get(table.id)!.height };
      out.push(phantom);
    }
  }
  return out;
}

/** Cuts the stand-in tables back to their own height (top kept, as ELK aligns a row's tops). */
export function restoreStandIns(phantoms: readonly Phantom[], rects: Map<string, Rect>): void {
  for (const p of phantoms) {
    const r = p.stands && rects.get(p.stands.id);
    if (r) rects.set(p.stands!.id, { ...r, height: p.stands!.height });
  }
}
