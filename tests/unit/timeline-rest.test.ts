// Where a packet marker rests (src/timeline/rest.ts): on a corner of its box
// that covers neither the box's own text nor the titles of the boxes around it.
import { describe, expect, it } from 'vitest';
import type { DerivedStep } from '../../src/derive/types.ts';
import type { Box, Geometry } from '../../src/layout/types.ts';
import { frameAt, hopPath } from '../../src/timeline/frame.ts';
import { markerRect, overlaps, restPoints, textRects } from '../../src/timeline/rest.ts';

const box = (id: string, kind: string, x: number, y: number, width: number, height: number, label: string[], parent?: string): Box => ({
  id, kind, x, y, width, height, label, ...(parent ? { parent } : {}), ...(kind === 'node' || kind === 'pod' ? { container: true } : {}),
});

// A node holding a pod whose long title runs past its eth0's right edge (the
// newcomer's complaint: a marker on eth0's top-right corner hid the pod's name),
// a veth with room around it, and a box on the picture's right edge.
const geometry: Geometry = {
  width: 400, height: 300,
  boxes: [
    box('node1', 'node', 0, 0, 400, 300, ['node1']),
    box('pod-a', 'pod', 20, 20, 200, 120, ['pod-a 10.244.1.2'], 'node1'),
    box('pod-a/eth0', 'device', 30, 50, 120, 40, ['eth0'], 'pod-a'),
    box('node1/veth', 'device', 60, 200, 100, 30, ['veth3a9f'], 'node1'),
    box('edge', 'device', 360, 0, 40, 30, ['x'], 'node1'),
  ],
  edges: [{ link: 'l', kind: 'veth', a: 'pod-a/eth0', b: 'node1/veth', points: [{ x: 90, y: 90 }, { x: 90, y: 200 }] }],
  anchors: { 'pod-a/eth0': { x: 150, y: 50 }, 'node1/veth': { x: 160, y: 200 }, edge: { x: 400, y: 0 }, ghost: { x: 5, y: 6 } },
};

const textRectsOf = (g: Geometry, id: string) => textRects(g.boxes.find((b) => b.id === id)!);

function step(index: number, from: string, at: string, link?: string): DerivedStep {
  return { index, packet: 'p', from, at, link, ops: [], caption: '', highlight: [], headers: [], changed: [], pos: { file: 'f', line: 1, col: 1 } };
}

describe('restPoints', () => {
  const rest = restPoints(geometry);

  it('keeps the top-right corner where it covers no text', () => {
    expect(rest['node1/veth']).toEqual({ x: 160, y: 200 });
  });

  it('moves off the top-right corner when the marker would cover the pod title above', () => {
    const title = textRectsOf(geometry, 'pod-a')[0]!;
    expect(overlaps(markerRect({ x: 150, y: 50 }), title)).toBe(true); // the old spot
    expect(rest['pod-a/eth0']).toEqual({ x: 150, y: 90 }); // bottom-right
  });

  it('never covers the box’s own label or an enclosing title', () => {
    for (const b of geometry.boxes) {
      const needed = [
        ...textRectsOf(geometry, b.id),
        ...geometry.boxes.filter((o) => o !== b && o.x <= b.x && o.y <= b.y && o.x + o.width >= b.x + b.width && o.y + o.height >= b.y + b.height)
          .map((o) => textRectsOf(geometry, o.id)[0]!),
      ];
      for (const r of needed) expect(overlaps(markerRect(rest[b.id]!), r), `${b.id} vs ${JSON.stringify(r)}`).toBe(false);
    }
  });

  it('stays inside the picture when a corner would not', () => {
    expect(rest.edge).toEqual({ x: 360, y: 30 });
  });

  it('keeps the layout’s anchor for ids without a box', () => {
    expect(rest.ghost).toEqual({ x: 5, y: 6 });
  });

  it('is what frameAt and hopPath use', () => {
    const steps = [step(0, 'node1/veth', 'node1/veth'), step(1, 'node1/veth', 'pod-a/eth0', 'l')];
    expect(frameAt(1, steps, geometry)).toMatchObject({ x: 150, y: 90 });
    const path = hopPath(steps[1]!, geometry)!;
    expect(path[0]).toEqual({ x: 160, y: 200 });
    expect(path.at(-1)).toEqual({ x: 150, y: 90 });
  });
});
