// Calico's pod plumbing, as its CNI plugin sets it up: the pod's only routes
// are `169.254.1.1 dev eth0 scope link` and `default via 169.254.1.1`, an
// address no device holds; the host end of the veth (cali…, MAC
// ee:ee:ee:ee:ee:ee) answers its ARP by proxy (proxy_arp 1, proxy_delay 0),
// and the node routes the pod's /32 to that veth. Proxy ARP answers only for
// an address the node routes out of another device, so the node needs a
// default route (rules.ts gives one out of a spare veth where the scene
// draws none). Cilium's pods (host end lxc…) are plumbed the same way here:
// their gateway is cilium_host's address, which the scenes do not draw, and
// Cilium answers its ARP in BPF with the lxc veth's MAC, as proxy ARP does.
import type { Scene } from '../scene/model.ts';
import type { Cmd } from './types.ts';
import { bareIp } from './names.ts';

export const CALICO_GATEWAY = '169.254.1.1';
const HOST_END = /^cali[0-9a-z]{1,11}$/;
const CILIUM_END = /^lxc[0-9a-z]{1,12}$/;

export interface CalicoPlan {
  setup: Cmd[];
  /** Pods (by id) whose gateway the kernel answers by proxy ARP. */
  proxied: Set<string>;
  /** Node namespaces that need a default route for the proxy ARP to answer. */
  uplinks: Set<string>;
  notes: string[];
}

export function calicoCommands(scene: Scene, netnsOf: (id: string) => string | undefined, built: Set<string>): CalicoPlan {
  const plan: CalicoPlan = { setup: [], proxied: new Set(), uplinks: new Set(), notes: [] };
  for (const l of scene.links.filter((l) => l.kind === 'veth')) {
    const [a, b] = [scene.elements[l.a], scene.elements[l.b]];
    const host = [a, b].find((d) => d && (HOST_END.test(d.name) || CILIUM_END.test(d.name)) && scene.elements[d.parent ?? '']?.kind === 'node');
    const eth = host === a ? b : a;
    const pod = eth?.parent ? scene.elements[eth.parent] : undefined;
    if (!host || !eth || pod?.kind !== 'pod' || !eth.ip || !built.has(host.id) || !built.has(eth.id)) continue;
    const node = netnsOf(host.id)!;
    const inPod = netnsOf(eth.id)!;
    plan.setup.push({ argv: ['ip', 'netns', 'exec', node, 'sysctl', '-q', '-w', `net.ipv4.conf.${host.name}.proxy_arp=1`, `net.ipv4.neigh.${host.name}.proxy_delay=0`], why: `${host.id} answers ARP by proxy (Calico's CNI plugin)` });
    plan.setup.push({ argv: ['ip', '-n', node, 'route', 'replace', `${bareIp(eth.ip)}/32`, 'dev', host.name, 'scope', 'link'], why: `${pod.id}'s address routed to ${host.id} (Calico's CNI plugin)` });
    const drawn = Object.values(scene.elements).some((t) => t.type === 'routes' && netnsOf(t.id) === inPod);
    if (!drawn) {
      plan.setup.push({ argv: ['ip', '-n', inPod, 'route', 'replace', `${CALICO_GATEWAY}/32`, 'dev', eth.name, 'scope', 'link'], why: `${pod.id}'s route to Calico's gateway ${CALICO_GATEWAY}` });
      plan.setup.push({ argv: ['ip', '-n', inPod, 'route', 'replace', 'default', 'via', CALICO_GATEWAY, 'dev', eth.name], why: `${pod.id}'s default route via ${CALICO_GATEWAY}` });
    }
    if (CILIUM_END.test(host.name) && !drawn) plan.notes.push(`${pod.id} routes via ${CALICO_GATEWAY}, answered by proxy ARP on ${host.id}: Cilium's gateway is cilium_host's address (not drawn), whose ARP Cilium answers in BPF with ${host.id}'s MAC; the frames the scene shows are the same`);
    plan.proxied.add(pod.id);
    plan.uplinks.add(node);
  }
  return plan;
}
