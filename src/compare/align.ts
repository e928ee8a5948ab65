// Two scenes lined up by their milestones: the stops the compare view steps
// through, each a step of either scene.
import type { Milestone } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import { MILESTONES } from './milestones.ts';

/** One side at a stop: the step shown, and whether the scene reaches the milestone itself. */
export interface SideStop {
  step: number;
  reached: boolean;
}

export interface Stop {
  milestone: Milestone;
  a: SideStop;
  b: SideStop;
}

type Steps = readonly Pick<DerivedStep, 'milestone'>[];

/** Where each milestone is in a scene (the schema allows each once, in order). */
export function milestoneSteps(steps: Steps): Map<Milestone, number> {
  const at = new Map<Milestone, number>();
  steps.forEach((s, i) => {
    if (s.milestone !== undefined && !at.has(s.milestone)) at.set(s.milestone, i);
  });
  return at;
}

/**
 * Every milestone either scene reaches, in journey order. A scene without one
 * stays on its step for the milestone before (or its first step), so the
 * picture says where that packet is meanwhile.
 */
export function alignMilestones(a: Steps, b: Steps): Stop[] {
  const ma = milestoneSteps(a);
  const mb = milestoneSteps(b);
  return MILESTONES.filter((m) => ma.has(m) || mb.has(m)).map((m) => ({ milestone: m, a: side(ma, m), b: side(mb, m) }));
}

function side(at: Map<Milestone, number>, m: Milestone): SideStop {
  const own = at.get(m);
  if (own !== undefined) return { step: own, reached: true };
  const rank = MILESTONES.indexOf(m);
  const earlier = MILESTONES.slice(0, rank).flatMap((e) => at.get(e) ?? []);
  return { step: earlier.length ? Math.max(...earlier) : 0, reached: false };
}
