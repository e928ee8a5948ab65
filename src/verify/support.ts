// What this slice of verify reproduces. A packet it cannot send, or whose
// path needs state it does not build (iptables rules, DNS, BGP, IP-in-IP),
// is reported "not verified" with the reason on each of its steps: never a
// silent pass.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import { homeOf } from './names.ts';

const OP_REASONS: Record<string, string> = {
  dnat: 'iptables NAT rules are not built in this slice',
  snat: 'iptables NAT rules are not built in this slice',
  masquerade: 'iptables NAT rules are not built in this slice',
  undnat: 'iptables NAT rules are not built in this slice',
  unsnat: 'iptables NAT rules are not built in this slice',
  reject: 'iptables REJECT rules are not built in this slice',
  drop: 'iptables drop rules are not built in this slice',
  'dns-query': 'DNS is not served in this slice',
  'dns-answer': 'DNS is not served in this slice',
};

/** Why a packet's steps cannot be verified here, or undefined when they can. */
export function unsupportedReason(scene: Scene, steps: DerivedStep[], packetId: string): string | undefined {
  const packet = scene.packets.find((p) => p.id === packetId);
  // A packet no `packets:` entry declares is the kernel's answer to a rejected one.
  if (!packet) return 'it is the kernel’s answer to a packet iptables rejects, and REJECT rules are not built in this slice';
  const layers = packet.headers.map((h) => h.layer);
  if (layers.includes('bgp')) return 'BGP sessions are not run here (a later slice installs the routes BIRD would)';
  if (layers.includes('dns')) return 'DNS is not served in this slice';
  if (layers.includes('tcp')) return 'TCP connections are not opened in this slice';
  if (layers.includes('udp') && !layers.includes('vxlan')) return 'UDP datagrams are not sent in this slice';
  if (layers.includes('ipip')) return 'IP-in-IP: this machine has no ipip module';
  const icmp = packet.headers.find((h) => h.layer === 'icmp');
  if (icmp && icmp.type !== 'echo-request') return `an ICMP ${icmp.type} is the kernel's answer to something this slice does not send`;
  if (!layers.includes('arp') && !icmp) return `a packet of ${layers.join('/')} is not sent in this slice`;
  const origin = scene.elements[packet.origin];
  if (!homeOf(scene, packet.origin) || origin?.kind !== 'device') return `it starts at ${packet.origin}, not a device in a node or pod (external hosts and sockets are not built in this slice)`;
  const gateway = phantomGateway(scene, homeOf(scene, packet.origin)!);
  if (gateway) return `its pod's gateway ${gateway} is no device's address (Calico answers it by proxy ARP, which the scene only names in a label): not built in this slice`;
  for (const s of steps.filter((s) => s.packet === packetId)) {
    const hard = s.ops.find((o) => o in OP_REASONS);
    if (hard) return `step ${s.index + 1}: ${OP_REASONS[hard]}`;
    const op = scene.steps[s.index]?.ops.find((o) => o.op === 'encap' && o.type === 'ipip');
    if (op) return `step ${s.index + 1}: IP-in-IP: this machine has no ipip module`;
    const link = s.link ? scene.links.find((l) => l.id === s.link) : undefined;
    if (link?.kind === 'shortcut') return `step ${s.index + 1} crosses a shortcut (several hops drawn as one)`;
  }
  return undefined;
}

/** A gateway in a pod's routes that no device of the scene holds (Calico's 169.254.1.1). */
function phantomGateway(scene: Scene, home: string): string | undefined {
  const held = new Set(Object.values(scene.elements).flatMap((e) => (e.ip ? [e.ip.split('/')[0]!] : [])));
  for (const t of Object.values(scene.elements)) {
    if (t.type !== 'routes' || homeOf(scene, t.id) !== home) continue;
    for (const r of t.rows ?? []) {
      const via = /\bvia (\S+)/.exec(r.text)?.[1];
      if (via && !held.has(via)) return via;
    }
  }
  return undefined;
}
