// The gaps between the root's columns. ELK spaces every pair of root layers
// alike, so one long label (a NodePort address on the client's wire) would
// widen every gap in the drawing. Instead the columns take the even
// partitions and each gap an odd one, holding an invisible node exactly as
// wide as that gap's own label needs beyond ELK's spacing on either side.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Scene } from '../scene/model.ts';
import { labelInGap, labelLines } from './edge-labels.ts';
import { linesWidth } from './measure.ts';
import { rootColumns } from './order.ts';
import { ancestors } from './scene-tree.ts';

/** Room between a gap label and the borders either side. */
const LABEL_CLEARANCE = 28;

/** The root partition of column `col`. */
export const columnPartition = (col: number): number => 2 * col;

/** One invisible node per gap between consecutive columns; `layerGap` is ELK's spacing between root layers. */
export function gapNodes(scene: Scene, layerGap: number, minGap: number): ElkNode[] {
  const cols = rootColumns(scene);
  const count = Math.max(0, ...cols.values()) + 1;
  const need = new Array<number>(Math.max(0, count - 1)).fill(minGap);
  const top = (id: string): string => [id, ...ancestors(scene, id)].pop() ?? id;
  for (const link of scene.links) {
    if (!link.label || !labelInGap(scene, link)) continue;
    const [ca, cb] = [cols.get(top(link.a)), cols.get(top(link.b))];
    if (ca === undefined || cb === undefined || ca === cb) continue;
    // A link spanning several columns is labelled in the first gap it crosses.
    const gap = Math.min(ca, cb);
    need[gap] = Math.max(need[gap]!, Math.ceil(linesWidth(labelLines(scene, link)) + LABEL_CLEARANCE));
  }
  return need.map((w, gap) => ({
    id: `__gap__/${gap}`,
    width: Math.max(1, w - 2 * layerGap),
    height: 1,
    layoutOptions: { 'elk.partitioning.partition': String(columnPartition(gap) + 1) },
  }));
}
