// What a teacher's drawing keeps in place: linked pods side by side with the
// link straight between them, unconnected devices in the stack column,
// tables turned away from links, externals level with what they join,
// straight wires and no small steps in vertical links.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutScene } from '../../src/layout/layout.ts';
import type { Box, EdgeRoute, Geometry, Point } from '../../src/layout/types.ts';
import { loadScene } from '../../src/scene/load.ts';

const files = ['dns-external.yaml', 'nodeport-local.yaml', 'calico-bgp.yaml', 'nodeport.yaml', 'cross-node-vxlan.yaml', 'clusterip-dnat.yaml'];
const geometries = new Map<string, Geometry>();

beforeAll(async () => {
  for (const f of files) {
    const loaded = loadScene(readFileSync(join('scenes', f), 'utf8'), `scenes/${f}`);
    if (!loaded.ok) throw new Error(`${f} does not load`);
    geometries.set(f, await layoutScene(loaded.scene));
  }
});

const box = (g: Geometry, id: string): Box => {
  const b = g.boxes.find((x) => x.id === id);
  if (!b) throw new Error(`no box ${id}`);
  return b;
};
const edge = (g: Geometry, a: string, b: string): EdgeRoute => {
  const e = g.edges.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  if (!e) throw new Error(`no edge ${a} -- ${b}`);
  return e;
};
const cx = (b: Box): number => b.x + b.width / 2;
const cy = (b: Box): number => b.y + b.height / 2;

describe('dns-external: two linked pods in one node', () => {
  let g: Geometry;
  beforeAll(() => {
    g = geometries.get('dns-external.yaml')!;
  });

  it('puts the pods side by side in the pod row, tables turned away from each other', () => {
    const [app, coredns] = [box(g, 'app'), box(g, 'coredns')];
    expect(app.y).toBe(coredns.y);
    expect(app.x + app.width).toBeLessThan(coredns.x);
    expect(box(g, 'app/resolv').x).toBeLessThan(box(g, 'app/eth0').x);
    expect(box(g, 'coredns/corefile').x).toBeGreaterThan(box(g, 'coredns/eth0').x);
  });

  it('runs the shortcut between them as one horizontal line, its label in the gap', () => {
    const e = edge(g, 'app/eth0', 'coredns/eth0');
    const [left, right] = [box(g, 'app/eth0'), box(g, 'coredns/eth0')];
    expect(e.points).toHaveLength(2);
    const [p, q] = e.points as [Point, Point];
    expect(p.y).toBe(q.y);
    expect(p.x).toBe(left.x + left.width);
    expect(q.x).toBe(right.x);
    expect(e.label!.x).toBeGreaterThan(box(g, 'app').x + box(g, 'app').width);
    expect(e.label!.x).toBeLessThan(box(g, 'coredns').x);
  });

  it('stacks the CoreDNS pod\'s veth, cni0 and the NIC in one column under its eth0, the way the forwarded query goes', () => {
    const [eth0, veth, cni0, nic] = ['coredns/eth0', 'node1/veth5c1e', 'node1/cni0', 'node1/eth0'].map((id) => box(g, id)) as [Box, Box, Box, Box];
    for (const b of [veth, cni0, nic]) expect(Math.abs(cx(b) - cx(eth0))).toBeLessThan(2);
    expect(veth.y).toBeGreaterThan(box(g, 'coredns').y + box(g, 'coredns').height);
    expect(cni0.y).toBeGreaterThan(veth.y + veth.height);
    expect(nic.y).toBeGreaterThan(cni0.y + cni0.height);
  });

  it('runs the wire from the node\'s NIC to upstream straight across, into its side', () => {
    const e = edge(g, 'node1/eth0', 'upstream');
    const up = box(g, 'upstream');
    const [p, q] = e.points.slice(-2) as [Point, Point];
    expect(p.y).toBe(q.y);
    expect(q.x).toBe(up.x);
    expect(Math.abs(q.y - cy(up))).toBeLessThan(1);
  });
});

describe('straight lines', () => {
  it.each(files)('%s: draws every wire as one horizontal segment', (f) => {
    const g = geometries.get(f)!;
    for (const e of g.edges.filter((x) => x.kind === 'wire')) {
      expect(e.points, e.link).toHaveLength(2);
      expect(e.points[0]!.y, e.link).toBe(e.points[1]!.y);
    }
  });

  it('keeps an external client small and level with the NIC it is wired to', () => {
    for (const f of ['nodeport.yaml', 'nodeport-local.yaml']) {
      const g = geometries.get(f)!;
      const client = box(g, 'client');
      const nic = box(g, edge(g, 'client', f === 'nodeport.yaml' ? 'node1/eth0' : 'node2/eth0').b);
      expect(cy(client)).toBeCloseTo(cy(nic), 1);
      expect(client.height).toBeLessThanOrEqual(nic.height);
    }
  });

  it('keeps the tables of a node wired only from the left on its right, clear of the wire', () => {
    const g = geometries.get('nodeport-local.yaml')!;
    const nic = box(g, 'node2/eth0');
    for (const t of ['node2/nat', 'node2/conntrack', 'node2/routes']) expect(box(g, t).x).toBeGreaterThan(nic.x + nic.width);
  });

  it('joins BIRD and the stack to the NIC with single vertical segments', () => {
    const g = geometries.get('calico-bgp.yaml')!;
    for (const n of ['node1', 'node2']) {
      for (const other of [`${n}/bird`, n === 'node1' ? 'node1/cali1a2b3c4d5e6' : 'node2/cali7f8e9d0c1b2']) {
        const e = edge(g, other, `${n}/eth0`);
        expect(e.points, e.link).toHaveLength(2);
        expect(e.points[0]!.x, e.link).toBe(e.points[1]!.x);
      }
    }
  });

  it('puts a beside table level with its device', () => {
    const g = geometries.get('cross-node-vxlan.yaml')!;
    for (const [t, d] of [['node1/routes', 'node1/flannel.1'], ['node2/vtep', 'node2/eth0']] as const) {
      const [tb, db] = [box(g, t), box(g, d)];
      expect(tb.y < db.y + db.height && db.y < tb.y + tb.height, `${t} beside ${d}`).toBe(true);
    }
  });
});
