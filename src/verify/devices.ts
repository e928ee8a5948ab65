// The scene's devices and links as `ip` commands, each in its node's or pod's
// namespace: veth pairs (a pod's eth0 and its host end; two nodes' NICs
// joined by a `wire`), bridges with their ports, VXLAN devices with the VNI,
// port and local address the scene's encap step uses, then MACs, addresses
// and links up. Order matters: a VXLAN device needs its underlay NIC, a
// port its bridge.
import type { Scene, SceneElement } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import type { Cmd, Skipped } from './types.ts';
import { bareIp } from './names.ts';
import { portName, switchCommands, type Segment } from './lan.ts';

export interface Placed {
  /** The namespace a device lives in, or undefined when this slice does not build it. */
  netnsOf: (device: string) => string | undefined;
  /** Wired segments of more than two ends, each joined by a switch namespace (lan.ts). */
  segments?: Segment[];
}

interface VxlanParams { vni: number; dport: number; local: string }

/** A device's VNI, port and local address, from the step that encapsulates through it. */
export function vxlanParams(steps: DerivedStep[], scene: Scene, device: string): VxlanParams | undefined {
  for (const s of steps) {
    if (s.from !== device || !s.ops.includes('encap')) continue;
    const op = scene.steps[s.index]?.ops.find((o) => o.op === 'encap');
    if (op?.op === 'encap' && op.type === 'vxlan') return { vni: op.vni, dport: op.dport, local: op.src };
  }
  return undefined;
}

export function deviceCommands(scene: Scene, steps: DerivedStep[], { netnsOf, segments = [] }: Placed): { setup: Cmd[]; skipped: Skipped[]; built: Set<string> } {
  const setup: Cmd[] = [];
  const skipped: Skipped[] = [];
  const built = new Set<string>();
  const devices = Object.values(scene.elements).filter((e) => e.kind === 'device' && netnsOf(e.id) !== undefined);
  const ip = (dev: SceneElement, ...args: string[]): string[] => ['ip', '-n', netnsOf(dev.id)!, ...args];
  const byId = (id: string) => scene.elements[id];

  const switched = new Set(segments.flatMap((g) => g.ends));
  const switches = segments.map(switchCommands);
  for (const [i, g] of segments.entries()) {
    setup.push(...switches[i]!.before);
    for (const [n, id] of g.ends.entries()) {
      const d = byId(id)!;
      setup.push({ argv: ip(d, 'link', 'add', d.name, 'type', 'veth', 'peer', 'name', portName(n), 'netns', g.netns), why: `${id} wired to the switch of ${g.ends.join(', ')}` });
      built.add(id);
    }
  }
  // Pairs: a veth link joins a pod's eth0 to its host end; a wire joins two NICs.
  for (const l of scene.links) {
    if (l.kind !== 'veth' && l.kind !== 'wire') continue;
    const a = byId(l.a);
    const b = byId(l.b);
    if (!a || !b || a.kind !== 'device' || b.kind !== 'device' || !netnsOf(a.id) || !netnsOf(b.id)) continue;
    if (built.has(a.id) || built.has(b.id) || (l.kind === 'wire' && switched.has(a.id))) continue;
    setup.push({ argv: ip(a, 'link', 'add', a.name, 'type', 'veth', 'peer', 'name', b.name, 'netns', netnsOf(b.id)!), why: `${l.kind} ${a.id} ↔ ${b.id}` });
    built.add(a.id).add(b.id);
  }
  for (const d of devices.filter((d) => d.type === 'bridge')) {
    setup.push({ argv: ip(d, 'link', 'add', d.name, 'type', 'bridge'), why: `bridge ${d.id}` });
    built.add(d.id);
  }
  // A NIC with no wire still holds the node's address (a dummy device: no traffic leaves through it).
  for (const d of devices.filter((d) => d.type === 'nic' && !built.has(d.id))) {
    setup.push({ argv: ip(d, 'link', 'add', d.name, 'type', 'dummy'), why: `${d.id} (a NIC no wire in the scene reaches)` });
    built.add(d.id);
  }
  for (const d of devices.filter((d) => d.type === 'vxlan')) {
    const p = vxlanParams(steps, scene, d.id);
    const under = p && devices.find((u) => u.id !== d.id && netnsOf(u.id) === netnsOf(d.id) && u.ip && bareIp(u.ip) === p.local);
    if (!p || !under) {
      skipped.push({ table: d.id, row: d.name, reason: p ? `no device in ${netnsOf(d.id)} holds the local address ${p.local}` : 'no step encapsulates through it, so its VNI and port are unknown' });
      continue;
    }
    // nolearning: the remote VTEPs come from the scene's FDB rows, as flanneld writes them.
    setup.push({ argv: ip(d, 'link', 'add', d.name, 'type', 'vxlan', 'id', String(p.vni), 'dstport', String(p.dport), 'local', p.local, 'dev', under.name, 'nolearning'), why: `VXLAN ${d.id} (VNI ${p.vni}, UDP ${p.dport})` });
    built.add(d.id);
  }
  for (const d of devices) {
    if (built.has(d.id) || d.type === 'loopback') continue;
    skipped.push({ table: d.id, row: d.name, reason: d.type === 'ipip' ? 'IP-in-IP devices are not built in this slice (they need the ipip kernel module, which the machine it was written on lacks)' : `a ${d.type ?? 'device'} with no veth link or wire is not built` });
  }
  const made = devices.filter((d) => built.has(d.id));
  for (const d of made) if (d.mac) setup.push({ argv: ip(d, 'link', 'set', 'dev', d.name, 'address', d.mac), why: `${d.id}'s MAC` });
  for (const l of scene.links.filter((l) => l.kind === 'bridge-port')) {
    const [port, br] = byId(l.a)?.type === 'bridge' ? [byId(l.b), byId(l.a)] : [byId(l.a), byId(l.b)];
    if (port && br && built.has(port.id) && built.has(br.id)) setup.push({ argv: ip(port, 'link', 'set', 'dev', port.name, 'master', br.name), why: `${port.id} a port of ${br.id}` });
  }
  for (const d of [...made, ...devices.filter((d) => d.type === 'loopback')]) {
    if (d.ip && !bareIp(d.ip).startsWith('127.')) setup.push({ argv: ip(d, 'addr', 'add', d.ip.includes('/') ? d.ip : `${d.ip}/32`, 'dev', d.name), why: `${d.id}'s address` });
  }
  for (const d of made) setup.push({ argv: ip(d, 'link', 'set', 'dev', d.name, 'up'), why: `${d.id} up` });
  for (const sw of switches) setup.push(...sw.after);
  return { setup, skipped, built };
}
