import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labelArea } from '../../src/layout/edge-labels.ts';
import { layoutScene } from '../../src/layout/layout.ts';
import { linesWidth, maxWidth, PAD, titleBand } from '../../src/layout/measure.ts';
import type { Box, Geometry, Point } from '../../src/layout/types.ts';
import { loadScene } from '../../src/scene/load.ts';
import type { Scene } from '../../src/scene/model.ts';
import { fixtures } from './layout-fixtures.ts';

const EPS = 0.5;

type Area = Pick<Box, 'x' | 'y' | 'width' | 'height'>;

const inside = (c: Area, p: Area): boolean =>
  c.x >= p.x - EPS && c.y >= p.y - EPS && c.x + c.width <= p.x + p.width + EPS && c.y + c.height <= p.y + p.height + EPS;

const overlap = (a: Area, b: Area): boolean =>
  a.x + EPS < b.x + b.width && b.x + EPS < a.x + a.width && a.y + EPS < b.y + b.height && b.y + EPS < a.y + a.height;

const touches = (p: Point, b: Box): boolean =>
  p.x >= b.x - EPS && p.x <= b.x + b.width + EPS && p.y >= b.y - EPS && p.y <= b.y + b.height + EPS;

/** The segment p–q (axis-aligned) runs through the box's interior, not just along its border. */
const crosses = (p: Point, q: Point, b: Box): boolean =>
  Math.min(p.x, q.x) < b.x + b.width - EPS &&
  Math.max(p.x, q.x) > b.x + EPS &&
  Math.min(p.y, q.y) < b.y + b.height - EPS &&
  Math.max(p.y, q.y) > b.y + EPS;

function ancestorsOf(scene: Scene, id: string): string[] {
  const out: string[] = [];
  for (let p = scene.elements[id]?.parent; p !== undefined; p = scene.elements[p]?.parent) out.push(p);
  return out;
}

/** The bundled scenes the loader accepts, laid out with the same checks as the fixtures. */
function bundledScenes(): Record<string, () => Scene> {
  const out: Record<string, () => Scene> = {};
  for (const f of readdirSync('scenes').filter((n) => n.endsWith('.yaml')).sort()) {
    const text = readFileSync(join('scenes', f), 'utf8');
    const loaded = loadScene(text, `scenes/${f}`);
    if (loaded.ok) out[`scenes/${f}`] = () => (loadScene(text, `scenes/${f}`) as typeof loaded).scene;
  }
  return out;
}

it('finds the bundled scenes', () => {
  expect(Object.keys(bundledScenes())).toContain('scenes/same-node-bridge.yaml');
});

for (const [name, make] of Object.entries({ ...fixtures, ...bundledScenes() })) {
  describe(`layout: ${name}`, () => {
    const scene = make();
    let g: Geometry;
    const box = (id: string): Box => {
      const b = g.boxes.find((x) => x.id === id);
      if (!b) throw new Error(`no box ${id}`);
      return b;
    };
    beforeAll(async () => {
      g = await layoutScene(scene);
    });

    it('has one box per element, parents before children, each naming its parent, and no anchors beside them', () => {
      expect(g.boxes.map((b) => b.id).sort()).toEqual(Object.keys(scene.elements).sort());
      const seen = new Set<string>();
      for (const b of g.boxes) {
        const parent = scene.elements[b.id]!.parent;
        if (parent) expect(seen.has(parent), `${parent} before ${b.id}`).toBe(true);
        seen.add(b.id);
        expect(b.parent, b.id).toBe(parent);
      }
      expect(g.anchors).toEqual({});
    });

    it('keeps every child inside its parent and inside the drawing', () => {
      for (const b of g.boxes) {
        const parent = scene.elements[b.id]!.parent;
        if (parent) expect(inside(b, box(parent)), `${b.id} in ${parent}`).toBe(true);
        expect(b.x >= 0 && b.y >= 0 && b.x + b.width <= g.width && b.y + b.height <= g.height).toBe(true);
      }
    });

    it('overlaps no two siblings', () => {
      for (const a of g.boxes) {
        for (const b of g.boxes) {
          if (a.id >= b.id || scene.elements[a.id]!.parent !== scene.elements[b.id]!.parent) continue;
          expect(overlap(a, b), `${a.id} / ${b.id}`).toBe(false);
        }
      }
    });

    it('fits every label in its box, and keeps children below their container title', () => {
      for (const b of g.boxes) {
        const el = scene.elements[b.id]!;
        if (el.children.length > 0) {
          expect(maxWidth(b.label) + 2 * PAD.titleX, b.id).toBeLessThanOrEqual(b.width + EPS);
          for (const c of el.children) expect(box(c).y, `${c} under ${b.id}'s title`).toBeGreaterThanOrEqual(b.y + titleBand(b.label) - EPS);
        } else {
          expect(maxWidth(b.label) + 2 * PAD.leafX, b.id).toBeLessThanOrEqual(b.width + EPS);
        }
        for (const r of b.rows ?? []) {
          expect(inside(r, b), `${b.id}#${r.id}`).toBe(true);
          expect(linesWidth(r.lines ?? [r.text]) + 2 * PAD.rowTextX, r.id).toBeLessThanOrEqual(r.width + EPS);
          expect((r.lines ?? [r.text]).join('')).toBe(r.text);
        }
      }
    });

    it('routes every link a → b with orthogonal segments that cut through no other box', () => {
      expect(g.edges.map((e) => e.link)).toEqual(scene.links.map((l) => l.id));
      for (const e of g.edges) {
        expect(e.fallback, e.link).toBeUndefined();
        expect(e.points.length).toBeGreaterThanOrEqual(2);
        expect(touches(e.points[0]!, box(e.a)), `${e.link} starts at ${e.a}`).toBe(true);
        expect(touches(e.points[e.points.length - 1]!, box(e.b)), `${e.link} ends at ${e.b}`).toBe(true);
        const allowed = new Set([e.a, e.b, ...ancestorsOf(scene, e.a), ...ancestorsOf(scene, e.b)]);
        for (let i = 0; i + 1 < e.points.length; i++) {
          const p = e.points[i]!;
          const q = e.points[i + 1]!;
          expect(p.x === q.x || p.y === q.y, `${e.link} segment ${i} orthogonal`).toBe(true);
          for (const b of g.boxes) {
            if (!allowed.has(b.id)) expect(crosses(p, q, b), `${e.link} through ${b.id}`).toBe(false);
          }
        }
      }
    });

    it('puts edge labels where they cover no device, table or other label', () => {
      const labels = g.edges.flatMap((e) => (e.label ? [labelArea(e.label)] : []));
      expect(labels).toHaveLength(scene.links.filter((l) => l.label).length);
      labels.forEach((l, i) => {
        for (const b of g.boxes) {
          if (scene.elements[b.id]!.children.length === 0) expect(overlap(l, b), `label ${i} on ${b.id}`).toBe(false);
        }
        labels.forEach((m, j) => j > i && expect(overlap(l, m), `labels ${i}, ${j}`).toBe(false));
        expect(l.x >= 0 && l.y >= 0 && l.x + l.width <= g.width + 2 && l.y + l.height <= g.height + 2).toBe(true);
      });
    });

    it('is plain JSON and deterministic', async () => {
      expect(JSON.parse(JSON.stringify(g))).toEqual(g);
      expect(await layoutScene(make())).toEqual(g);
    });

    if (name.startsWith('cross-node')) {
      it('puts the nodes side by side with one straight horizontal wire between the NICs', () => {
        const n1 = box('node1');
        const n2 = box('node2');
        expect(n2.x).toBeGreaterThan(n1.x + n1.width);
        expect(n1.y).toBe(n2.y);
        expect(n1.height).toBe(n2.height);
        const wire = g.edges.find((e) => e.a === 'node1/eth0' && e.b === 'node2/eth0')!;
        expect(wire.points).toHaveLength(2);
        const [p, q] = wire.points as [Point, Point];
        expect(p.y).toBe(q.y);
        expect(p.x).toBe(box('node1/eth0').x + box('node1/eth0').width);
        expect(q.x).toBe(box('node2/eth0').x);
        expect(wire.label && wire.label.x > n1.x + n1.width && wire.label.x < n2.x).toBe(true);
      });

      it('stacks each node from pod to NIC and puts the tables on the outer sides', () => {
        for (const n of ['node1', 'node2']) {
          const pod = n === 'node1' ? 'pod-a' : 'pod-b';
          const ys = [pod, `${n}/cni0`, `${n}/flannel.1`, `${n}/eth0`].map((id) => box(id).y);
          expect([...ys].sort((a, b) => a - b)).toEqual(ys);
          const table = box(`${n}/routes`);
          const vtep = box(`${n}/flannel.1`);
          expect(table.y < vtep.y + vtep.height && vtep.y < table.y + table.height).toBe(true);
        }
        const devices = (n: string): Box[] => g.boxes.filter((b) => b.id.startsWith(`${n}/`) && b.kind === 'device');
        const t1 = box('node1/routes');
        const t2 = box('node2/routes');
        for (const d of devices('node1')) expect(t1.x + t1.width).toBeLessThanOrEqual(d.x);
        for (const d of devices('node2')) expect(t2.x).toBeGreaterThanOrEqual(d.x + d.width);
      });
    }

    if (name === 'cross-node-client') {
      it('draws the client left of node 1 with one straight segment into the NIC', () => {
        const e = g.edges.find((x) => x.a === 'client')!;
        expect(box('client').x + box('client').width).toBeLessThan(box('node1').x);
        expect(e.points).toHaveLength(2);
        expect(e.points[0]!.y).toBe(e.points[1]!.y);
        expect(e.points[1]!.x).toBe(box('node1/eth0').x);
      });
    }

    if (name.includes('same-node-bridge')) {
      it('centres the bridge under its two veths with one port each', () => {
        const cni0 = box('node1/cni0');
        const ports = g.edges.filter((e) => e.kind === 'bridge-port').map((e) => e.points[e.points.length - 1]!);
        expect(ports).toHaveLength(2);
        expect(ports[0]!.x).not.toBe(ports[1]!.x);
        for (const p of ports) expect(p.y).toBe(cni0.y);
        const right = (id: string): number => box(id).x + box(id).width;
        const veths = ['node1/veth3a9f', 'node1/veth8d01'].map(right);
        expect(Math.abs(right('node1/cni0') - (veths[0]! + veths[1]!) / 2)).toBeLessThan(cni0.width / 4);
      });
    }
  });
}
