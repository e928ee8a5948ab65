// "What is the destination address (source, port, TTL) after this hop?":
// asked for each IPv4, TCP or UDP field the step rewrote. The wrong choices
// come from the scene: the value before the hop (the ClusterIP before the
// DNAT, the TTL before the route), the node's address instead of the pod's,
// the packet's other address or port, then the scene's other values.
import type { Header, Scene } from '../scene/model.ts';
import type { Change, DerivedStep } from '../derive/types.ts';
import type { Choice, Question } from './types.ts';
import { pickChoices, plain } from './choices.ts';
import { shuffled } from './seed.ts';
import { narration } from '../derive/trace.ts';

const ASKED: Record<string, string[]> = { ipv4: ['dst', 'src', 'ttl'], tcp: ['dport', 'sport'], udp: ['dport', 'sport'] };
const WORDS: Record<string, string> = { dst: 'destination address', src: 'source address', ttl: 'TTL', dport: 'destination port', sport: 'source port' };
const OTHER: Record<string, string> = { dst: 'src', src: 'dst', dport: 'sport', sport: 'dport' };

export function fieldQuestions(scene: Scene, steps: readonly DerivedStep[], i: number): Question[] {
  const step = steps[i];
  if (!step || i === 0) return [];
  const out: Question[] = [];
  for (const field of ['dst', 'src', 'dport', 'sport', 'ttl']) {
    for (const change of step.changed) {
      const h = step.headers[change.layer];
      if (change.field !== field || !h || !ASKED[h.layer]?.includes(field)) continue;
      const q = question(scene, steps, i, h, change);
      if (q) out.push(q);
    }
  }
  return out;
}

function question(scene: Scene, steps: readonly DerivedStep[], i: number, h: Header, change: Change): Question | undefined {
  const step = steps[i]!;
  const field = change.field!;
  const value = (h as unknown as Record<string, unknown>)[field];
  if ((typeof value !== 'string' && typeof value !== 'number') || change.was === value) return undefined;
  const key = `${scene.id}#${i}#${change.layer}.${field}`;
  const was = typeof change.was === 'string' || typeof change.was === 'number' ? [change.was] : [];
  const other = OTHER[field] ? [(h as unknown as Record<string, unknown>)[OTHER[field]!]] : [];
  let wrong: unknown[];
  if (field === 'ttl') {
    // The TTL before the hop, one hop too many, and a fresh packet's TTL.
    wrong = [...was, Number(value) - 1, Number(value) + 1, 64];
  } else if (h.layer === 'ipv4') {
    wrong = [...was, ...nodeInsteadOfPod(scene, String(value)), ...other, ...shuffled(sceneAddresses(scene, steps), key)];
  } else {
    wrong = [...was, ...other, ...shuffled(scenePorts(steps), key)];
  }
  const wrongChoices = wrong.filter((v): v is string | number => (typeof v === 'string' || typeof v === 'number') && v !== '' && !(typeof v === 'number' && (v < 0 || v > 65535))).map(plain);
  const choices = pickChoices(plain(value), wrongChoices, key);
  if (!choices) return undefined;
  return {
    id: `${i}:field:${change.layer}.${field}`,
    step: i,
    kind: 'field',
    prompt: `After this ${step.at === step.from ? 'step' : 'hop'}, what is the ${layerName(step.headers, change.layer)}${WORDS[field]}?`,
    choices,
    answer: String(value),
    explanation: narration(step),
  };
}

/** `inner ` or `outer ` where the packet carries two headers of the layer (a tunnel). */
function layerName(headers: Header[], layer: number): string {
  const kind = headers[layer]!.layer;
  const same = headers.flatMap((h, n) => (h.layer === kind ? [n] : []));
  if (same.length < 2) return '';
  return same[0] === layer ? 'outer ' : 'inner ';
}

/** The address of the node a pod (or its device) runs on, for a pod's address: the classic mix-up. */
function nodeInsteadOfPod(scene: Scene, ip: string): string[] {
  const owner = Object.values(scene.elements).find((e) => e.ip && bare(e.ip) === ip);
  let at = owner;
  while (at && at.kind !== 'node') at = at.parent ? scene.elements[at.parent] : undefined;
  if (!owner || !at || at === owner) return [];
  const nic = Object.values(scene.elements).find((e) => e.parent === at!.id && e.type === 'nic' && e.ip);
  const addr = at.ip ?? nic?.ip;
  return addr ? [bare(addr)] : [];
}

/** Every address the scene gives an element or a packet carries, sorted (then shuffled by the caller). */
function sceneAddresses(scene: Scene, steps: readonly DerivedStep[]): string[] {
  const set = new Set<string>();
  for (const e of Object.values(scene.elements)) if (e.ip && /^\d/.test(e.ip)) set.add(bare(e.ip));
  for (const s of steps) for (const h of s.headers) if (h.layer === 'ipv4') set.add(h.src).add(h.dst);
  return [...set].sort();
}

function scenePorts(steps: readonly DerivedStep[]): number[] {
  const set = new Set<number>();
  for (const s of steps) for (const h of s.headers) if (h.layer === 'tcp' || h.layer === 'udp') set.add(h.sport).add(h.dport);
  return [...set].sort((a, b) => a - b);
}

function bare(ip: string): string {
  return ip.split('/')[0]!;
}
