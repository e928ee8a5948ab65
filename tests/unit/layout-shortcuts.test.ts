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
import { straightenShortcuts } from '../../src/layout/shortcuts.ts';
import type { Rect } from '../../src/layout/absolute.ts';
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

/** A third node between node1 and node2: the shortcut no longer joins neighbours. */
function nodeBetween(): string {
  const node3 = '  - kind: node\n    name: node3\n    ip: 192.168.1.12\n    contains:\n      - { kind: device, name: eth0, type: nic, ip: 192.168.1.12/24 }\n';
  const at = TEXT.indexOf('  - kind: node\n    name: node2');
  expect(at).toBeGreaterThan(0);
  return TEXT.slice(0, at) + node3 + TEXT.slice(at);
}

const plan = (scene: Scene) => {
  const i = scene.links.findIndex((l) => l.kind === 'shortcut');
  return planLink(scene, { columns: rootColumns(scene), siblings: siblingIndex(scene) }, scene.links[i]!, i)!;
};
const sides = (scene: Scene): string[] => plan(scene).pieces.flatMap((p) => [p.source, p.target]).map((port) => `${port.owner}:${port.side}`);

describe('a shortcut from node to node', () => {
  it('is kept out of ELK between neighbouring nodes with nothing beside either end, and otherwise drops out of its pods as before', () => {
    expect(plan(load(TEXT))).toMatchObject({ across: true, pieces: [] });
    expect(plan(load(appFirst())).across).toBeUndefined();
    expect(plan(load(nodeBetween())).across).toBeUndefined();
    const flanked = sides(load(appFirst()));
    expect(flanked).toContain('app/eth0:SOUTH');
    expect(flanked).toContain('coredns/eth0:SOUTH');
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
    // The two devices overlap in height: one straight line, no step.
    expect(e.points).toHaveLength(2);
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

  it('steps once in the gap, next to the far node, where the two devices share no height', async () => {
    const scene = load(TEXT);
    const g = await layoutScene(scene);
    const rects = new Map(g.boxes.map((b) => [b.id, { x: b.x, y: b.y, width: b.width, height: b.height }]));
    const b = rects.get('coredns/eth0')!;
    rects.set('coredns/eth0', { ...b, y: b.y + 100 });
    const route = { plan: plan(scene), parts: [] };
    straightenShortcuts({ scene, rects, routes: [route] });
    const [a, moved, n1, n2] = ['app/eth0', 'coredns/eth0', 'node1', 'node2'].map((id) => rects.get(id)!) as [Rect, Rect, Rect, Rect];
    const pts = (route as { override?: { x: number; y: number }[] }).override!;
    expect(pts).toEqual([
      { x: a.x + a.width, y: a.y + a.height / 2 },
      { x: n2.x - 10, y: a.y + a.height / 2 },
      { x: n2.x - 10, y: moved.y + moved.height / 2 },
      { x: moved.x, y: moved.y + moved.height / 2 },
    ]);
    expect(n2.x - 10).toBeGreaterThan(n1.x + n1.width);
  });
});
