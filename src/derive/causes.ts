// Mistakes reported where they are made. A DNAT to an address nobody owns
// would otherwise surface only later, as a delivery to the wrong place; the
// step that caused it is the one to fix, so it is named there, once.
import type { Op, Scene, SceneElement } from '../scene/model.ts';
import { hostIp } from '../scene/addresses.ts';
import { problem, type Problem } from '../scene/messages.ts';

/** A mistake found at its cause, placed at the step by derive. */
export type Cause = Problem;

type Dnat = Extract<Op, { op: 'dnat' }>;
type Encap = Extract<Op, { op: 'encap' }>;

export function checkCauses(scene: Scene, at: string, from: string, ops: Op[], dstBefore: string | undefined): Cause[] {
  const causes: Cause[] = [];
  for (const op of ops) {
    if (op.op === 'dnat') causes.push(...dnatCauses(scene, op, dstBefore));
    if (op.op === 'encap') causes.push(...encapCauses(scene, op, at, from));
  }
  return causes;
}

function owners(scene: Scene, ip: string): SceneElement[] {
  return Object.values(scene.elements).filter((e) => e.ip !== undefined && hostIp(e.ip) === ip);
}

function dnatCauses(scene: Scene, op: Dnat, dstBefore: string | undefined): Cause[] {
  const service = dstBefore === undefined ? undefined : owners(scene, dstBefore).find((e) => e.kind === 'service');
  if (service?.endpoints?.length === 0) {
    return [problem('dnatNoEndpoints', service.id)];
  }
  if (owners(scene, op.to).length === 0) {
    return [problem('dnatToNobody', op.to, podAddresses(scene))];
  }
  if (service?.endpoints) {
    const allowed = service.endpoints.flatMap((id) => podAddresses(scene, id));
    if (!allowed.includes(op.to)) return [problem('dnatNotEndpoint', op.to, service.id, allowed)];
  }
  return [];
}

/** The addresses of a pod's devices (of every pod when no id is given). */
function podAddresses(scene: Scene, pod?: string): string[] {
  const pods = Object.values(scene.elements).filter((e) => e.kind === 'pod' && (pod === undefined || e.id === pod));
  return pods.flatMap((p) => p.children.map((c) => scene.elements[c]!).filter((d) => d.ip !== undefined).map((d) => hostIp(d.ip!)));
}

const TUNNEL: Record<Encap['type'], string> = { vxlan: 'a VXLAN device', ipip: 'an IP-in-IP device' };

function encapCauses(scene: Scene, op: Encap, at: string, from: string): Cause[] {
  const dev = [scene.elements[from], scene.elements[at]].find((e) => e?.type === 'vxlan' || e?.type === 'ipip');
  if (!dev || dev.type === op.type) return [];
  return [problem('encapMismatch', op.type, dev.id, TUNNEL[dev.type as Encap['type']])];
}
