// The networking facts (what a real kernel does) that a step can be checked against.
// Each returns sentences; derive pins them to the step as warnings, because
// a scene may simplify on purpose (and its caption then says so).
import type { Header, Scene, Step, SceneElement } from '../scene/model.ts';
import { hostIp } from '../scene/addresses.ts';

export interface StepContext {
  scene: Scene;
  step: Step;
  before: Header[];
  after: Header[];
}

const BROADCAST = 'ff:ff:ff:ff:ff:ff';
const eth = (hs: Header[]) => hs.find((h) => h.layer === 'eth');
const ipv4 = (hs: Header[]) => hs.find((h) => h.layer === 'ipv4');
const has = (step: Step, op: string) => step.ops.some((o) => o.op === op);

function nodeOf(scene: Scene, id: string): SceneElement | undefined {
  for (let e = scene.elements[id]; e; e = e.parent ? scene.elements[e.parent] : undefined) if (e.kind === 'node' || e.kind === 'external') return e;
  return undefined;
}

export function hostIps(scene: Scene, id: string): string[] {
  const node = nodeOf(scene, id);
  if (!node) return [];
  const ips: string[] = node.ip ? [hostIp(node.ip)] : [];
  const walk = (e: SceneElement) => {
    if (e.kind === 'device' && e.ip) ips.push(hostIp(e.ip));
    if (e.kind !== 'pod') e.children.forEach((c) => walk(scene.elements[c]!));
  };
  walk(node);
  return [...new Set(ips)];
}

/** MACs of the host's own devices (not its pods'): the frames it accepts for routing. */
function hostMacs(scene: Scene, id: string): string[] {
  const node = nodeOf(scene, id);
  if (!node) return [];
  return node.children.map((c) => scene.elements[c]!).filter((e) => e.kind === 'device' && e.mac).map((e) => e.mac!);
}

export function checkStep({ scene, step, before, after }: StepContext): string[] {
  const problems: string[] = [];
  const names = step.ops.map((o) => o.op);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) problems.push(`'${twice[0]}' appears twice in one step`);
  const from = scene.elements[step.from]!;
  const at = scene.elements[step.at]!;
  const link = scene.links.find((l) => l.id === step.link);
  // A shortcut stands for hops the scene does not show, so there is nothing to check them against.
  if (link?.kind === 'shortcut') return [];

  if (has(step, 'bridge')) {
    if (step.ops.some((o) => ['route', 'encap', 'decap', 'snat', 'masquerade'].includes(o.op))) {
      problems.push('a bridge forwards frames without changing the IP header: routing, SNAT and tunnels happen in the host, not in the bridge');
    }
    if (!eth(before)) problems.push('a bridge forwards Ethernet frames, but this packet has no Ethernet header (it came out of a layer-3 device such as tunl0, or a decap): it must be routed first');
    const bridge = [from, at].find((e) => e.type === 'bridge');
    if (!bridge) problems.push("'bridge' is used on a hop that touches no bridge device");
    else if (eth(before)?.dst === bridge.mac && !step.ops.some((o) => o.op === 'bridge' && o.toMac !== undefined)) {
      problems.push(`the frame is addressed to ${bridge.name}'s own MAC (${bridge.mac}): the bridge hands it up to the host, which routes it — use 'route', not 'bridge'`);
    }
  }

  const route = step.ops.find((o) => o.op === 'route');
  if (route) {
    const dst = eth(before)?.dst;
    const own = hostMacs(scene, route.dev);
    if (dst !== undefined && own.length > 0 && !own.includes(dst)) {
      problems.push(`a host routes only frames sent to one of its own MACs (${own.join(', ')}), but this one is addressed to ${dst}`);
    }
    const via = scene.elements[route.nextHop];
    // tunl0 has no remote of its own: the kernel sends to the route's gateway (an NBMA tunnel), so that is the other node.
    if (scene.elements[route.dev]?.layer3 && via?.layer3) problems.push(`the route's next hop '${via.id}' is a layer-3 device; out of ${route.dev} the next hop is the other node's address (Calico: via 192.168.1.11 dev tunl0 onlink), which becomes the tunnel's outer destination`);
    if (route.dev !== step.at) problems.push(`the route sends the packet out of '${route.dev}', but the step moves it to '${step.at}'`);
  } else if (link?.kind === 'stack' && eth(before)?.dst !== undefined && eth(before)?.dst === from.mac && !step.ops.some((o) => o.op === 'encap' || o.op === 'decap' || o.op === 'deliver')) {
    problems.push(`the frame was addressed to ${from.name} and moves on through the host's IP stack: that is routing, which decrements the TTL and writes a new Ethernet header — add 'route'`);
  }

  if (has(step, 'encap') && at.type !== 'vxlan' && at.type !== 'ipip' && from.type !== 'vxlan' && from.type !== 'ipip') {
    problems.push('encapsulation happens at a tunnel device (a VXLAN VTEP such as flannel.1, or tunl0)');
  }
  if (has(step, 'decap')) {
    const dst = ipv4(before)?.dst;
    const mine = hostIps(scene, step.at);
    if (dst && mine.length > 0 && !mine.includes(dst)) problems.push(`the tunnel packet is addressed to ${dst}, which is not an address of this node (${mine.join(', ')})`);
  }

  if (has(step, 'deliver')) {
    const dst = ipv4(after)?.dst;
    if (dst && at.ip && hostIp(at.ip) !== dst) problems.push(`delivered at ${at.id} (${hostIp(at.ip)}), but the packet is addressed to ${dst}`);
    const mac = eth(after)?.dst;
    if (mac && at.mac && mac !== at.mac && mac !== BROADCAST) problems.push(`delivered at ${at.id}, but the frame is addressed to ${mac}, not ${at.mac}`);
  }

  if (has(step, 'arp-reply')) {
    const target = before.find((h) => h.layer === 'arp');
    if (target?.layer === 'arp' && at.ip && hostIp(at.ip) !== target.targetIp) problems.push(`${at.id} (${hostIp(at.ip)}) would not answer an ARP request for ${target.targetIp}`);
  }

  if (link?.kind === 'wire') {
    if (!eth(after)) problems.push("on the wire a packet travels in an Ethernet frame, but this one has none (it was routed into a layer-3 device such as tunl0: is an 'encap' missing?)");
    const mac = eth(after)?.dst;
    if (mac && at.mac && mac !== at.mac && mac !== BROADCAST) problems.push(`on the wire the frame is addressed to ${mac}, but the other end (${at.id}) has MAC ${at.mac}`);
  }
  return problems;
}
