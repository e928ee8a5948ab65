// Hand-built resolved scenes for the layout and render tests, written as the
// loader's output (a Scene) so a test needs no YAML. They mirror scenes/*.yaml;
// the rules their pictures are held to are in docs/layout.md.
import type { Link, LinkKind, Scene, SceneElement, TableRow } from '../../src/scene/model.ts';

const pos = { file: 'fixture', line: 1, col: 1 };

type ElementSpec = Omit<SceneElement, 'children' | 'pos' | 'name'> & { name?: string };

class SceneBuilder {
  readonly elements: Record<string, SceneElement> = {};
  readonly roots: string[] = [];
  readonly links: Link[] = [];

  add(spec: ElementSpec): this {
    const name = spec.name ?? spec.id.split('/').pop() ?? spec.id;
    const el: SceneElement = { ...spec, name, children: [], pos };
    this.elements[el.id] = el;
    if (el.parent) this.elements[el.parent]?.children.push(el.id);
    else this.roots.push(el.id);
    return this;
  }

  link(kind: LinkKind, a: string, b: string, label?: string): this {
    const link: Link = { id: `${kind}:${a}--${b}`, kind, a, b, pos };
    if (label !== undefined) link.label = label;
    this.links.push(link);
    return this;
  }

  build(id: string, title: string, summary: string): Scene {
    return {
      id,
      title,
      summary,
      file: `scenes/${id}.yaml`,
      elements: this.elements,
      roots: this.roots,
      links: this.links,
      packets: [],
      steps: [],
    };
  }
}

const rows = (...r: [string, string][]): TableRow[] => r.map(([id, text]) => ({ id, text }));

/** scenes/same-node-bridge.yaml as the loader would resolve it. */
export function sameNodeBridge(): Scene {
  const b = new SceneBuilder();
  b.add({ id: 'node1', kind: 'node', label: ['node1 (192.168.1.10)'], ip: '192.168.1.10' })
    .add({ id: 'pod-a', kind: 'pod', parent: 'node1', label: ['pod-a 10.244.1.2'] })
    .add({
      id: 'pod-a/eth0', kind: 'device', type: 'veth', parent: 'pod-a',
      label: ['eth0', '10.244.1.2/24'], ip: '10.244.1.2/24', mac: '0a:58:0a:f4:01:02',
    })
    .add({
      id: 'pod-a/routes', kind: 'table', type: 'routes', parent: 'pod-a', beside: 'pod-a/eth0',
      label: ['pod-a routes'],
      rows: rows(['default', 'default via 10.244.1.1 dev eth0'], ['local', '10.244.1.0/24 dev eth0 scope link']),
    })
    .add({ id: 'pod-b', kind: 'pod', parent: 'node1', label: ['pod-b 10.244.1.3'] })
    .add({
      id: 'pod-b/eth0', kind: 'device', type: 'veth', parent: 'pod-b',
      label: ['eth0', '10.244.1.3/24'], ip: '10.244.1.3/24', mac: '0a:58:0a:f4:01:03',
    })
    .add({ id: 'node1/veth3a9f', kind: 'device', type: 'veth', parent: 'node1', label: ['veth3a9f'] })
    .add({ id: 'node1/veth8d01', kind: 'device', type: 'veth', parent: 'node1', label: ['veth8d01'] })
    .add({
      id: 'node1/cni0', kind: 'device', type: 'bridge', parent: 'node1',
      label: ['cni0 (bridge)', '10.244.1.1/24'], ip: '10.244.1.1/24', mac: '0a:58:0a:f4:01:01',
    })
    .add({
      id: 'node1/fdb', kind: 'table', type: 'fdb', parent: 'node1', beside: 'node1/cni0',
      label: ['cni0 forwarding database'],
      rows: rows(
        ['pod-a', '0a:58:0a:f4:01:02 dev veth3a9f master cni0'],
        ['pod-b', '0a:58:0a:f4:01:03 dev veth8d01 master cni0'],
      ),
    })
    .link('veth', 'pod-a/eth0', 'node1/veth3a9f')
    .link('veth', 'pod-b/eth0', 'node1/veth8d01')
    .link('bridge-port', 'node1/veth3a9f', 'node1/cni0')
    .link('bridge-port', 'node1/veth8d01', 'node1/cni0');
  return b.build(
    'same-node-bridge',
    'Pod to pod on the same node',
    'Pod A pings pod B on its own node. The cni0 bridge switches the frames; nothing is routed.',
  );
}

/** One Flannel node: pod, host veth, cni0, flannel.1, eth0 and a routing table beside flannel.1. */
function addFlannelNode(b: SceneBuilder, n: 1 | 2, pod: string, podIp: string, veth: string): void {
  const node = `node${n}`;
  const other = n === 1 ? 2 : 1;
  b.add({ id: node, kind: 'node', label: [`${node} (192.168.1.${9 + n})`], ip: `192.168.1.${9 + n}` })
    .add({ id: pod, kind: 'pod', parent: node, label: [`${pod} ${podIp}`] })
    .add({ id: `${pod}/eth0`, kind: 'device', type: 'veth', parent: pod, label: ['eth0', podIp], ip: `${podIp}/24` })
    .add({ id: `${node}/${veth}`, kind: 'device', type: 'veth', parent: node, label: [veth] })
    .add({
      id: `${node}/cni0`, kind: 'device', type: 'bridge', parent: node,
      label: ['cni0 (bridge)', `10.244.${n}.1/24`],
    })
    .add({
      id: `${node}/flannel.1`, kind: 'device', type: 'vxlan', parent: node,
      label: ['flannel.1 (VTEP)', `10.244.${n}.0`],
    })
    .add({
      id: `${node}/eth0`, kind: 'device', type: 'nic', parent: node,
      label: ['eth0 (NIC)', `192.168.1.${9 + n}`], ip: `192.168.1.${9 + n}/24`,
    })
    .add({
      id: `${node}/routes`, kind: 'table', type: 'routes', parent: node, beside: `${node}/flannel.1`,
      label: ['routing table'],
      rows: rows(
        ['local', `10.244.${n}.0/24 dev cni0`],
        ['remote', `10.244.${other}.0/24 via 10.244.${other}.0 dev flannel.1 onlink`],
      ),
    })
    .link('veth', `${pod}/eth0`, `${node}/${veth}`)
    .link('bridge-port', `${node}/${veth}`, `${node}/cni0`);
  // Node 2's stack links are written bottom-up so the tests see both orientations.
  if (n === 1) b.link('stack', `${node}/cni0`, `${node}/flannel.1`).link('stack', `${node}/flannel.1`, `${node}/eth0`);
  else b.link('stack', `${node}/eth0`, `${node}/flannel.1`).link('stack', `${node}/flannel.1`, `${node}/cni0`);
}

/** Two nodes side by side, Flannel VXLAN, like target-cross-node.png. */
export function crossNode(): Scene {
  const b = new SceneBuilder();
  addFlannelNode(b, 1, 'pod-a', '10.244.1.2', 'veth3a9f');
  addFlannelNode(b, 2, 'pod-b', '10.244.2.5', 'veth71c2');
  b.link('wire', 'node1/eth0', 'node2/eth0', 'VXLAN/UDP 8472');
  return b.build('cross-node', 'Pod to pod across nodes (VXLAN)', 'Pod A on node 1 pings pod B on node 2 through flannel.1.');
}

/** crossNode plus an external client wired to node 1's NIC, like target-nodeport.png. */
export function crossNodeWithClient(): Scene {
  const b = new SceneBuilder();
  b.add({ id: 'client', kind: 'external', label: ['external client', '203.0.113.7'], ip: '203.0.113.7' });
  addFlannelNode(b, 1, 'pod-a', '10.244.1.2', 'veth3a9f');
  addFlannelNode(b, 2, 'pod-b', '10.244.2.5', 'veth71c2');
  b.link('wire', 'node1/eth0', 'node2/eth0', 'VXLAN/UDP 8472');
  b.link('wire', 'client', 'node1/eth0', 'NodePort 192.168.1.10:30080');
  return b.build(
    'cross-node-client',
    'NodePort from an external client',
    'An external client reaches a pod on node 2 through node 1\'s NodePort.',
  );
}

/** One node, two pods straight on the bridge, an upstream server to the right: like target-dns.png. */
export function dnsViaCoreDns(): Scene {
  const b = new SceneBuilder();
  b.add({ id: 'node1', kind: 'node', label: ['node1 (192.168.1.10)'] })
    .add({ id: 'client', kind: 'pod', parent: 'node1', label: ['client pod 10.244.1.2'] })
    .add({ id: 'client/eth0', kind: 'device', type: 'veth', parent: 'client', label: ['eth0', '10.244.1.2'] })
    .add({
      id: 'client/resolv', kind: 'table', type: 'resolv', parent: 'client', beside: 'client/eth0',
      label: ['resolv.conf'],
      rows: rows(
        ['ns', 'nameserver 10.96.0.10'],
        ['search', 'search default.svc.cluster.local svc.cluster.local cluster.local'],
        ['ndots', 'options ndots:5'],
      ),
    })
    .add({ id: 'coredns', kind: 'pod', parent: 'node1', label: ['CoreDNS pod 10.244.1.9'] })
    .add({ id: 'coredns/eth0', kind: 'device', type: 'veth', parent: 'coredns', label: ['eth0', '10.244.1.9'] })
    .add({ id: 'node1/cni0', kind: 'device', type: 'bridge', parent: 'node1', label: ['cni0 (bridge)', '10.244.1.1/24'] })
    .add({ id: 'node1/kube-proxy', kind: 'process', parent: 'node1', label: ['kube-proxy'] })
    .add({
      id: 'node1/nat', kind: 'table', type: 'iptables', parent: 'node1', beside: 'node1/cni0',
      label: ['iptables -t nat'],
      rows: rows(['svc', 'KUBE-SERVICES 10.96.0.10:53 -> KUBE-SVC-TCOU'], ['sep', 'KUBE-SEP-X DNAT to 10.244.1.9:53']),
    })
    .add({ id: 'upstream', kind: 'external', label: ['upstream DNS', '8.8.8.8:53'] })
    .link('bridge-port', 'client/eth0', 'node1/cni0', '1) query 10.96.0.10:53')
    .link('bridge-port', 'node1/cni0', 'coredns/eth0', '2) DNAT to 10.244.1.9:53')
    .link('wire', 'coredns/eth0', 'upstream', '3) forward (cache miss)')
    .link('socket', 'node1/kube-proxy', 'node1/nat');
  return b.build('dns', 'DNS via CoreDNS', 'The client pod asks kube-dns; CoreDNS forwards a name it does not know.');
}

export const fixtures: Record<string, () => Scene> = {
  'same-node-bridge': sameNodeBridge,
  'cross-node': crossNode,
  'cross-node-client': crossNodeWithClient,
  dns: dnsViaCoreDns,
};
