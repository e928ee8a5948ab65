// levelRows on hand-made layouts: what it raises, what it carries along, and
// each reason it leaves a box where ELK put it (src/layout/level-rows.ts).
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../src/layout/absolute.ts';
import { levelRows } from '../../src/layout/level-rows.ts';
import type { LinkPlan } from '../../src/layout/link-plan.ts';
import type { Point } from '../../src/layout/types.ts';
import type { RouteParts, Work } from '../../src/layout/work.ts';
import type { Link, Scene, SceneElement } from '../../src/scene/model.ts';

const pos = { file: 'fixture', line: 1, col: 1 };

/** Two nodes side by side, each holding a veth (row 1); node2's stands 30 below node1's. */
function twoNodes(extra: (s: Scene, rects: Map<string, Rect>) => void = () => {}): Work {
  const el = (id: string, kind: SceneElement['kind'], parent?: string, type?: SceneElement['type']): SceneElement => ({
    id, kind, name: id, label: [id], children: [], pos, ...(parent ? { parent } : {}), ...(type ? { type } : {}),
  });
  const elements: Record<string, SceneElement> = {
    node1: { ...el('node1', 'node'), children: ['node1/veth'] },
    node2: { ...el('node2', 'node'), children: ['node2/veth'] },
    'node1/veth': el('node1/veth', 'device', 'node1', 'veth'),
    'node2/veth': el('node2/veth', 'device', 'node2', 'veth'),
  };
  const scene: Scene = { id: 't', title: 't', summary: 't', file: 't.yaml', elements, roots: ['node1', 'node2'], links: [], packets: [], steps: [] };
  const rects = new Map<string, Rect>([
    ['node1', { x: 0, y: 0, width: 300, height: 400 }],
    ['node2', { x: 400, y: 0, width: 300, height: 400 }],
    ['node1/veth', { x: 100, y: 100, width: 80, height: 30 }],
    ['node2/veth', { x: 500, y: 130, width: 80, height: 30 }],
  ]);
  extra(scene, rects);
  return { scene, rects, routes: [] };
}

/** A link of the scene whose one piece lies in `container`, routed along `points`. */
function addLink(work: Work, link: Omit<Link, 'pos' | 'id'>, container: string | undefined, points: Point[]): Point[] {
  const full: Link = { ...link, id: `${link.a}--${link.b}`, pos };
  work.scene.links.push(full);
  const port = { id: 'p', owner: link.a, side: 'SOUTH' as const };
  const plan: LinkPlan = { index: work.scene.links.length - 1, link: full, pieces: [{ id: 'x', container, source: port, target: port, reversed: false }], upA: [], upB: [] };
  const route: RouteParts = { plan, parts: [points] };
  work.routes.push(route);
  return points;
}

const top = (w: Work, id: string): number => w.rects.get(id)!.y;
const noTitle = (): number => 0;

describe('levelRows', () => {
  it('raises a device to the highest top its row has in any node', () => {
    const w = twoNodes();
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(100);
    expect(top(w, 'node1/veth')).toBe(100);
  });

  it('never above its node title', () => {
    const w = twoNodes();
    levelRows(w, () => 120);
    expect(top(w, 'node2/veth')).toBe(120);
  });

  it('carries the ends of the links above and below it, and leaves the link straight', () => {
    const w = twoNodes((s, rects) => {
      s.elements['node2/nic'] = { id: 'node2/nic', kind: 'device', type: 'nic', name: 'nic', label: ['nic'], children: [], pos, parent: 'node2' };
      s.elements.node2!.children.push('node2/nic');
      rects.set('node2/nic', { x: 500, y: 300, width: 80, height: 30 });
    });
    const below = addLink(w, { kind: 'stack', a: 'node2/veth', b: 'node2/nic' }, 'node2', [{ x: 540, y: 160 }, { x: 540, y: 300 }]);
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(100);
    expect(w.routes[0]!.parts[0]).toEqual([{ x: 540, y: 130 }, { x: 540, y: 300 }]);
    expect(below).toBe(w.routes[0]!.parts[0]);
  });

  it('leaves it where a box stands in its way', () => {
    const w = twoNodes((s, rects) => {
      s.elements['node2/t'] = { id: 'node2/t', kind: 'table', name: 't', label: ['t'], children: [], pos, parent: 'node2', rows: [] };
      rects.set('node2/t', { x: 520, y: 80, width: 100, height: 40 });
    });
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(130);
  });

  it('leaves it where a link passes through the way up', () => {
    const w = twoNodes();
    addLink(w, { kind: 'wire', a: 'node1/veth', b: 'node2' }, 'node2', [{ x: 450, y: 115 }, { x: 650, y: 115 }]);
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(130);
  });

  it('leaves it where the link from above carries a label, whose room would shrink', () => {
    const w = twoNodes();
    addLink(w, { kind: 'veth', a: 'node2', b: 'node2/veth', label: 'writes rules' }, 'node2', [{ x: 540, y: 20 }, { x: 540, y: 130 }]);
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(130);
  });

  it('raises it where the same link has no label', () => {
    const w = twoNodes();
    addLink(w, { kind: 'veth', a: 'node2', b: 'node2/veth' }, 'node2', [{ x: 540, y: 20 }, { x: 540, y: 130 }]);
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(100);
    expect(w.routes[0]!.parts[0]).toEqual([{ x: 540, y: 20 }, { x: 540, y: 100 }]);
  });

  it('leaves it where a link leaves its side', () => {
    const w = twoNodes();
    addLink(w, { kind: 'veth', a: 'node2/veth', b: 'node2' }, 'node2', [{ x: 580, y: 145 }, { x: 650, y: 145 }]);
    levelRows(w, noTitle);
    expect(top(w, 'node2/veth')).toBe(130);
  });
});
