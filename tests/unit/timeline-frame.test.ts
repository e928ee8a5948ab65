import { describe, expect, it } from 'vitest';
import type { DerivedStep } from '../../src/derive/types.ts';
import type { Geometry } from '../../src/layout/types.ts';
import { step, triangle } from './timeline-fixtures.ts';
import { easeInOut, frameAt, hopPath, pointAlong } from '../../src/timeline/frame.ts';

const geometry: Geometry = triangle;

const steps: DerivedStep[] = [
  step(0, 'p1', 'A', 'A', undefined, [{ table: 't', row: 'r1' }]),
  step(1, 'p1', 'A', 'B', 'l1'),
  step(2, 'p1', 'B', 'C', 'l2', [{ table: 't', row: 'r2' }]),
  step(3, 'p2', 'C', 'C'),
  step(4, 'p2', 'C', 'A', 'l3'),
];

describe('frameAt', () => {
  it('puts the packet of step k at its `at` anchor when pos is k', () => {
    for (const s of steps) {
      const f = frameAt(s.index, steps, geometry);
      expect(f.step).toBe(s.index);
      expect(f.packet).toBe(s.packet);
      expect({ x: f.x, y: f.y }).toEqual(geometry.anchors[s.at]);
      expect(f.visiblePackets).toEqual([s.packet]);
      expect(f.progress).toBe(1);
    }
  });

  it('shows the highlights of the step shown, including while its packet travels', () => {
    expect(frameAt(0, steps, geometry).highlights).toEqual([{ table: 't', row: 'r1' }]);
    expect(frameAt(1, steps, geometry).highlights).toEqual([]);
    expect(frameAt(1.3, steps, geometry).highlights).toEqual([{ table: 't', row: 'r2' }]);
  });

  it('moves along the routed edge, centre to centre, at even speed', () => {
    const f = frameAt(0.5, steps, geometry);
    expect(f.step).toBe(1);
    expect(f.x).toBeCloseTo(50);
    expect(f.y).toBeCloseTo(0);
  });

  it('runs an edge backwards when the step goes from its b end to its a end', () => {
    // ease(0.25) = 0.0625 of a 100-long path; forwards it would be 0.0625 of 260.
    const f = frameAt(1.25, steps, geometry);
    expect(f.x).toBeCloseTo(100);
    expect(f.y).toBeCloseTo(6.25);
  });

  it('parameterises by arc length round bends', () => {
    // C→A along l3 reversed: 10 + 90 + 90 + 10 = 200; halfway is the corner (0,100).
    const f = frameAt(3.5, steps, geometry);
    expect(f.x).toBeCloseTo(0);
    expect(f.y).toBeCloseTo(100);
  });

  it('starts a hop at the from box centre and ends at the at box centre (no jumps)', () => {
    for (let k = 1; k < steps.length; k++) {
      const s = steps[k]!;
      const start = frameAt(k - 1 + 1e-4, steps, geometry);
      const end = frameAt(k - 1e-4, steps, geometry);
      expect(start.step).toBe(k);
      expect(start.x).toBeCloseTo(geometry.anchors[s.from]!.x, 2);
      expect(start.y).toBeCloseTo(geometry.anchors[s.from]!.y, 2);
      expect(end.x).toBeCloseTo(geometry.anchors[s.at]!.x, 2);
      expect(end.y).toBeCloseTo(geometry.anchors[s.at]!.y, 2);
    }
  });

  it('keeps an in-place step at its anchor and shows only that step\'s packet', () => {
    const f = frameAt(2.5, steps, geometry);
    expect(f).toMatchObject({ step: 3, packet: 'p2', x: 100, y: 100, visiblePackets: ['p2'] });
  });

  it('clamps to the scene and ignores float noise at a step', () => {
    expect(frameAt(-3, steps, geometry)).toEqual(frameAt(0, steps, geometry));
    expect(frameAt(99, steps, geometry)).toEqual(frameAt(4, steps, geometry));
    expect(frameAt(2 + 1e-9, steps, geometry)).toEqual(frameAt(2, steps, geometry));
    expect(frameAt(NaN, steps, geometry)).toEqual(frameAt(0, steps, geometry));
  });

  it('is a function of pos alone: any route to k gives the same frame', () => {
    const direct = steps.map((_, k) => JSON.stringify(frameAt(k, steps, geometry)));
    let pos = 0;
    for (let i = 0; i < 200; i++) {
      pos = Math.abs(Math.sin(i * 12.9898) * 4);
      frameAt(pos, steps, geometry);
      const k = i % steps.length;
      expect(JSON.stringify(frameAt(k, steps, geometry))).toBe(direct[k]);
    }
  });

  it('hides the packet when its element has no anchor, and copes with no steps', () => {
    const broken = [step(0, 'p', 'X', 'X')];
    expect(frameAt(0, broken, geometry).visiblePackets).toEqual([]);
    expect(frameAt(0, [], geometry)).toMatchObject({ step: 0, packet: '', visiblePackets: [] });
  });

  it('falls back to a straight line without a route, and to the nearer end for edges to other boxes', () => {
    expect(hopPath(step(1, 'p', 'A', 'C'), geometry)).toEqual([{ x: 0, y: 0 }, { x: 100, y: 100 }]);
    const viaPort: Geometry = {
      ...geometry,
      edges: [{ link: 'lp', kind: 'veth', a: 'A:port', b: 'B:port', points: [{ x: 95, y: 0 }, { x: 5, y: 0 }] }],
    };
    expect(hopPath(step(1, 'p', 'A', 'B', 'lp'), viaPort)).toEqual([
      { x: 0, y: 0 }, { x: 5, y: 0 }, { x: 95, y: 0 }, { x: 100, y: 0 },
    ]);
  });
});

describe('helpers', () => {
  it('eases symmetrically from 0 to 1', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
    expect(easeInOut(0.25) + easeInOut(0.75)).toBeCloseTo(1);
  });

  it('walks a polyline by length', () => {
    const path = [{ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 30, y: 0 }, { x: 30, y: 10 }];
    expect(pointAlong(path, 0.75)).toEqual({ x: 30, y: 0 });
    expect(pointAlong(path, 1)).toEqual({ x: 30, y: 10 });
    expect(pointAlong([{ x: 4, y: 4 }], 0.5)).toEqual({ x: 4, y: 4 });
  });
});
