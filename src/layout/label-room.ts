// Room for the label of a short vertical link. Rows of a node sit close
// (SPACING.rows), closer than a label is tall, so a labelled link between two
// neighbouring rows (kube-proxy "writes rules" into the nat table, BIRD on
// "TCP 179") would have its label cover a box. ELK gets one end of such a
// link taller by the missing height; afterwards the box is cut back to its
// own height and the routes that met the added part are brought back to it,
// leaving the gap taller by exactly what the label needs.
import type { Scene } from '../scene/model.ts';
import type { AbsoluteLayout } from './absolute.ts';
import { labelLines } from './edge-labels.ts';
import { lineHeight } from './measure.ts';
import { childrenOf, rootsOf, rowOf } from './scene-tree.ts';

export interface Stretch {
  id: string;
  extra: number;
  /** True when the added height is below the box (the link's upper end), false when above it. */
  below: boolean;
}

/** Room a label needs beside a vertical line: its text, the clearance labels keep (edge-labels.ts), a little air. */
const labelHeight = (lines: number): number => lines * lineHeight() + 2 + 4;

/** The stretches, at most one per element (the largest). */
export function labelRoom(scene: Scene, rowsGap: number): Stretch[] {
  const byId = new Map<string, Stretch>();
  const used = new Set(rootsOf(scene).flatMap((n) => childrenOf(scene, n.id).map((c) => rowOf(scene, c.id))));
  for (const link of scene.links) {
    const [a, b] = [scene.elements[link.a], scene.elements[link.b]];
    if (!link.label || !a || !b || a.parent === undefined || a.parent !== b.parent) continue;
    if (a.children.length > 0 || b.children.length > 0) continue;
    if (scene.elements[a.parent]?.kind !== 'node') continue;
    const [ra, rb] = [rowOf(scene, a.id), rowOf(scene, b.id)];
    if (ra === rb || [...used].some((r) => r > Math.min(ra, rb) && r < Math.max(ra, rb))) continue;
    const extra = Math.ceil(labelHeight(labelLines(scene, link).length) - rowsGap);
    if (extra <= 0) continue;
    const [upper, lower] = ra < rb ? [a, b] : [b, a];
    // Stretch the end that is not a device: a device's other links meet it on other sides.
    const stretchLower = upper.kind === 'device' && lower.kind !== 'device';
    const s: Stretch = { id: stretchLower ? lower.id : upper.id, extra, below: !stretchLower };
    if ((byId.get(s.id)?.extra ?? 0) < extra) byId.set(s.id, s);
  }
  return [...byId.values()];
}

/** Cuts stretched boxes back to their own height and moves the route ends that met the added part. */
export function releaseRoom(stretches: readonly Stretch[], abs: AbsoluteLayout): void {
  for (const s of stretches) {
    const r = abs.rects.get(s.id);
    if (!r) continue;
    const edgeY = s.below ? r.y + r.height : r.y;
    const shift = s.below ? -s.extra : s.extra;
    abs.rects.set(s.id, { ...r, y: s.below ? r.y : r.y + s.extra, height: r.height - s.extra });
    for (const pts of abs.polylines.values()) {
      for (const p of [pts[0], pts[pts.length - 1]]) {
        if (p && Math.abs(p.y - edgeY) < 0.5 && p.x >= r.x - 0.5 && p.x <= r.x + r.width + 0.5) p.y += shift;
      }
    }
  }
}
