// Milestone alignment over every pair the gallery offers, and its rules on
// scenes made up for the purpose.
import { describe, expect, it } from 'vitest';
import { load } from './scene-facts-load.ts';
import { alignMilestones, milestoneSteps } from '../../src/compare/align.ts';
import { MILESTONES } from '../../src/compare/milestones.ts';
import { COMPARE_PAIRS, partnersOf } from '../../src/compare/pairs.ts';
import type { Milestone } from '../../src/scene/model.ts';

const tagged = (...ms: (Milestone | undefined)[]) => ms.map((milestone) => (milestone ? { milestone } : {}));

describe('alignMilestones', () => {
  it('stops at every milestone either side names, in journey order, and keeps a side without one where it was', () => {
    const a = tagged('sent', undefined, 'leaves-node', 'arrives-node', undefined, 'delivered');
    const b = tagged('sent', 'translated', undefined, 'delivered');
    expect(alignMilestones(a, b)).toEqual([
      { milestone: 'sent', a: { step: 0, reached: true }, b: { step: 0, reached: true } },
      { milestone: 'translated', a: { step: 0, reached: false }, b: { step: 1, reached: true } },
      { milestone: 'leaves-node', a: { step: 2, reached: true }, b: { step: 1, reached: false } },
      { milestone: 'arrives-node', a: { step: 3, reached: true }, b: { step: 1, reached: false } },
      { milestone: 'delivered', a: { step: 5, reached: true }, b: { step: 3, reached: true } },
    ]);
  });

  it('a side with no earlier milestone waits on its first step', () => {
    expect(alignMilestones(tagged('sent', 'delivered'), tagged(undefined, 'delivered'))[0]!.b).toEqual({ step: 0, reached: false });
  });

  it('scenes without milestones have no stops', () => {
    expect(alignMilestones(tagged(undefined), tagged(undefined))).toEqual([]);
  });
});

describe('every pair the gallery offers', () => {
  for (const { a, b } of COMPARE_PAIRS) {
    it(`${a} and ${b}: both sides move forward only, and share their journey's ends`, () => {
      const A = load(a).steps;
      const B = load(b).steps;
      const stops = alignMilestones(A, B);
      for (const m of ['sent', 'delivered', 'reply-sent', 'reply-delivered'] as const) {
        const s = stops.find((x) => x.milestone === m);
        expect(s?.a.reached && s.b.reached, m).toBe(true);
      }
      for (let i = 1; i < stops.length; i++) {
        expect(stops[i]!.a.step).toBeGreaterThanOrEqual(stops[i - 1]!.a.step);
        expect(stops[i]!.b.step).toBeGreaterThanOrEqual(stops[i - 1]!.b.step);
      }
      // A milestone names the step where the packet is: delivered ends at a deliver, the wire is crossed between the two.
      for (const [steps, at] of [[A, milestoneSteps(A)], [B, milestoneSteps(B)]] as const) {
        expect(steps[at.get('delivered')!]!.ops).toContain('deliver');
        expect(steps[at.get('reply-sent')!]!.ops).toContain('reply');
        const out = at.get('leaves-node');
        if (out !== undefined) expect(steps[out + 1]!.at.split('/')[0]).not.toBe(steps[out]!.at.split('/')[0]);
      }
    });
  }

  it('names each pair from both ends, and only bundled scenes', () => {
    expect(partnersOf('cross-node-vxlan').map((p) => p.other)).toEqual(['calico-bgp', 'flannel-host-gw', 'calico-ipip']);
    expect(partnersOf('calico-bgp').map((p) => p.other)).toEqual(['cross-node-vxlan']);
    expect(partnersOf('dns-service')).toEqual([]);
    for (const { a, b } of COMPARE_PAIRS) for (const id of [a, b]) expect(load(id).scene.id).toBe(id);
  });

  it('the vocabulary is the schema list, request before reply', () => {
    expect(MILESTONES.indexOf('delivered')).toBeLessThan(MILESTONES.indexOf('reply-sent'));
    expect(new Set(MILESTONES).size).toBe(MILESTONES.length);
  });
});
