// The troubleshooting scenes where kube-proxy REJECTs traffic for a Service
// with no endpoints, checked against what the kernel and kube-proxy do,
// computed from the derived steps (the golden traces pin every value; these
// tests say which values matter, and why).
import { describe, expect, it } from 'vitest';
import { first, load } from './scene-facts-load.ts';
import type { IcmpHeader } from '../../src/scene/model.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

const rowsAt = (s: DerivedStep, table: string) => (s.tables?.[table] ?? []).map((r) => r.id);

/** The step that rejects, the packet it rejected as it arrived there, and the answer's steps. */
function rejection(steps: DerivedStep[]) {
  const at = steps.findIndex((s) => s.end?.how === 'reject');
  expect(at, 'a step rejects').toBeGreaterThan(0);
  const step = steps[at]!;
  const answer = step.end!.how === 'reject' ? step.end!.answer : '';
  return { at, step, answer: steps.filter((s) => s.packet === answer) };
}

/** The ICMP error quotes the original: its addresses and ports, its TTL as the FORWARD hook saw it. */
function expectQuotes(icmp: IcmpHeader, original: DerivedStep, protocol: 'tcp' | 'udp') {
  const ipv4 = first(original, 'ipv4');
  const l4 = first(original, protocol);
  expect(icmp).toMatchObject({ type: 'destination-unreachable', code: 'port-unreachable' });
  expect(icmp.quote).toEqual({ src: ipv4.src, dst: ipv4.dst, ttl: ipv4.ttl - 1, protocol, sport: l4.sport, dport: l4.dport });
}

describe('a Service with no endpoints: the SYN is REJECTed', () => {
  const { steps, mac, ip } = load('service-no-endpoints');
  const { at, step, answer } = rejection(steps);
  const fix = steps.findIndex((s) => rowsAt(s, 'node1/nat').includes('services'));

  it('rejects on the client’s own node, at cni0, with the filter rule that names the Service', () => {
    expect(step.at).toBe('node1/cni0');
    expect(step.end).toMatchObject({ how: 'reject', with: 'icmp-port-unreachable' });
    expect(step.highlight).toContainEqual({ table: 'node1/filter', row: 'reject', type: 'iptables' });
    expect(step.tables!['node1/filter']!.find((r) => r.id === 'reject')!.text).toMatch(
      /^-A KUBE-SERVICES -d 10\.96\.0\.20\/32 -p tcp -m comment --comment "default\/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable$/,
    );
  });
  it('the ICMP answer goes back to the client from cni0 (not from the ClusterIP), quoting the SYN’s destination and ports', () => {
    // The answer starts where the SYN ended; its first step takes it on from there, unchanged by the bridge.
    const made = answer[0]!;
    expect(made.from).toBe('node1/cni0');
    expect(first(made, 'eth')).toEqual({ layer: 'eth', src: mac('node1/cni0'), dst: first(step, 'eth').src });
    // The original's source becomes the destination; the source is the forwarding device's, since 10.96.0.20 is no one's address.
    expect(first(made, 'ipv4')).toEqual({ layer: 'ipv4', src: ip('node1/cni0'), dst: first(step, 'ipv4').src, ttl: 64 });
    expectQuotes(first(made, 'icmp'), step, 'tcp');
    expect(first(made, 'icmp').quote).toMatchObject({ dst: '10.96.0.20', dport: 80, sport: 40312, ttl: 63 });
    expect(made.headers.map((h) => h.layer)).toEqual(['eth', 'ipv4', 'icmp']);
  });
  it('the answer is bridged straight back to the client pod, where it is delivered, and touched by nothing on the way', () => {
    expect(answer.map((s) => s.at)).toEqual(['node1/veth3a9f', 'pod-a/eth0']);
    expect(answer.at(-1)!.ops).toEqual(['deliver']);
    expect(answer.at(-1)!.headers).toEqual(answer[0]!.headers);
  });
  it('nothing is DNATed or delivered to the web pod while the Service has no endpoints', () => {
    expect(fix).toBeGreaterThan(at);
    for (const s of steps.slice(0, fix)) {
      expect(rowsAt(s, 'node1/nat')).toEqual([]);
      expect(s.ops).not.toContain('dnat');
      expect(s.at).not.toBe('pod-b/eth0');
    }
  });
  it('after the fix the REJECT rule is gone and a new SYN is DNATed to pod B and delivered', () => {
    expect(rowsAt(steps[fix]!, 'node1/filter')).toEqual(['forward', 'reject']);
    expect(steps[fix]!.tables!['node1/filter']![1]!.state).toBe('removed');
    expect(rowsAt(steps[fix + 1]!, 'node1/filter')).toEqual(['forward']);
    const got = steps.filter((s) => s.at === 'pod-b/eth0' && s.ops.includes('deliver'));
    expect(got).toHaveLength(1);
    expect(got[0]!.packet).not.toBe('syn');
    expect(first(got[0]!, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-b/eth0') });
    expect(first(got[0]!, 'tcp')).toMatchObject({ dport: 8080, flags: 'SYN' });
  });
});

describe('CoreDNS scaled to zero: the query is REJECTed, then answered after the scale-up', () => {
  const { steps, mac, ip } = load('coredns-down');
  const { at, step, answer } = rejection(steps);
  const fix = steps.findIndex((s) => rowsAt(s, 'node1/nat').includes('svc'));

  it('rejects the UDP query to the kube-dns ClusterIP with the filter rule for the dns port', () => {
    expect(step.at).toBe('node1/cni0');
    expect(first(step, 'ipv4').dst).toBe('10.96.0.10');
    expect(first(step, 'udp').dport).toBe(53);
    expect(step.tables!['node1/filter']!.find((r) => r.id === 'reject')!.text).toContain(
      '-p udp -m comment --comment "kube-system/kube-dns:dns has no endpoints" -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable',
    );
  });
  it('the ICMP answer carries the query’s addresses swapped (its source from cni0) and quotes its UDP ports', () => {
    const made = answer[0]!;
    expect(first(made, 'eth')).toEqual({ layer: 'eth', src: mac('node1/cni0'), dst: mac('app/eth0') });
    expect(first(made, 'ipv4')).toMatchObject({ src: ip('node1/cni0'), dst: ip('app/eth0') });
    expectQuotes(first(made, 'icmp'), step, 'udp');
    expect(first(made, 'icmp').quote).toMatchObject({ src: ip('app/eth0'), dst: '10.96.0.10', sport: 43001, dport: 53 });
    expect(answer.at(-1)).toMatchObject({ at: 'app/eth0', ops: ['deliver'] });
  });
  it('no query reaches CoreDNS while it has no endpoints, and the first query gets no DNS answer', () => {
    expect(fix).toBeGreaterThan(at);
    for (const s of steps.slice(0, fix)) {
      expect(s.at.startsWith('coredns/')).toBe(false);
      expect(s.ops).not.toContain('dnat');
      expect(s.ops).not.toContain('dns-answer');
    }
  });
  it('after the scale-up the REJECT is removed and the query is DNATed to the CoreDNS pod', () => {
    expect(steps[fix]!.tables!['node1/filter']!.find((r) => r.id === 'reject')!.state).toBe('removed');
    const dnat = steps.find((s) => s.ops.includes('dnat'))!;
    expect(dnat.index).toBeGreaterThan(fix);
    expect(dnat.packet).toBe(steps[fix]!.packet);
    expect(first(dnat, 'ipv4').dst).toBe(ip('coredns/eth0'));
    expect(first(dnat, 'udp').dport).toBe(53);
    expect(steps.some((s) => s.at === 'coredns/eth0' && s.ops.includes('deliver'))).toBe(true);
  });
  it('the answer comes back from the ClusterIP the app asked, with the web Service’s address', () => {
    const got = steps.filter((s) => s.at === 'app/eth0' && s.ops.includes('deliver')).at(-1)!;
    expect(got.packet).toBe(steps[fix]!.packet);
    expect(first(got, 'ipv4')).toMatchObject({ src: '10.96.0.10', dst: ip('app/eth0') });
    expect(first(got, 'udp').sport).toBe(53);
    expect(first(got, 'dns')).toMatchObject({ qname: 'web.default.svc.cluster.local', rcode: 'NOERROR', answers: ['web.default.svc.cluster.local. 30 IN A 10.96.0.20'] });
  });
});
