// A shortcut from a pod in one node to a pod in the next (headless-service's
// DNS query) leaves each device sideways where nothing stands between it and
// its node's border, and is drawn straight across with one step next to the
// far node, its label in the gap (link-plan.ts, shortcuts.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutScene } from '../../src/layout/layout.ts';
import { planLink } from '../../src/layout/link-plan.ts';
import { rootColumns, siblingIndex } from '../../src/layout/order.ts';
import { segmentCrosses } from '../../src/layout/rect.ts';
import { ancestors } from '../../src/layout/scene-tree.ts';
import type { Box } from '../../src/layout/types.ts';
import { loadScene } from '../../src/scene/load.ts';
import type { Scene } from '../../src/scene/model.ts';

const FILE = 'scenes/headless-service.yaml';
const TEXT = readFileSync(FILE, 'utf8');

function load(text: string): Scene {
  const loaded = loadScene(text, FILE);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.scene;
}

/** The app pod first in node1's row, db-0 to its right: something now stands between app/eth0 and node1's east border. */
function appFirst(): string {
  const db0 = TEXT.slice(TEXT.indexOf('      - kind: pod\n        name: db-0'), TEXT.indexOf('      - kind: pod\n        name: app'));
  const withoutDb0 = TEXT.replace(db0, '');
  const after = '      - { kind: device, name: veth6b20, type: veth }';
  expect(db0.length).toBeGreaterThan(50);
  return withoutDb0.replace(after, `${db0}${after}`);
}

const plan = (scene: Scene) => {
  const i = scene.links.findIndex((l) => l.kind === 'shortcut');
  return planLink(scene, { columns: rootColumns(scene), siblings: siblingIndex(scene) }, scene.links[i]!, i)!;
};
const sides = (scene: Scene): string[] => plan(scene).pieces.flatMap((p) => [p.source, p.target]).map((port) => `${port.owner}:${port.side}`);

describe('a shortcut from node to node', () => {
  it('is kept out of ELK where nothing stands beside either end, and drops out of the pod where something does', () => {
    expect(plan(load(TEXT))).toMatchObject({ across: true, pieces: [] });
    expect(plan(load(appFirst())).across).toBeUndefined();
    const flanked = sides(load(appFirst()));
    expect(flanked).toContain('app/eth0:SOUTH');
    expect(flanked).toContain('coredns/eth0:WEST');
  });

  it('is drawn from side to side, at most one step, crossing nothing, its label in the gap between the nodes', async () => {
    const scene = load(TEXT);
    const g = await layoutScene(scene);
    const box = (id: string): Box => g.boxes.find((b) => b.id === id)!;
    const e = g.edges.find((x) => x.a === 'app/eth0' && x.b === 'coredns/eth0')!;
    const [a, b, n1, n2] = [box('app/eth0'), box('coredns/eth0'), box('node1'), box('node2')];
    expect(e.points.length).toBeLessThanOrEqual(4);
    const [p, q] = [e.points[0]!, e.points.at(-1)!];
    expect(p.x).toBe(a.x + a.width);
    expect(p.y > a.y && p.y < a.y + a.height).toBe(true);
    expect(q.x).toBe(b.x);
    expect(q.y > b.y && q.y < b.y + b.height).toBe(true);
    const allowed = new Set(['app/eth0', 'coredns/eth0', ...ancestors(scene, 'app/eth0'), ...ancestors(scene, 'coredns/eth0')]);
    for (let i = 0; i + 1 < e.points.length; i++) {
      const [p, q] = [e.points[i]!, e.points[i + 1]!];
      expect(p.x === q.x || p.y === q.y, `segment ${i} is straight`).toBe(true);
      for (const other of g.boxes.filter((o) => !allowed.has(o.id))) expect(segmentCrosses(p, q, other), other.id).toBe(false);
    }
    // The step stands in the gap, not inside either node.
    const step = e.points.slice(1, -1).map((p) => p.x);
    for (const x of step) expect(x > n1.x + n1.width && x < n2.x).toBe(true);
    const label = e.label!;
    expect(label.x).toBeGreaterThan(n1.x + n1.width);
    expect(label.x + label.width).toBeLessThan(n2.x);
  });

  it('keeps the ELK route when it would be flanked', async () => {
    const scene = load(appFirst());
    const g = await layoutScene(scene);
    const e = g.edges.find((x) => x.a === 'app/eth0' && x.b === 'coredns/eth0')!;
    const a = g.boxes.find((b) => b.id === 'app/eth0')!;
    // It leaves from the device's bottom, as the plan says.
    expect(e.points[0]!.y).toBeCloseTo(a.y + a.height, 0);
  });
});
