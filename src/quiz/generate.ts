// The questions of a scene, per step, and the one predict mode asks.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Question } from './types.ts';
import { nextHopQuestion } from './next-hop.ts';
import { fieldQuestions } from './fields.ts';
import { rowQuestions } from './rows.ts';
import { tunnelQuestion } from './tunnel.ts';
import { authoredQuestions } from './authored.ts';

/**
 * Every question each step can be asked, in the order predict mode prefers
 * them; empty for a step where nothing the student can predict happens (the
 * first step, a pause in place). A step's own questions (`quiz:` in the scene
 * file) come first: the author wrote them for what no generated one asks.
 */
export function questionsByStep(scene: Scene, steps: readonly DerivedStep[]): Question[][] {
  return steps.map((step, i) => {
    if (i === 0) return [];
    const fields = fieldQuestions(scene, steps, i);
    const addresses = fields.filter((q) => /address/.test(q.prompt));
    const ports = fields.filter((q) => /port/.test(q.prompt));
    const ttl = fields.filter((q) => /TTL/.test(q.prompt));
    const tunnel = tunnelQuestion(scene, steps, i);
    const wrapped = tunnel && tunnel.answer !== 'none' ? [tunnel] : [];
    const plain = tunnel && tunnel.answer === 'none' ? [tunnel] : [];
    const next = nextHopQuestion(scene, steps, i);
    // What the hop does to the packet first, then what decided it, then merely where it went.
    return [...authoredQuestions(scene.id, step, step.quiz ?? []), ...wrapped, ...addresses, ...rowQuestions(scene, steps, i), ...ports, ...plain, ...ttl, ...(next ? [next] : [])];
  });
}

/**
 * One question per step that has any (predict mode asks one before each hop),
 * by step index. A forced "where next?" is left out: a quiz of veth peers and
 * wires to click through would bury the hops that take a decision.
 */
export function quizPlan(byStep: readonly Question[][]): Map<number, Question> {
  const plan = new Map<number, Question>();
  byStep.forEach((qs, i) => {
    const q = qs.find((q) => !q.forced);
    if (q) plan.set(i, q);
  });
  return plan;
}
