// Builds the target scenes on this machine's kernel. Runs wherever it can
// (root, Linux, the tools); where it cannot, it says why, and with
// KUBEHOP_VERIFY=1 (set by CI) that is a failure rather than a pass.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../src/cli/verify.ts';
import { hostProblems, thisHost } from '../../src/verify/host.ts';

const problems = hostProblems(thisHost());
const required = process.env.KUBEHOP_VERIFY === '1';

async function verify(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, lines: out, err: err.join('\n') };
}
/** A scratch copy of a bundled scene with one edit (the edit must apply), under the scene's own file name. */
function mutated(id: string, from: string | RegExp, to: string): string {
  const text = readFileSync(`scenes/${id}.yaml`, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`scenes/${id}.yaml no longer contains ${String(from)}: update this test's mutation`);
  const dir = mkdtempSync(join(tmpdir(), 'kubehop-mutated-'));
  writeFileSync(join(dir, `${id}.yaml`), edited);
  return join(dir, `${id}.yaml`);
}
type JsonStep = { index: number; status: string; mismatches?: { field: string; scene: unknown; kernel: unknown }[] };
const jsonSteps = (lines: string[]) => (JSON.parse(lines.join('\n')) as { scenes: { steps: JsonStep[] }[] }).scenes[0]!.steps;
const firstBad = (steps: JsonStep[]) => steps.find((s) => s.status === 'differs' || s.status === 'missing')!;
const ours = () => spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.startsWith('kh-'));

describe('kubehop verify on this machine’s kernel', () => {
  if (problems.length > 0) {
    it(`cannot run here (${problems.join('; ')})`, () => {
      console.warn(`verify-kernel: not run: ${problems.join('; ')}`);
      expect(required ? problems : [], 'KUBEHOP_VERIFY=1: this machine must be able to run verify').toEqual([]);
    });
    return;
  }
  const before = ours();

  it('same-node-bridge: every step ✓, and its namespaces are gone afterwards', async () => {
    const r = await verify('scenes/same-node-bridge.yaml');
    expect(r.lines[0]).toMatch(/: same-node-bridge on Linux \S+: 20 of 20 steps ✓$/);
    expect(r.code).toBe(0);
    expect(ours()).toEqual(before);
  });

  it('cross-node-vxlan: every step ✓, the VXLAN source port by rule', async () => {
    const r = await verify('scenes/cross-node-vxlan.yaml');
    expect(r.lines[0]).toMatch(/: cross-node-vxlan on Linux \S+: 20 of 20 steps ✓$/);
    expect(r.lines.filter((l) => l.includes('udp.sport') && l.includes('chosen by the kernel'))).toHaveLength(4);
    expect(r.code).toBe(0);
  });

  it('a copy with a changed MAC fails at the step that shows it; one without a route op where the kernel routes', async () => {
    const mac = await verify('tests/fixtures/verify/same-node-bridge-wrong-mac.yaml');
    expect(mac.code).toBe(1);
    expect(mac.lines.slice(1).find((l) => l.includes('✗'))).toBe(' 11  ping  pod-a/eth0      ✗ eth.dst: scene 0a:58:0a:f4:01:01, kernel 0a:58:0a:f4:01:03');
    const route = await verify('--json', 'tests/fixtures/verify/cross-node-vxlan-no-route.yaml');
    expect(route.code).toBe(1);
    const steps = (JSON.parse(route.lines.join('\n')) as { scenes: { steps: { index: number; status: string; mismatches?: { field: string }[] }[] }[] }).scenes[0]!.steps;
    const bad = steps.find((s) => s.status !== 'ok')!;
    expect(bad.index + 1).toBe(4);
    expect(bad.mismatches!.map((m) => m.field)).toEqual(['eth.src', 'eth.dst', 'ipv4.ttl']);
  });

  it('clusterip-dnat and clusterip-same-node: TCP through kube-proxy’s DNAT, every step ✓ but those one tcpdump tap cannot tell apart', async () => {
    const r = await verify('scenes/clusterip-dnat.yaml', 'scenes/clusterip-same-node.yaml');
    const heads = r.lines.filter((l) => l.includes(' on Linux '));
    expect(heads[0]).toMatch(/: clusterip-dnat on Linux \S+: 16 of 18 steps ✓, 2 not verified$/);
    expect(heads[1]).toMatch(/: clusterip-same-node on Linux \S+: 8 of 11 steps ✓, 3 not verified$/);
    expect(r.lines.filter((l) => l.includes('not verified:')).every((l) => /tcpdump on node1\/cni0 sees this packet once, as step \d+ shows it/.test(l))).toBe(true);
    // The scene's conntrack rows against conntrack -L after the run.
    expect(r.lines).toContain('    ✓ node1/conntrack: tcp 10.244.1.2:40312 → 10.96.0.20:80  reply: 10.244.2.5:8080 → 10.244.1.2:40312');
    expect(r.lines).toContain('    ✓ node1/conntrack: tcp 10.244.1.2:40312 → 10.96.0.20:80  reply: 10.244.1.3:8080 → 10.244.1.2:40312');
    expect(r.code).toBe(0);
  });

  it('dns-service: glibc’s lookup through the scene’s resolv.conf, A and AAAA, answered by the run’s server; the resolv.conf is gone afterwards', async () => {
    const r = await verify('scenes/dns-service.yaml');
    expect(r.lines[0]).toMatch(/: dns-service on Linux \S+: 16 of 20 steps ✓, 4 not verified$/);
    expect(r.lines.filter((l) => l.includes('not verified:')).every((l) => /tcpdump on node1\/cni0 sees this packet once, as step \d+ shows it/.test(l))).toBe(true);
    expect(r.lines.filter((l) => /udp\.sport \d+ chosen by the kernel \(the scene shows 43001\)/.test(l)).length).toBeGreaterThan(4);
    expect(r.lines).toContain('    ✓ node1/conntrack: udp 10.244.1.2:43001 → 10.96.0.10:53  reply: 10.244.1.9:53 → 10.244.1.2:43001');
    expect(r.lines.find((l) => l.startsWith('  sent: getent ahosts web in app'))).toMatch(/answered \(10\.96\.0\.20 STREAM web\.default\.svc\.cluster\.local/);
    expect(r.code).toBe(0);
    expect(ours()).toEqual(before);
    expect(existsSync('/etc/netns') ? readdirSync('/etc/netns').filter((d) => d.startsWith('kh-')) : []).toEqual([]);
  });

  it('a copy of dns-service without its first search domain fails at step 1 saying which name glibc asked; one with another A record says the address is taken, not checked', async () => {
    const search = mutated('dns-service', 'search default.svc.cluster.local svc.cluster.local cluster.local', 'search svc.cluster.local cluster.local');
    const record = mutated('dns-service', 'IN A 10.96.0.20] } }', 'IN A 10.96.0.21] } }');
    try {
      const s = await verify(search);
      expect(s.code).toBe(1);
      expect(s.lines[1]).toBe('  1  query-a     app/eth0        ✗ dns.qname: scene web.default.svc.cluster.local, kernel web.svc.cluster.local');
      expect(s.lines[2]).toMatch(/why: glibc asked web\.svc\.cluster\.local, not web\.default\.svc\.cluster\.local: the names it tries come from app\/resolv \(search svc\.cluster\.local cluster\.local; options ndots:5\)/);
      const a = await verify(record);
      expect(a.code).toBe(0);
      expect(a.lines).toContain("  note: coredns serves web.default.svc.cluster.local A 10.96.0.21 as the scene's own answer shows it (no other table of the scene holds that address): the address is taken, not checked; the name, type, TTL and rcode are");
    } finally {
      for (const f of [search, record]) rmSync(join(f, '..'), { recursive: true, force: true });
    }
  });

  it('dns-external: CoreDNS’s forward, sent by glibc from its namespace through the node’s resolv.conf, masqueraded to the upstream and answered; its conntrack row', async () => {
    const r = await verify('scenes/dns-external.yaml');
    expect(r.lines[0]).toMatch(/: dns-external on Linux \S+: 8 of 20 steps ✓, 12 not verified$/);
    expect(r.lines).toContain('    ✓ node1/conntrack: udp 10.244.1.9:38211 → 192.168.1.1:53  reply: 192.168.1.1:53 → 192.168.1.10:38211');
    expect(r.code).toBe(0);
  });

  it('coredns-down: the query rejected with the ICMP error the scene shows; after step 7 swaps the REJECT for kube-dns’s DNAT, the new query answered', async () => {
    const r = await verify('scenes/coredns-down.yaml');
    expect(r.lines[0]).toMatch(/: coredns-down on Linux \S+: 14 of 16 steps ✓, 2 not verified$/);
    // Only the two hops one tcpdump tap on cni0 cannot tell apart (the DNAT and the un-DNAT) are not verified.
    expect(r.lines.filter((l) => l.includes('not verified:')).every((l) => /tcpdump on node1\/cni0 sees this packet once/.test(l))).toBe(true);
    expect(r.lines).toContain('  sent: getent ahostsv4 web in app (glibc\'s resolver, through the scene\'s resolv.conf): exit 2');
    expect(r.lines.filter((l) => l.startsWith('  sent: getent ahostsv4 web in app')).at(-1)).toMatch(/answered \(10\.96\.0\.20 STREAM web\.default\.svc\.cluster\.local/);
    expect(r.code).toBe(0);
  });

  it('a copy of coredns-down whose fix points kube-dns’s DNAT at the wrong port fails at the DNAT step, with the frame the kernel sent', async () => {
    const port = mutated('coredns-down', 'DNAT to 10.244.1.9:53"', 'DNAT to 10.244.1.9:5353"');
    try {
      const p = await verify(port);
      expect(p.code).toBe(1);
      expect(p.lines[0]).toMatch(/coredns-down on Linux \S+: 8 of 16 steps ✓, 8 ✗ \(first at step 9\)$/);
      expect(p.lines.slice(1).find((l) => l.includes('✗'))).toMatch(/^ {2}9 {2}query-again {2}node1\/cni0 +✗ no eth \/ ipv4 \/ udp \/ dns frame on node1\/cni0 \(the kernel sent there: .*IP 10\.244\.1\.2 > 10\.244\.1\.9 ttl 64 \| UDP \d+ > 5353/);
    } finally {
      rmSync(join(port, '..'), { recursive: true, force: true });
    }
  });

  it('--keep leaves the namespaces and the pod’s resolv.conf, and says what to delete by hand', async () => {
    const r = await verify('--keep', 'scenes/coredns-down.yaml');
    const kept = /kept namespaces: (\S+) (\S+) (\S+) \(ip netns del each to remove\); kept resolv\.conf under (\/etc\/netns\/kh-[0-9a-f]+-app) \(rm -r each to remove(, then rmdir \/etc\/netns)?\)/.exec(r.err);
    expect(kept, r.err).not.toBeNull();
    try {
      expect([...ours()].sort()).toEqual([...before, kept![1]!, kept![2]!, kept![3]!].sort());
      expect(readFileSync(`${kept![4]}/resolv.conf`, 'utf8')).toContain('search default.svc.cluster.local svc.cluster.local cluster.local');
    } finally {
      for (const ns of kept!.slice(1, 4)) spawnSync('ip', ['netns', 'del', ns!]);
      rmSync(kept![4]!, { recursive: true, force: true });
      if (kept![5]) rmdirSync('/etc/netns');
    }
    expect(ours()).toEqual(before);
  });

  it('cilium-socket-lb: the socket rewrite not verified, the packets after it, sent straight to the backend, all ✓', async () => {
    const r = await verify('scenes/cilium-socket-lb.yaml');
    expect(r.lines[0]).toMatch(/: cilium-socket-lb on Linux \S+: 12 of 15 steps ✓, 3 not verified$/);
    expect(r.lines.slice(1, 3).every((l) => l.includes('not verified: eBPF socket rewrite, not reproduced'))).toBe(true);
    expect(r.code).toBe(0);
  });

  it('service-no-endpoints: the REJECT rule as the scene prints it answers with the ICMP error the scene shows, quote and all; after the fix the SYN reaches pod B', async () => {
    const r = await verify('scenes/service-no-endpoints.yaml');
    expect(r.lines[0]).toMatch(/: service-no-endpoints on Linux \S+: 10 of 12 steps ✓, 2 not verified$/);
    expect(r.lines.slice(1, 9).every((l) => l.endsWith('✓'))).toBe(true);
    expect(r.lines.slice(11, 13).every((l) => l.endsWith('✓'))).toBe(true);
    expect(r.lines).toContain('  sent: TCP connection to 10.96.0.20:80 from pod-a/eth0 port 40312: exit 1 (connect ECONNREFUSED 10.96.0.20:80 - Local (0.0.0.0:40312))');
    expect(r.code).toBe(0);
  });

  it('nodeport-local: a client outside the cluster reaches the NodePort through KUBE-NODEPORTS, with no SNAT', async () => {
    const r = await verify('scenes/nodeport-local.yaml');
    expect(r.lines[0]).toMatch(/: nodeport-local on Linux \S+: 11 of 12 steps ✓, 1 not verified$/);
    expect(r.code).toBe(0);
  });

  it('a copy of clusterip-dnat with the DNAT port changed fails at the DNAT step; one without its route op at the routed hop', async () => {
    const port = mutated('clusterip-dnat', 'dnat: { to: pod-c/eth0, port: 8080 }', 'dnat: { to: pod-c/eth0, port: 8081 }');
    const route = mutated('clusterip-dnat', /\n {4}ops: \[\{ route: \{ dev: node1\/eth0, via: node2\/eth0 \} \}\]/, '');
    try {
      const p = await verify('--json', port);
      expect(p.code).toBe(1);
      expect(firstBad(jsonSteps(p.lines))).toMatchObject({ index: 4, status: 'differs', mismatches: [{ field: 'tcp.dport', scene: 8081, kernel: 8080 }] });
      const n = await verify('--json', route);
      expect(n.code).toBe(1);
      const bad = firstBad(jsonSteps(n.lines));
      expect(bad.index + 1).toBe(6);
      expect(bad.mismatches!.map((m) => m.field)).toEqual(['eth.src', 'eth.dst', 'ipv4.ttl']);
    } finally {
      for (const f of [port, route]) rmSync(join(f, '..'), { recursive: true, force: true });
    }
    expect(ours()).toEqual(before);
  });

  it('nodeport: client, node 1 and node 2 on one switch; kube-proxy’s mark and KUBE-POSTROUTING masquerade as the scene shows', async () => {
    const r = await verify('scenes/nodeport.yaml');
    expect(r.lines[0]).toMatch(/: nodeport on Linux \S+: 15 of 16 steps ✓, 1 not verified$/);
    expect(r.code).toBe(0);
    expect(ours()).toEqual(before);
  });

  it('a copy of nodeport whose KUBE-EXT row no longer jumps to KUBE-MARK-MASQ is not masqueraded: ✗ where node 2 first sees the source', async () => {
    const unmarked = mutated('nodeport', 'KUBE-EXT-RKPZ5Y5M: → KUBE-MARK-MASQ (mark 0x4000), → KUBE-SVC-RKPZ5Y5M', 'KUBE-EXT-RKPZ5Y5M: → KUBE-SVC-RKPZ5Y5M');
    try {
      const u = await verify('--json', unmarked);
      expect(u.code).toBe(1);
      expect(firstBad(jsonSteps(u.lines))).toMatchObject({ index: 5, status: 'differs', mismatches: [{ field: 'ipv4.src', scene: '192.168.1.10', kernel: '192.168.1.50' }] });
    } finally {
      rmSync(join(unmarked, '..'), { recursive: true, force: true });
    }
  });

  it('calico-bgp: the pod reaches 169.254.1.1 by the cali veth’s proxy ARP, across the route BIRD would install; every ping step ✓', async () => {
    const r = await verify('scenes/calico-bgp.yaml');
    expect(r.lines[0]).toMatch(/: calico-bgp on Linux \S+: 12 of 17 steps ✓, 5 not verified$/);
    expect(r.lines.filter((l) => l.includes('not verified:')).every((l) => l.includes('BGP sessions are not run here'))).toBe(true);
    expect(r.code).toBe(0);
  });

  it('networkpolicy-deny: as drawn (abridged rows) ✓ up to the drop; with Felix’s DROP as iptables -S prints it, the drop too, and one on the wrong veth fails there', async () => {
    const asDrawn = await verify('scenes/networkpolicy-deny.yaml');
    expect(asDrawn.lines[0]).toMatch(/: networkpolicy-deny on Linux \S+: 4 of 16 steps ✓, 12 not verified$/);
    expect(asDrawn.code).toBe(0);
    const row = /- \{ id: tw-drop, text: .*\}/;
    const rule = (dev: string) => `- { id: tw-drop, text: '-A FORWARD -o ${dev} -m mark --mark 0x0/0x20000 -m comment --comment "Drop if no policies passed packet" -j DROP' }`;
    const felix = mutated('networkpolicy-deny', row, rule('cali7f8e9d0c1b2'));
    const wrong = mutated('networkpolicy-deny', row, rule('cali1a2b3c4d5e6'));
    try {
      const f = await verify(felix);
      expect(f.lines[0]).toMatch(/: networkpolicy-deny on Linux \S+: 5 of 16 steps ✓, 11 not verified$/);
      expect(f.lines).toContain('                                         dropped: the kernel sent nothing of this flow out of node2/cali7f8e9d0c1b2');
      expect(f.code).toBe(0);
      const w = await verify('--json', wrong);
      expect(w.code).toBe(1);
      expect(firstBad(jsonSteps(w.lines))).toMatchObject({ index: 4, status: 'differs', mismatches: [{ field: 'dropped', scene: 'dropped before node2/cali7f8e9d0c1b2' }] });
    } finally {
      for (const x of [felix, wrong]) rmSync(join(x, '..'), { recursive: true, force: true });
    }
    expect(ours()).toEqual(before);
  });

  it('Ctrl+C mid-run stops it, removes its namespaces and exits 130', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/verify/cli.ts', 'scenes/cross-node-vxlan.yaml'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    child.stderr.on('data', (d: Buffer) => (said += d.toString()));
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    // Interrupt once its first namespace exists: the build is under way.
    while (ours().length === before.length && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
    expect(child.exitCode, `it ended before building anything: ${said}`).toBeNull();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(said).toContain('interrupted by SIGINT');
    expect(ours()).toEqual(before);
  });
});
