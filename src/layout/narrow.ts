// Tables narrowed for free. Rows line up across a drawing (phantoms.ts), so a
// row is as tall as the tallest thing in it in any node. A table that is not
// that tallest thing can wrap its rows narrower until it is as tall as the
// row: the drawing gets narrower and no taller. Worked out from one layout,
// for the next.
import type { Scene, SceneElement } from '../scene/model.ts';
import { childrenOf, rootsOf, rowOf } from './scene-tree.ts';
import type { TableWrap } from './table-wrap.ts';
import { tableBox } from './titles.ts';
import type { Geometry } from './types.ts';

/** Narrowest a table's rows get: below this a row of addresses breaks into fragments. */
const MIN_LIMIT = 18;

/** Height of every row of the drawing's nodes, leaving out the given elements. */
function rowHeights(scene: Scene, g: Geometry, leaveOut: ReadonlySet<string>): Map<number, number> {
  const heights = new Map<number, number>();
  for (const node of rootsOf(scene).filter((r) => r.kind === 'node')) {
    for (const child of childrenOf(scene, node.id)) {
      const box = g.boxes.find((b) => b.id === child.id);
      if (!box || leaveOut.has(child.id)) continue;
      const row = rowOf(scene, child.id);
      heights.set(row, Math.max(heights.get(row) ?? 0, box.height));
    }
  }
  return heights;
}

/** The narrowest limit at which every table of a group (a column shares one width) stays within `height`. */
function narrowest(group: SceneElement[], wraps: ReadonlyMap<string, TableWrap>, height: (t: SceneElement) => number): number {
  const current = Math.max(...group.map((t) => wraps.get(t.id)!.limit));
  let best = current;
  for (let limit = current - 1; limit >= MIN_LIMIT; limit--) {
    const ok = group.every((t) => tableBox(t, new Map([[t.id, { ...wraps.get(t.id)!, limit }]])).height <= height(t) + 0.5);
    if (!ok) break;
    best = limit;
  }
  return best;
}

/** Narrower limits for the node-level tables that have height to spare in `g`, or null when none has. */
export function narrowTables(scene: Scene, g: Geometry, wraps: ReadonlyMap<string, TableWrap>): Map<string, TableWrap> | null {
  const out = new Map(wraps);
  let changed = false;
  for (const node of rootsOf(scene).filter((r) => r.kind === 'node')) {
    const tables = childrenOf(scene, node.id).filter((c) => c.kind === 'table' && wraps.has(c.id));
    const column = tables.filter((t) => wraps.get(t.id)!.fill);
    const groups = [...(column.length > 0 ? [column] : []), ...tables.filter((t) => !wraps.get(t.id)!.fill).map((t) => [t])];
    for (const group of groups) {
      const others = rowHeights(scene, g, new Set(group.map((t) => t.id)));
      const limit = narrowest(group, wraps, (t) => others.get(rowOf(scene, t.id)) ?? 0);
      if (limit >= Math.max(...group.map((t) => wraps.get(t.id)!.limit))) continue;
      for (const t of group) out.set(t.id, { ...wraps.get(t.id)!, limit });
      changed = true;
    }
  }
  return changed ? out : null;
}
