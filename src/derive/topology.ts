// derive: what exists at each step. Elements and links a step creates
// (`create:`, validated) are hidden before it, with everything inside them and
// every link to them; a pure function of the step, like the tables.
import type { Scene } from '../scene/model.ts';
import { topology } from '../scene/topology.ts';

export interface StepTopology {
  /** Element and link ids not yet in existence at this step (laid out, not drawn). */
  hidden: string[];
  /** Element and link ids that come into existence at this step. */
  appeared: string[];
}

export function topologyStates(scene: Scene): StepTopology[] {
  const t = topology(scene.elements, scene.links, []);
  for (const s of scene.steps) t.create(s.index, s.create ?? [], () => s.pos);
  const ids = [...Object.keys(scene.elements), ...scene.links.map((l) => l.id)];
  const since = new Map(ids.flatMap((id) => {
    const c = t.since(id);
    return c ? [[id, c.step] as const] : [];
  }));
  return scene.steps.map((s) => ({
    hidden: [...since].filter(([, k]) => k > s.index).map(([id]) => id),
    appeared: [...since].filter(([, k]) => k === s.index).map(([id]) => id),
  }));
}
