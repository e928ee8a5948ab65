// Each bundled scene checked against the networking facts the kernel and Kubernetes hold to,
// computed from the derived steps (the golden traces pin every value; these
// tests say which values matter, and why).
import { describe, expect, it } from 'vitest';
import { first, load } from './scene-facts-load.ts';
import type { Header } from '../../src/scene/model.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

const layers = (s: DerivedStep) => s.headers.map((h) => h.layer);
function inner<L extends Header['layer']>(s: DerivedStep, layer: L): Extract<Header, { layer: L }> {
  return [...s.headers].reverse().find((h) => h.layer === layer) as Extract<Header, { layer: L }>;
}
const delivered = (steps: DerivedStep[], at: string) => steps.filter((s) => s.at === at && s.ops.includes('deliver'));

describe('cross-node VXLAN (Flannel)', () => {
  const { steps, mac, ip } = load('cross-node-vxlan');
  const wrapped = steps.filter((s) => layers(s).includes('vxlan'));
  it('routes at node 1 into flannel.1: TTL 63, inner Ethernet flannel.1 → remote flannel.1', () => {
    const routed = steps.find((s) => s.at === 'node1/flannel.1' && s.ops.includes('route'))!;
    expect(first(routed, 'ipv4').ttl).toBe(63);
    expect(first(routed, 'eth')).toMatchObject({ src: mac('node1/flannel.1'), dst: mac('node2/flannel.1') });
  });
  it('wraps in outer Ethernet/IPv4 (TTL 64)/UDP 8472/VXLAN VNI 1 between the nodes', () => {
    const out = wrapped.find((s) => s.ops.includes('encap') && s.at === 'node1/eth0')!;
    expect(layers(out)).toEqual(['eth', 'ipv4', 'udp', 'vxlan', 'eth', 'ipv4', 'icmp']);
    expect(out.headers[0]).toMatchObject({ src: mac('node1/eth0'), dst: mac('node2/eth0') });
    expect(out.headers[1]).toMatchObject({ src: ip('node1/eth0'), dst: ip('node2/eth0'), ttl: 64 });
    expect(out.headers[2]).toMatchObject({ dport: 8472 });
    expect(out.headers[3]).toEqual({ layer: 'vxlan', vni: 1 });
  });
  it('the outer source port is the same for every packet of one direction of the flow', () => {
    const requests = wrapped.filter((s) => inner(s, 'icmp').type === 'echo-request');
    expect(new Set(requests.map((s) => first(s, 'udp').sport)).size).toBe(1);
  });
  it('node 2 routes the unwrapped packet into cni0: TTL 62, Ethernet cni0 → pod C', () => {
    const [got] = delivered(steps, 'pod-c/eth0');
    expect(layers(got!)).toEqual(['eth', 'ipv4', 'icmp']);
    expect(first(got!, 'ipv4').ttl).toBe(62);
    expect(first(got!, 'eth')).toMatchObject({ src: mac('node2/cni0'), dst: mac('pod-c/eth0') });
  });
});

describe('Calico BGP', () => {
  const { steps, mac, ip } = load('calico-bgp');
  it('announces the /26 block with NEXT_HOP = the node IP, over the TCP session node 2 opened to node 1:179', () => {
    const update = steps.find((s) => s.packet === 'update')!;
    expect(first(update, 'bgp')).toMatchObject({ type: 'UPDATE', prefix: '10.244.72.0/26', nextHop: ip('node2/eth0') });
    // Calico's mesh: a node is passive towards a peer whose address sorts higher, so 192.168.1.11 connects to 192.168.1.10.
    expect(first(update, 'tcp').dport).toBe(179);
    expect(first(update, 'tcp').sport).toBeGreaterThanOrEqual(32768);
  });
  it('the pod sends to the proxy-ARP MAC of its cali veth; nothing is encapsulated; TTL 63 on the wire, 62 at the pod', () => {
    expect(first(steps.find((s) => s.packet === 'ping')!, 'eth').dst).toBe(mac('node1/cali1a2b3c4d5e6'));
    for (const s of steps) expect(layers(s)).not.toContain('vxlan');
    const wire = steps.find((s) => s.packet === 'ping' && s.at === 'node2/eth0')!;
    expect(first(wire, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-c/eth0'), ttl: 63 });
    expect(first(wire, 'eth')).toMatchObject({ src: mac('node1/eth0'), dst: mac('node2/eth0') });
    expect(first(delivered(steps, 'pod-c/eth0')[0]!, 'ipv4').ttl).toBe(62);
  });
});

describe('ClusterIP DNAT', () => {
  const { steps, ip } = load('clusterip-dnat');
  it('DNATs on the client’s own node, and the endpoint sees the client pod’s own IP', () => {
    expect(steps.find((s) => s.ops.includes('dnat'))!.at.startsWith('node1/')).toBe(true);
    const got = delivered(steps, 'pod-c/eth0')[0]!;
    expect(first(got, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-c/eth0') });
    expect(first(got, 'tcp').dport).toBe(8080);
  });
  it('the client only ever sees the ClusterIP', () => {
    const back = delivered(steps, 'pod-a/eth0')[0]!;
    expect(first(back, 'ipv4').src).toBe('10.96.0.20');
    expect(first(back, 'tcp')).toMatchObject({ sport: 80, flags: 'SYN,ACK' });
  });
});

describe('ClusterIP, same-node endpoint with br_netfilter', () => {
  const { steps, mac } = load('clusterip-same-node');
  it('is bridged, not routed: the endpoint gets TTL 64 and the client’s source MAC', () => {
    expect(steps.some((s) => s.ops.includes('route'))).toBe(false);
    const got = delivered(steps, 'pod-b/eth0')[0]!;
    expect(first(got, 'ipv4').ttl).toBe(64);
    expect(first(got, 'eth')).toMatchObject({ src: mac('pod-a/eth0'), dst: mac('pod-b/eth0') });
  });
  it('the reply is un-DNATed inside the bridge', () => {
    const undo = steps.find((s) => s.ops.includes('undnat'))!;
    expect(undo.at).toBe('node1/cni0');
    expect(undo.ops).toContain('bridge');
    expect(first(delivered(steps, 'pod-a/eth0')[0]!, 'ipv4').src).toBe('10.96.0.20');
  });
});

describe('NodePort', () => {
  it('externalTrafficPolicy Cluster: masqueraded, so the remote backend sees node 1; the client sees nodeIP:nodePort answer', () => {
    const { steps, ip } = load('nodeport');
    expect(first(delivered(steps, 'pod-c/eth0')[0]!, 'ipv4').src).toBe(ip('node1/eth0'));
    const back = delivered(steps, 'client')[0]!;
    expect(first(back, 'ipv4')).toMatchObject({ src: ip('node1/eth0'), dst: '192.168.1.50' });
    expect(first(back, 'tcp').sport).toBe(30080);
  });
  it('externalTrafficPolicy Local: the pod sees the client’s own address', () => {
    const { steps } = load('nodeport-local');
    expect(steps.some((s) => s.ops.includes('masquerade'))).toBe(false);
    expect(first(delivered(steps, 'pod-c/eth0')[0]!, 'ipv4').src).toBe('192.168.1.50');
  });
});

describe('DNS', () => {
  it('a short Service name: first search domain, A and AAAA from one socket, answered from the ClusterIP', () => {
    const { steps } = load('dns-service');
    const queries = steps.filter((s) => s.index === steps.findIndex((t) => t.packet === s.packet));
    expect(queries.map((s) => first(s, 'dns'))).toMatchObject([
      { qname: 'web.default.svc.cluster.local', qtype: 'A' },
      { qname: 'web.default.svc.cluster.local', qtype: 'AAAA' },
    ]);
    expect(new Set(queries.map((s) => first(s, 'udp').sport)).size).toBe(1);
    expect(first(queries[0]!, 'ipv4').dst).toBe('10.96.0.10');
    const answers = delivered(steps, 'app/eth0');
    expect(answers.map((s) => first(s, 'ipv4').src)).toEqual(['10.96.0.10', '10.96.0.10']);
    expect(first(answers[0]!, 'dns')).toMatchObject({ rcode: 'NOERROR', answers: ['web.default.svc.cluster.local. 30 IN A 10.96.0.20'] });
  });
  it('a kubeadm cluster answers with the TTL its Corefile’s kubernetes block sets (30), not the plugin’s default 5', () => {
    const { steps, scene } = load('dns-service');
    const ttlRow = scene.elements['coredns/corefile']!.rows!.find((r) => /^\s*ttl \d+$/.test(r.text))!;
    const blockTtl = Number(ttlRow.text.trim().split(' ')[1]);
    expect(blockTtl).toBe(30);
    const [a] = delivered(steps, 'app/eth0');
    const ttls = first(a!, 'dns').answers!.map((rr) => Number(rr.split(/\s+/)[1]));
    expect(ttls.length).toBeGreaterThan(0);
    for (const t of ttls) expect(t).toBe(blockTtl);
    // The answer that carries the TTL is the one the step lighting the ttl row produced.
    const lit = steps.find((s) => s.tables?.['coredns/corefile']?.some((r) => r.id === ttlRow.id && r.lit))!;
    expect(lit.ops).toContain('dns-answer');
  });
  it('the AAAA half is NODATA, yet the lookup ends at the first search domain: the A half of the pair had an answer', () => {
    const { steps } = load('dns-service');
    const [a, aaaa] = delivered(steps, 'app/eth0').map((s) => first(s, 'dns'));
    expect(aaaa).toMatchObject({ qtype: 'AAAA', rcode: 'NOERROR', answers: [] });
    expect(a!.rcode).toBe('NOERROR');
    expect(a!.answers!.length).toBeGreaterThan(0);
    expect(new Set(steps.map((s) => first(s, 'dns').qname))).toEqual(new Set([a!.qname]));
  });
  it('an external name: three NXDOMAINs through the search list, in order, each from a new port, then the name itself', () => {
    const { steps } = load('dns-external');
    const tries = ['try-1', 'try-2', 'try-3', 'try-4'].map((p) => steps.filter((s) => s.packet === p));
    expect(tries.map((t) => first(t[0]!, 'dns').qname)).toEqual([
      'example.com.default.svc.cluster.local', 'example.com.svc.cluster.local', 'example.com.cluster.local', 'example.com',
    ]);
    expect(tries.map((t) => first(t.at(-1)!, 'dns').rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NOERROR']);
    // Each answer comes back to the port its try was sent from.
    expect(new Set(tries.map((t) => first(t.at(-1)!, 'udp').dport)).size).toBe(4);
  });
  it('CoreDNS’s forwarded query: veth → cni0 → routed out of eth0, masqueraded to node 1’s address, and back', () => {
    const { steps, ip, mac } = load('dns-external');
    const fwd = steps.filter((s) => s.packet === 'forward');
    expect(fwd.map((s) => s.at)).toEqual([
      'node1/veth5c1e', 'node1/cni0', 'node1/eth0', 'upstream', 'upstream',
      'node1/eth0', 'node1/cni0', 'node1/veth5c1e', 'coredns/eth0',
    ]);
    const [, , out, wire] = fwd;
    // Up to the masquerade the query carries the pod's own address.
    for (const s of fwd.slice(0, 2)) expect(first(s, 'ipv4').src).toBe(ip('coredns/eth0'));
    expect(fwd.filter((s) => s.ops.includes('masquerade'))).toEqual([out]);
    expect(first(wire!, 'ipv4')).toMatchObject({ src: ip('node1/eth0'), dst: ip('upstream'), ttl: 63 });
    expect(first(wire!, 'eth')).toMatchObject({ src: mac('node1/eth0'), dst: mac('upstream') });
    // conntrack's reply tuple points at the masqueraded source, which is where the answer is sent.
    const sport = first(wire!, 'udp').sport;
    expect(out!.tables!['node1/conntrack']![0]!.text).toMatch(new RegExp(`reply: .* → ${ip('node1/eth0').replace(/\./g, '\\.')}:${sport}`));
    const answer = fwd[4]!;
    expect(first(answer, 'ipv4')).toMatchObject({ src: ip('upstream'), dst: ip('node1/eth0') });
    const got = fwd.at(-1)!;
    expect(got.ops).toContain('deliver');
    expect(first(got, 'ipv4')).toMatchObject({ src: ip('upstream'), dst: ip('coredns/eth0'), ttl: 63 });
    expect(first(got, 'udp').dport).toBe(sport);
    expect(first(got, 'eth')).toMatchObject({ src: mac('node1/cni0'), dst: mac('coredns/eth0') });
  });
});

// Tables change over time: no table shows state before the step that creates it.
describe('tables over time', () => {
  const rowsAt = (s: DerivedStep, table: string) => (s.tables?.[table] ?? []).map((r) => r.id);
  const firstWith = (steps: DerivedStep[], pred: (s: DerivedStep) => boolean) => steps.findIndex(pred);

  it('ClusterIP: the conntrack entry is absent before the DNAT step and present from it, [UNREPLIED] until the reply', () => {
    const { steps } = load('clusterip-dnat');
    const dnat = firstWith(steps, (s) => s.ops.includes('dnat'));
    expect(dnat).toBeGreaterThan(0);
    for (const s of steps.slice(0, dnat)) expect(rowsAt(s, 'node1/conntrack')).toEqual([]);
    for (const s of steps.slice(dnat)) expect(rowsAt(s, 'node1/conntrack')).toEqual(['conn']);
    expect(steps[dnat]!.tables!['node1/conntrack']![0]).toMatchObject({ state: 'new', lit: true });
    const undnat = firstWith(steps, (s) => s.ops.includes('undnat'));
    for (const s of steps.slice(dnat, undnat)) expect(s.tables!['node1/conntrack']![0]!.text).toContain('[UNREPLIED]');
    expect(steps[undnat]!.tables!['node1/conntrack']![0]).toMatchObject({ state: 'changed', lit: true });
    expect(steps[undnat]!.tables!['node1/conntrack']![0]!.text).not.toContain('[UNREPLIED]');
  });

  it('every scene with conntrack creates the entry at its first DNAT, never before', () => {
    for (const name of ['clusterip-dnat', 'clusterip-same-node', 'nodeport', 'nodeport-local', 'dns-service']) {
      const { steps } = load(name);
      const dnat = firstWith(steps, (s) => s.ops.includes('dnat'));
      const table = Object.keys(steps[0]!.tables!).find((t) => t.endsWith('/conntrack'))!;
      expect(firstWith(steps, (s) => rowsAt(s, table).length > 0), name).toBe(dnat);
    }
  });

  it('NodePort: MASQUERADE rewrites the entry’s reply tuple to point at node 1', () => {
    const { steps } = load('nodeport');
    const dnat = firstWith(steps, (s) => s.ops.includes('dnat'));
    const masq = firstWith(steps, (s) => s.ops.includes('masquerade'));
    expect(steps[dnat]!.tables!['node1/conntrack']![0]!.text).toMatch(/reply: 10\.244\.2\.5:8080 → 192\.168\.1\.50:51515$/);
    expect(steps[masq]!.tables!['node1/conntrack']![0]).toMatchObject({ state: 'changed' });
    expect(steps[masq]!.tables!['node1/conntrack']![0]!.text).toMatch(/reply: 10\.244\.2\.5:8080 → 192\.168\.1\.10:51515$/);
  });

  it('same-node bridge: the FDB learns the SOURCE MAC of a frame arriving on a port', () => {
    const { steps, scene } = load('same-node-bridge');
    expect(rowsAt(steps[0]!, 'node1/fdb')).toEqual([]);
    const learnA = firstWith(steps, (s) => rowsAt(s, 'node1/fdb').includes('pod-a'));
    const learnB = firstWith(steps, (s) => rowsAt(s, 'node1/fdb').includes('pod-b'));
    // Learned where a frame from that MAC arrives at the bridge: the ARP request from pod A, the reply from pod B.
    const srcBefore = (k: number) => steps[k - 1]!.headers.find((h) => h.layer === 'eth')!;
    expect(steps[learnA]!.at).toBe('node1/cni0');
    expect(srcBefore(learnA)).toMatchObject({ src: scene.elements['pod-a/eth0']!.mac });
    expect(steps[learnB]!.at).toBe('node1/cni0');
    expect(srcBefore(learnB)).toMatchObject({ src: scene.elements['pod-b/eth0']!.mac });
    expect(learnB).toBeGreaterThan(learnA);
  });

  it('Calico: node 1 has no route to node 2’s block until BIRD installs the one the UPDATE carried', () => {
    const { steps } = load('calico-bgp');
    const installed = firstWith(steps, (s) => rowsAt(s, 'node1/routes').includes('node2'));
    const delivered = firstWith(steps, (s) => s.packet === 'update' && s.ops.includes('deliver'));
    expect(installed).toBeGreaterThan(delivered);
    expect(steps[installed]!.at).toBe('node1/bird');
    expect(installed).toBeLessThan(firstWith(steps, (s) => s.packet === 'ping'));
  });

  it('DNS: CoreDNS’s cache fills as answers pass back: the NXDOMAINs in its denial cache, the answer last', () => {
    const { steps } = load('dns-external');
    expect(rowsAt(steps[0]!, 'node1/cache')).toEqual([]);
    const answered = steps.filter((s) => s.at === 'coredns/eth0' && s.ops.includes('dns-answer'));
    expect(answered.map((s) => s.tables!['node1/cache']!.map((r) => `${r.id}:${r.state}`))).toEqual([
      ['denial:new'],
      ['denial:changed'],
      ['denial:changed'],
      ['denial:present', 'answer:new'],
    ]);
    const forward = steps.find((s) => s.packet === 'forward')!;
    expect(rowsAt(forward, 'node1/cache')).not.toContain('answer');
  });
});
