// derive: Scene → the packet's full header stack at every step, computed by
// applying each step's operations in order, plus the invariant checks.
import type { Op, Scene, Step } from '../scene/model.ts';
import type { Diagnostic } from '../scene/diagnostic.ts';
import type { DerivedStep, PacketEnd } from './types.ts';
import { applyOp, type PacketState } from './apply.ts';
import { diffHeaders, removedHeaders } from './changes.ts';
import { checkStep, hostIps } from './invariants.ts';
import { checkCauses } from './causes.ts';
import { rejectAnswer } from './reject.ts';
import { tableStates } from './tables.ts';
import { topologyStates } from './topology.ts';
import { placed, problem, severityOf, type Problem } from '../scene/messages.ts';

export function deriveSteps(scene: Scene): { steps: DerivedStep[]; diagnostics: Diagnostic[] } {
  const states = new Map<string, PacketState>(scene.packets.map((p) => [p.id, { headers: p.headers, nat: [] }]));
  const diagnostics: Diagnostic[] = [];
  const report = (step: Step, p: Problem) => {
    const d = placed(step.pos, p);
    diagnostics.push({ ...d, message: `step ${step.index + 1}: ${d.message}` });
  };
  // Packets with a mistake already reported at its cause: what follows from it would only echo it.
  const faulted = new Set<string>();
  const tables = tableStates(scene);
  const topo = topologyStates(scene);
  const steps = scene.steps.map((step): DerivedStep => {
    const before = states.get(step.packet) ?? { headers: [], nat: [] };
    // A hop's operations happen where it ends: by then the packet has left its socket.
    let state: PacketState = step.link === undefined || before.moved ? before : { ...before, moved: true };
    let applied = true;
    const names: string[] = [];
    const here = scene.elements[step.at];
    const dstBefore = before.headers.find((h) => h.layer === 'ipv4')?.dst;
    for (const cause of checkCauses(scene, step.at, step.from, step.ops, dstBefore)) {
      report(step, cause);
      if (severityOf(cause) === 'error') faulted.add(step.packet);
    }
    for (const op of step.ops) {
      names.push(opName(op, state));
      const r = applyOp(state, op, here?.mac);
      if (r.ok) state = r.state;
      else {
        applied = false;
        report(step, problem('opCannotApply', r.message));
      }
      if (op.op !== 'reject') continue;
      const answer = rejectAnswer(state.headers, op.with, { mac: here?.mac, ip: here?.ip?.split('/')[0], hostIps: hostIps(scene, step.at) });
      if (answer.ok) states.set(op.answer, { headers: answer.headers, nat: [] });
      else {
        applied = false;
        report(step, problem('rejectCannotAnswer', answer.message));
      }
    }
    states.set(step.packet, state);
    // A step whose operations failed has already been reported; its invariants would only echo that.
    // A step on the topology has no packet whose behaviour could be checked.
    if (applied && step.packet !== '' && !faulted.has(step.packet)) for (const broken of checkStep({ scene, step, before: before.headers, after: state.headers })) report(step, problem('stepInvariant', broken));
    const derived: DerivedStep = {
      index: step.index,
      packet: step.packet,
      from: step.from,
      at: step.at,
      ops: names,
      caption: step.caption,
      highlight: step.highlight,
      headers: state.headers,
      // The first step of a packet shows it as created: every layer is new.
      changed: isFirst(scene, step.index) ? state.headers.map((_, layer) => ({ layer })) : diffHeaders(before.headers, state.headers),
      tables: tables[step.index]!,
      pos: step.pos,
    };
    const removed = isFirst(scene, step.index) ? [] : removedHeaders(before.headers, state.headers);
    if (removed.length > 0) derived.removed = removed;
    if (step.link !== undefined) derived.link = step.link;
    if (step.notes !== undefined) derived.notes = step.notes;
    if (step.quiz) derived.quiz = step.quiz;
    if (step.milestone !== undefined) derived.milestone = step.milestone;
    const { hidden, appeared } = topo[step.index]!;
    if (hidden.length > 0) derived.hidden = hidden;
    if (appeared.length > 0) derived.appeared = appeared;
    const end = endOf(step.ops);
    if (end) derived.end = end;
    const wait = step.ops.find((o) => o.op === 'wait');
    if (wait) derived.wait = wait.reason === undefined ? { ms: wait.ms } : { ms: wait.ms, reason: wait.reason };
    return derived;
  });
  return { steps, diagnostics };
}

/**
 * The operation as the trace, the caption and the card name it: a DNAT not
 * done by iptables says what did it (`dnat@ipvs`, `dnat@socket`, `dnat@tc`),
 * and so does the undoing of it (`undnat@ipvs`).
 */
function opName(op: Op, state: PacketState): string {
  if (op.op === 'dnat' && op.by !== undefined) return `dnat@${op.by}`;
  if (op.op === 'undnat') {
    const by = [...state.nat].reverse().find((e) => e.kind === 'dnat')?.by;
    if (by !== undefined) return `undnat@${by}`;
  }
  return op.op;
}

function endOf(ops: Op[]): PacketEnd | undefined {
  for (const o of ops) {
    if (o.op === 'drop') return { how: 'drop', reason: o.reason };
    if (o.op === 'reject') return o.reason === undefined ? { how: 'reject', with: o.with, answer: o.answer } : { how: 'reject', with: o.with, answer: o.answer, reason: o.reason };
  }
  return undefined;
}

function isFirst(scene: Scene, index: number): boolean {
  const packet = scene.steps[index]!.packet;
  return scene.steps.findIndex((s) => s.packet === packet) === index;
}
