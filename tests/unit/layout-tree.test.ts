// What a Geometry carries for the stages after layout, checked on every
// bundled scene: each box names the scene's parent and says whether it is a
// container (tree.ts reads no coordinates and no scene), and each label's box
// is the drawn text, beside the route it labels.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleScene } from '../../src/bundle/bundle.ts';
import { ancestorBoxes, boxTree } from '../../src/layout/tree.ts';
import { lineHeight, linesWidth } from '../../src/layout/measure.ts';
import type { Point } from '../../src/layout/types.ts';

const files = readdirSync('scenes').filter((f) => f.endsWith('.yaml')).sort();
const built = Object.fromEntries(
  await Promise.all(
    files.map(async (f) => {
      const b = await bundleScene(readFileSync(`scenes/${f}`, 'utf8'), `scenes/${f}`);
      if (!b.ok) throw new Error(`${f} does not build`);
      return [f, b] as const;
    }),
  ),
);

type Rect = { x: number; y: number; width: number; height: number };

/** Gap between a rectangle and an axis-parallel segment (0 when they touch). */
function gap(r: Rect, p: Point, q: Point): number {
  const dx = Math.max(0, r.x - Math.max(p.x, q.x), Math.min(p.x, q.x) - (r.x + r.width));
  const dy = Math.max(0, r.y - Math.max(p.y, q.y), Math.min(p.y, q.y) - (r.y + r.height));
  return Math.hypot(dx, dy);
}

describe('the containment in a Geometry', () => {
  it.each(files)('%s: each box’s parent and container flag are the scene’s', (f) => {
    const { scene, geometry } = built[f]!;
    const tree = boxTree(geometry.boxes);
    const seen = new Set<string>();
    for (const box of geometry.boxes) {
      const el = scene.elements[box.id]!;
      expect(box.parent, box.id).toBe(el.parent);
      if (box.parent) expect(seen.has(box.parent), `${box.parent} before ${box.id}`).toBe(true);
      seen.add(box.id);
      expect(box.container === true, box.id).toBe(el.kind === 'node' || el.kind === 'pod' || el.children.length > 0);
      const chain: string[] = [];
      for (let p = el.parent; p; p = scene.elements[p]?.parent) chain.push(p);
      expect(ancestorBoxes(box, tree).map((b) => b.id), box.id).toEqual(chain);
    }
  });
});

describe('the label boxes in a Geometry', () => {
  it.each(files)('%s: every label is its link’s text, boxed as drawn, beside its own route', (f) => {
    const { scene, geometry } = built[f]!;
    const labelled = scene.links.filter((l) => l.label);
    expect(geometry.edges.filter((e) => e.label).map((e) => e.link)).toEqual(labelled.map((l) => l.id));
    for (const e of geometry.edges) {
      const label = e.label;
      if (!label) continue;
      expect(label.lines.join(''), e.link).toBe(scene.links.find((l) => l.id === e.link)!.label);
      expect(label.width, e.link).toBeCloseTo(linesWidth(label.lines), 1);
      expect(label.height, e.link).toBeCloseTo(label.lines.length * lineHeight(), 1);
      // Placed 4 units off a horizontal stretch, 8 off a vertical one (edge-labels.ts): clear of the line, close to it.
      const nearest = Math.min(...e.points.slice(1).map((q, i) => gap(label, e.points[i]!, q)));
      expect(nearest, e.link).toBeGreaterThan(0);
      expect(nearest, e.link).toBeLessThanOrEqual(8.01);
    }
  });
});
