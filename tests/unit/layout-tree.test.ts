// The Geometry says who holds whom by its order and depths alone (tree.ts):
// for every bundled scene that must be the scene's own nesting, so render and
// timeline never need the scene or coordinates to know it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleScene } from '../../src/bundle/bundle.ts';
import { ancestorBoxes, boxTree, isContainerBox } from '../../src/layout/tree.ts';

const files = readdirSync('scenes').filter((f) => f.endsWith('.yaml')).sort();

describe('the containment in a Geometry', () => {
  it.each(files)('%s: each box’s parent and container flag are the scene’s', async (f) => {
    const built = await bundleScene(readFileSync(`scenes/${f}`, 'utf8'), `scenes/${f}`);
    if (!built.ok) expect.fail(`${f} does not build`);
    const tree = boxTree(built.geometry.boxes);
    for (const box of built.geometry.boxes) {
      const el = built.scene.elements[box.id]!;
      expect(tree.get(box.id)?.id, box.id).toBe(el.parent);
      expect(isContainerBox(box, tree), box.id).toBe(el.kind === 'node' || el.kind === 'pod' || el.children.length > 0);
      const chain: string[] = [];
      for (let p = el.parent; p; p = built.scene.elements[p]?.parent) chain.push(p);
      expect(ancestorBoxes(box, tree).map((b) => b.id), box.id).toEqual(chain);
    }
  });
});
