// "Is a tunnel header added here?": asked where a packet is wrapped, and
// where one is routed out of a node or into a tunnel device without being
// wrapped — the contrast between an overlay and native routing.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Choice, Question } from './types.ts';
import { pickChoices } from './choices.ts';
import { narration } from '../derive/trace.ts';

const NO: Choice = { id: 'none', label: 'No: it leaves with the headers it has' };
const VXLAN: Choice = { id: 'vxlan', label: 'Yes: outer Ethernet, IP, UDP and VXLAN headers' };
const IPIP: Choice = { id: 'ipip', label: 'Yes: an outer IP header (IP-in-IP)' };

export function tunnelQuestion(scene: Scene, steps: readonly DerivedStep[], i: number): Question | undefined {
  const step = steps[i];
  if (!step || i === 0) return undefined;
  const added = step.ops.includes('encap') ? step.headers.find((h, n) => (h.layer === 'vxlan' || h.layer === 'ipip') && step.changed.some((c) => c.layer === n && c.field === undefined)) : undefined;
  const dev = scene.elements[step.at];
  const leaving = step.ops.includes('route') && (dev?.type === 'nic' || dev?.type === 'vxlan' || dev?.type === 'ipip');
  if (!added && !leaving) return undefined;
  const answer = added?.layer === 'vxlan' ? VXLAN : added?.layer === 'ipip' ? IPIP : NO;
  const key = `${scene.id}#${i}#tunnel`;
  // Always in this order: yes/no questions read better unshuffled, and the order gives nothing away.
  const choices = pickChoices(answer, [NO, VXLAN, IPIP], key);
  if (!choices) return undefined;
  const ordered = [NO, VXLAN, IPIP].filter((c) => choices.some((d) => d.id === c.id));
  return {
    id: `${i}:tunnel`,
    step: i,
    kind: 'tunnel',
    prompt: `Is a tunnel header added to the packet at this hop (to ${step.at})?`,
    choices: ordered,
    answer: answer.id,
    explanation: narration(step),
  };
}
