// derive: Scene → the packet's full header stack at every step, computed by
// applying each step's operations in order, plus the invariant checks.
import type { Scene } from '../scene/model.ts';
import type { Diagnostic } from '../scene/diagnostic.ts';
import type { DerivedStep } from './types.ts';
import { applyOp, type PacketState } from './apply.ts';
import { diffHeaders, removedHeaders } from './changes.ts';
import { checkStep } from './invariants.ts';
import { tableStates } from './tables.ts';

export function deriveSteps(scene: Scene): { steps: DerivedStep[]; diagnostics: Diagnostic[] } {
  const states = new Map<string, PacketState>(scene.packets.map((p) => [p.id, { headers: p.headers, nat: [] }]));
  const diagnostics: Diagnostic[] = [];
  const tables = tableStates(scene);
  const steps = scene.steps.map((step): DerivedStep => {
    const before = states.get(step.packet)!;
    let state = before;
    let applied = true;
    const hereMac = scene.elements[step.at]?.mac;
    for (const op of step.ops) {
      const r = applyOp(state, op, hereMac);
      if (r.ok) state = r.state;
      else {
        applied = false;
        diagnostics.push({ ...step.pos, severity: 'error', message: `step ${step.index + 1}: ${r.message}` });
      }
    }
    states.set(step.packet, state);
    // A step whose operations failed has already been reported; its invariants would only echo that.
    for (const problem of applied ? checkStep({ scene, step, before: before.headers, after: state.headers }) : []) {
      diagnostics.push({ ...step.pos, severity: 'warning', message: `step ${step.index + 1}: ${problem}` });
    }
    const derived: DerivedStep = {
      index: step.index,
      packet: step.packet,
      from: step.from,
      at: step.at,
      ops: step.ops.map((o) => o.op),
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
    return derived;
  });
  return { steps, diagnostics };
}

function isFirst(scene: Scene, index: number): boolean {
  const packet = scene.steps[index]!.packet;
  return scene.steps.findIndex((s) => s.packet === packet) === index;
}
