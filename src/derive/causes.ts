// Mistakes reported where they are made. A DNAT to an address nobody owns
// would otherwise surface only later, as a delivery to the wrong place; the
// step that caused it is the one to fix, so it is named there, once.
import type { Op, Scene, SceneElement } from '../scene/model.ts';
import { hostIp } from '../scene/addresses.ts';

export interface Cause {
  severity: 'error' | 'warning';
  message: string;
}

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
    return [{ severity: 'error', message: `DNAT away from Service '${service.id}', which has no endpoints: kube-proxy writes a rule that REJECTs its traffic instead (use 'reject')` }];
  }
  if (owners(scene, op.to).length === 0) {
    const pods = podAddresses(scene);
    return [{ severity: 'error', message: `DNAT to ${op.to}, which no element in the scene owns; a DNAT sends the packet to an endpoint's address${pods.length ? ` (pods: ${pods.join(', ')})` : ''}` }];
  }
  if (service?.endpoints) {
    const allowed = service.endpoints.flatMap((id) => podAddresses(scene, id));
    if (!allowed.includes(op.to)) return [{ severity: 'warning', message: `DNAT to ${op.to}, which is not an endpoint of Service '${service.id}' (its endpoints: ${allowed.join(', ')})` }];
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
  return [{ severity: 'error', message: `'encap' of type ${op.type} at ${dev.id}, which is ${TUNNEL[dev.type as Encap['type']]}: a tunnel device wraps packets in its own kind of header only` }];
}
