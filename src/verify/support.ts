// What this slice of verify reproduces. A packet it cannot send, or whose
// path needs state it does not build (SNAT, REJECT and drop rules, DNS, BGP, IP-in-IP),
// is reported "not verified" with the reason on each of its steps: never a
// silent pass.
import type { Scene } from '../scene/model.ts';
import type { DerivedStep } from '../derive/types.ts';
import { homeOf } from './names.ts';

const IPIP = 'IP-in-IP is not built in this slice (it needs the ipip kernel module, which the machine it was written on lacks)';

const SOURCE_NAT = new Set(['snat', 'masquerade', 'unsnat']);

const OP_REASONS: Record<string, string> = {
  snat: 'the SNAT could not be built (see the notes)',
  masquerade: 'the MASQUERADE could not be built (see the notes)',
  unsnat: 'the source NAT it undoes could not be built (see the notes)',
  reject: 'the REJECT rule is not built: the scene draws none as `iptables -S` prints it in this node',
  'dnat@ipvs': 'IPVS is not built in this slice (its iptables stand-in would check iptables, not IPVS)',
  'undnat@ipvs': 'IPVS is not built in this slice (its iptables stand-in would check iptables, not IPVS)',
  'dnat@tc': 'eBPF programs are not loaded in this slice',
  'undnat@tc': 'eBPF programs are not loaded in this slice',
  'dnat@socket': 'eBPF programs are not loaded in this slice (a connect() rewritten at the socket)',
  'dns-query': 'DNS is not served in this slice',
  'dns-answer': 'DNS is not served in this slice',
};

/** Why a packet's steps cannot be verified here (every reason, `; `-joined), or undefined when they can. */
/** What the plan built, so the steps it makes verifiable are not called unverifiable. */
export interface Built {
  /** A REJECT, or a DROP, rule is built in the namespace of this element. */
  canReject?: (at: string) => boolean;
  /** The packet's snat/masquerade is built (masq.ts). */
  sourceNat?: boolean;
  /** Packets whose DNS the run looks up and serves (dns.ts). */
  dns?: Set<string>;
  /** Packets sent as a socket rewritten by eBPF would send them (socket-lb.ts). */
  socketSent?: Set<string>;
  /** Pods whose phantom gateway the kernel answers by proxy ARP (calico.ts). */
  proxied?: Set<string>;
}

export function unsupportedReason(scene: Scene, steps: DerivedStep[], packetId: string, built: Built = {}): string | undefined {
  const { canReject = () => false, sourceNat = false, proxied = new Set<string>(), dns: served = new Set<string>(), socketSent = new Set<string>() } = built;
  const fromSocket = socketSent.has(packetId);
  const dns = served.has(packetId);
  // Steps with no packet act on the topology (a CNI plugin creating a veth): nothing is sent, and building the topology by plugin is not done here.
  if (packetId === '') return 'a step on the topology (a process creating devices, addresses, routes) sends no packet; verify builds the topology as the scene ends up, not by running the CNI plugin';
  const packet = scene.packets.find((p) => p.id === packetId);
  // A packet no `packets:` entry declares is the kernel's answer to a rejected one: verified when that one is sent and rejected.
  if (!packet) {
    const cause = steps.find((s) => s.end?.how === 'reject' && s.end.answer === packetId);
    if (!cause || !canReject(cause.at)) return 'it is the kernel’s answer to a packet iptables rejects, and the scene draws no REJECT rule as `iptables -S` prints it in that node';
    const why = unsupportedReason(scene, steps, cause.packet, built);
    return why && `it answers ${cause.packet}, which is not sent: ${why}`;
  }
  const why = new Set<string>();
  const layers = packet.headers.map((h) => h.layer);
  const icmp = packet.headers.find((h) => h.layer === 'icmp');
  if (layers.includes('bgp')) why.add('BGP sessions are not run here (the routes BIRD installs from them are built before the first packet)');
  else if (layers.includes('dns')) {
    if (!dns) why.add('DNS is not served in this slice');
  }
  else if (packet.headers.some((h) => h.layer === 'tcp' && h.flags !== 'SYN')) why.add('only a connection’s opening SYN is sent in this slice');
  else if (layers.includes('udp') && !layers.includes('vxlan')) why.add('UDP datagrams are not sent in this slice');
  else if (icmp && icmp.type !== 'echo-request') why.add(`an ICMP ${icmp.type} is the kernel's answer to something this slice does not send`);
  else if (!layers.includes('arp') && !icmp && !layers.includes('tcp')) why.add(`a packet of ${layers.join('/')} is not sent in this slice`);
  if (layers.includes('ipip')) why.add(IPIP);
  const origin = scene.elements[packet.origin];
  const home = homeOf(scene, packet.origin);
  if (!home || (origin?.kind !== 'device' && !fromSocket)) why.add(`it starts at ${packet.origin}, not a device in a node or pod (hosts outside the cluster and sockets are not built in this slice)`);
  const gateway = home && !proxied.has(home) && phantomGateway(scene, home);
  if (gateway) why.add(`its pod's gateway ${gateway} is no device's address (Calico answers it by proxy ARP, which the scene only names in a label): not built in this slice`);
  // Each reason once, with the steps it applies to: `iptables NAT rules are not built in this slice (steps 3, 8)`.
  const atSteps = new Map<string, number[]>();
  const at = (reason: string, step: number) => atSteps.set(reason, [...(atSteps.get(reason) ?? []), step]);
  for (const s of steps.filter((s) => s.packet === packetId)) {
    for (const op of s.ops) if (op in OP_REASONS && !(dns && op.startsWith('dns-')) && !(fromSocket && op === 'dnat@socket') && !(op === 'reject' && canReject(s.at)) && !(SOURCE_NAT.has(op) && sourceNat) && op !== 'drop') at(OP_REASONS[op]!, s.index + 1);
    if (scene.steps[s.index]?.ops.some((o) => o.op === 'encap' && o.type === 'ipip')) at(IPIP, s.index + 1);
    const link = s.link ? scene.links.find((l) => l.id === s.link) : undefined;
    if (link?.kind === 'shortcut') at('a shortcut stands for hops the scene does not draw', s.index + 1);
  }
  for (const [reason, nums] of atSteps) {
    if (why.has(reason)) continue;
    const unique = [...new Set(nums)];
    why.add(`${reason} (step${unique.length > 1 ? 's' : ''} ${unique.join(', ')})`);
  }
  return why.size > 0 ? [...why].join('; ') : undefined;
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

/**
 * A drop step whose node has no DROP rule as `iptables -S` prints it: that
 * step alone is not verified. The steps before it are what the kernel does
 * with or without the rule, so they are still compared.
 */
export function unbuiltDrops(steps: DerivedStep[], canDrop: (at: string) => boolean): Record<number, string> {
  const out: Record<number, string> = {};
  for (const s of steps) if (s.ops.includes('drop') && !canDrop(s.at)) out[s.index] = 'the DROP is not built: the scene draws no DROP rule as `iptables -S` prints it in this node (abridged rows are not rules)';
  return out;
}
