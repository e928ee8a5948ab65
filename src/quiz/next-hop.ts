// "Where does the packet go next?": asked when a step moves the packet on
// from where the student last saw it. The wrong choices are the places a
// student might send it instead: the hop's other neighbours, back where it
// came from, the devices beside it, then the rest of the scene.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Choice, Question } from './types.ts';
import { pickChoices } from './choices.ts';
import { shuffled } from './seed.ts';
import { narration } from '../derive/trace.ts';

export function nextHopQuestion(scene: Scene, steps: readonly DerivedStep[], i: number): Question | undefined {
  const step = steps[i];
  const prev = steps[i - 1];
  // Only a move on from the place shown: a packet that appears elsewhere cannot be predicted.
  if (!step || !prev || step.at === step.from || step.from !== prev.at) return undefined;
  const key = `${scene.id}#${i}#next`;
  const places = linkEnds(scene);
  const neighbours = places.get(step.from) ?? new Set<string>();
  const beside = [...places.keys()].filter((id) => parentOf(scene, id) === parentOf(scene, step.from) || parentOf(scene, id) === parentOf(scene, step.at));
  const tiers = [[...neighbours], [prev.from], beside, [...places.keys()]].map((t, n) => shuffled(t.filter((id) => id !== step.from).sort(), `${key}#${n}`));
  const choice = (id: string): Choice => ({ id, label: id });
  const choices = pickChoices(choice(step.at), tiers.flat().map(choice), key);
  if (!choices) return undefined;
  // No way on but the one taken: a veth's peer, the wire to the other node.
  const forced = [...neighbours].every((id) => id === step.at || id === prev.from);
  return {
    ...(forced ? { forced: true as const } : {}),
    id: `${i}:next`,
    step: i,
    kind: 'next',
    prompt: `The packet is at ${step.from}. Where does it go next?`,
    choices,
    answer: step.at,
    explanation: narration(step),
  };
}

/** Every element a link joins, with the elements it is linked to. */
function linkEnds(scene: Scene): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const s = out.get(a) ?? new Set<string>();
    s.add(b);
    out.set(a, s);
  };
  // A table joined to the process that writes it is not a place a packet goes.
  const place = (id: string) => scene.elements[id]?.kind !== 'table';
  for (const l of scene.links) {
    if (!place(l.a) || !place(l.b)) continue;
    add(l.a, l.b);
    add(l.b, l.a);
  }
  return out;
}

function parentOf(scene: Scene, id: string): string | undefined {
  return scene.elements[id]?.parent;
}
