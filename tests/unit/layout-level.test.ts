// One row, one height: every device, process or pod a node holds directly
// stands with its top level with the others of its row, in that node and
// across nodes (level-rows.ts), and the links into it still end on its border.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutScene } from '../../src/layout/layout.ts';
import { childrenOf, isContainer, rootsOf, rowOf } from '../../src/layout/scene-tree.ts';
import type { Geometry } from '../../src/layout/types.ts';
import { loadScene } from '../../src/scene/load.ts';
import type { Scene } from '../../src/scene/model.ts';

const files = readdirSync('scenes').filter((f) => f.endsWith('.yaml')).sort();
const built = new Map<string, { scene: Scene; g: Geometry }>();

beforeAll(async () => {
  for (const f of files) {
    const loaded = loadScene(readFileSync(join('scenes', f), 'utf8'), `scenes/${f}`);
    if (!loaded.ok) throw new Error(`${f} does not load`);
    built.set(f, { scene: loaded.scene, g: await layoutScene(loaded.scene) });
  }
}, 120_000);

describe('rows at one height', () => {
  it.each(files)('%s: the devices, processes and pods of each row share one top, in every node', (f) => {
    const { scene, g } = built.get(f)!;
    const tops = new Map<number, Map<string, number>>();
    for (const node of rootsOf(scene).filter((el) => el.kind === 'node')) {
      for (const el of childrenOf(scene, node.id)) {
        if (el.kind === 'table' || (isContainer(el) && el.kind !== 'pod')) continue;
        const b = g.boxes.find((x) => x.id === el.id)!;
        const row = rowOf(scene, el.id);
        tops.set(row, (tops.get(row) ?? new Map()).set(el.id, b.y));
      }
    }
    for (const [row, byId] of tops) {
      const ys = [...byId.values()];
      expect(Math.max(...ys) - Math.min(...ys), `${f} row ${row}: ${JSON.stringify(Object.fromEntries(byId))}`).toBeLessThan(1);
    }
  });

  it.each(files)('%s: every link still ends on the border of the boxes it joins', (f) => {
    const { g } = built.get(f)!;
    const onBorder = (p: { x: number; y: number }, id: string): boolean => {
      const b = g.boxes.find((x) => x.id === id)!;
      const inX = p.x >= b.x - 1 && p.x <= b.x + b.width + 1;
      const inY = p.y >= b.y - 1 && p.y <= b.y + b.height + 1;
      const edgeX = Math.abs(p.x - b.x) < 1 || Math.abs(p.x - (b.x + b.width)) < 1;
      const edgeY = Math.abs(p.y - b.y) < 1 || Math.abs(p.y - (b.y + b.height)) < 1;
      return inX && inY && (edgeX || edgeY);
    };
    for (const e of g.edges) {
      if (e.points.length < 2) continue;
      expect(onBorder(e.points[0]!, e.a), `${e.a} end of ${e.a}–${e.b}`).toBe(true);
      expect(onBorder(e.points[e.points.length - 1]!, e.b), `${e.b} end of ${e.a}–${e.b}`).toBe(true);
    }
  });
});
