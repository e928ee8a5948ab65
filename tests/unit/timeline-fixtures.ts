// Small hand-made steps and geometry shared by the timeline tests.
import type { DerivedStep } from '../../src/derive/types.ts';
import type { Geometry } from '../../src/layout/types.ts';

export function step(index: number, packet: string, from: string, at: string, link?: string, highlight: DerivedStep['highlight'] = []): DerivedStep {
  return {
    index, packet, from, at, link, ops: [], caption: `step ${index}`, highlight,
    headers: [], changed: [], pos: { file: 'fake.yaml', line: index + 1, col: 1 },
  };
}

// A at the origin, B to its right, C below B. l2 is written C→B, so the hop
// B→C must run it backwards; l3 is an L-shaped route A→C.
export const triangle: Geometry = {
  width: 200, height: 200, boxes: [],
  anchors: { A: { x: 0, y: 0 }, B: { x: 100, y: 0 }, C: { x: 100, y: 100 } },
  edges: [
    { link: 'l1', kind: 'veth', a: 'A', b: 'B', points: [{ x: 10, y: 0 }, { x: 90, y: 0 }] },
    { link: 'l2', kind: 'veth', a: 'C', b: 'B', points: [{ x: 100, y: 90 }, { x: 100, y: 10 }] },
    { link: 'l3', kind: 'wire', a: 'A', b: 'C', points: [{ x: 0, y: 10 }, { x: 0, y: 100 }, { x: 90, y: 100 }] },
  ],
};
