// Scenes the layout must survive: lopsided nodes, links it cannot route,
// elements it has no row for. Nothing may throw; routes degrade, not vanish.
import { describe, expect, it } from 'vitest';
import { layoutScene } from '../../src/layout/layout.ts';
import type { Link, Scene } from '../../src/scene/model.ts';
import { crossNode, sameNodeBridge } from './layout-fixtures.ts';

const pos = { file: 'fixture', line: 1, col: 1 };

function addLink(scene: Scene, kind: Link['kind'], a: string, b: string): string {
  const id = `extra-${scene.links.length}`;
  scene.links.push({ id, kind, a, b, pos });
  return id;
}

function isOrthogonal(points: { x: number; y: number }[]): boolean {
  return points.every((p, i) => i === 0 || p.x === points[i - 1]!.x || p.y === points[i - 1]!.y);
}

describe('layout robustness', () => {
  it('still lays the wire straight when one node is much taller above its NIC', async () => {
    const scene = crossNode();
    // A tall table beside node 1's veth pushes node 1's lower rows down.
    scene.elements['node1/conntrack'] = {
      id: 'node1/conntrack', name: 'conntrack', kind: 'table', type: 'conntrack', parent: 'node1',
      beside: 'node1/veth3a9f', label: ['conntrack'], children: [], pos,
      rows: Array.from({ length: 8 }, (_, i) => ({ id: `r${i}`, text: `icmp 10.244.1.2 -> 10.244.2.${i} id=${i}` })),
    };
    scene.elements.node1!.children.push('node1/conntrack');
    const g = await layoutScene(scene);
    const wire = g.edges.find((e) => e.kind === 'wire')!;
    expect(wire.points).toHaveLength(2);
    expect(wire.points[0]!.y).toBe(wire.points[1]!.y);
    const top = (id: string): number => g.boxes.find((b) => b.id === id)!.y;
    expect(top('node1/eth0')).toBe(top('node2/eth0'));
    // Phantoms in node 2 keep its rows level with node 1's.
    for (const [x, y] of [['pod-a', 'pod-b'], ['node1/cni0', 'node2/cni0'], ['node1/flannel.1', 'node2/flannel.1']] as const) {
      expect(Math.abs(top(x) - top(y)), `${x} level with ${y}`).toBeLessThan(2);
    }
    expect(g.boxes.some((b) => b.id.includes('phantom'))).toBe(false);
    const n1 = g.boxes.find((b) => b.id === 'node1')!;
    const n2 = g.boxes.find((b) => b.id === 'node2')!;
    expect([n1.y, n1.height]).toEqual([n2.y, n2.height]);
    for (const e of g.edges) expect(isOrthogonal(e.points), e.link).toBe(true);
  });

  it('falls back to a straight segment for links it cannot route, without throwing', async () => {
    const scene = sameNodeBridge();
    const missing = addLink(scene, 'socket', 'node1/cni0', 'nowhere/eth9');
    const nested = addLink(scene, 'socket', 'pod-a', 'pod-a/eth0');
    const self = addLink(scene, 'stack', 'node1/cni0', 'node1/cni0');
    const g = await layoutScene(scene);
    expect(g.edges).toHaveLength(scene.links.length);
    for (const id of [missing, nested, self]) {
      const e = g.edges.find((x) => x.link === id)!;
      expect(e.fallback).toBe(true);
    }
    expect(g.edges.find((x) => x.link === nested)!.points).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('routes a tunnel between the two VTEPs and lays out processes and dangling children', async () => {
    const scene = crossNode();
    addLink(scene, 'tunnel', 'node1/flannel.1', 'node2/flannel.1');
    scene.elements['node1/kube-proxy'] = {
      id: 'node1/kube-proxy', name: 'kube-proxy', kind: 'process', parent: 'node1', label: ['kube-proxy'], children: [], pos,
    };
    scene.elements.node1!.children.push('node1/kube-proxy', 'node1/ghost');
    const g = await layoutScene(scene);
    const tunnel = g.edges.find((e) => e.kind === 'tunnel')!;
    expect(tunnel.fallback).toBeUndefined();
    expect(isOrthogonal(tunnel.points)).toBe(true);
    expect(g.boxes.some((b) => b.id === 'node1/kube-proxy')).toBe(true);
    expect(g.boxes.some((b) => b.id === 'node1/ghost')).toBe(false);
  });

  it('draws a link between two pods of one row straight across, without a label too', async () => {
    const scene = sameNodeBridge();
    const id = addLink(scene, 'shortcut', 'pod-b/eth0', 'pod-a/eth0');
    const g = await layoutScene(scene);
    const e = g.edges.find((x) => x.link === id)!;
    expect(e.fallback).toBeUndefined();
    expect(e.points).toHaveLength(2);
    const [p, q] = e.points as [{ x: number; y: number }, { x: number; y: number }];
    expect(p.y).toBe(q.y);
    // From b's side to a's: the route keeps the link's own direction.
    const a = g.boxes.find((x) => x.id === 'pod-a/eth0')!;
    expect(q.x).toBe(a.x + a.width);
  });

  it('places three nodes left to right in file order even without links between them', async () => {
    const scene = sameNodeBridge();
    scene.links = [];
    for (const n of ['node2', 'node3']) {
      scene.elements[n] = { id: n, name: n, kind: 'node', label: [n], children: [`${n}/eth0`], pos };
      scene.elements[`${n}/eth0`] = {
        id: `${n}/eth0`, name: 'eth0', kind: 'device', type: 'nic', parent: n, label: ['eth0 (NIC)'], children: [], pos,
      };
      scene.roots.push(n);
    }
    const g = await layoutScene(scene);
    const xs = ['node1', 'node2', 'node3'].map((id) => g.boxes.find((b) => b.id === id)!);
    expect(xs[1]!.x).toBeGreaterThan(xs[0]!.x + xs[0]!.width);
    expect(xs[2]!.x).toBeGreaterThan(xs[1]!.x + xs[1]!.width);
  });
});
