// The header difference the compare view shows where both scenes reach a
// milestone, over every pair the gallery offers: computed from the derived
// headers, compared by what happened to the packet rather than by address.
import { describe, expect, it } from 'vitest';
import { load } from './scene-facts-load.ts';
import { alignMilestones } from '../../src/compare/align.ts';
import { diffSummary, headerDiff, type Aspect } from '../../src/compare/headers.ts';
import { COMPARE_PAIRS } from '../../src/compare/pairs.ts';
import type { Milestone } from '../../src/scene/model.ts';

function diffAt(a: string, b: string, m: Milestone) {
  const A = load(a).steps;
  const B = load(b).steps;
  const stop = alignMilestones(A, B).find((s) => s.milestone === m)!;
  expect(stop.a.reached && stop.b.reached).toBe(true);
  const rows = headerDiff(m, A, stop.a.step, B, stop.b.step);
  const row = (aspect: Aspect) => rows.find((r) => r.aspect === aspect)!;
  return { rows, row };
}

describe('headerDiff', () => {
  it('iptables against IPVS and Cilium: the same rewrite of the destination, named by what did it', () => {
    const ipvs = diffAt('clusterip-dnat', 'clusterip-ipvs', 'translated');
    expect(ipvs.row('destination')).toMatchObject({ differs: false, a: { kind: 'DNAT' }, b: { kind: 'DNAT' } });
    expect(ipvs.row('destination').a.text).toBe('10.244.2.5, DNAT; sent as 10.96.0.20');
    expect(ipvs.row('destination').b.text).toBe('10.244.2.5, DNAT by IPVS; sent as 10.96.0.20');
    const cilium = diffAt('clusterip-dnat', 'cilium-socket-lb', 'leaves-node');
    expect(cilium.row('destination')).toMatchObject({ differs: false, b: { kind: 'DNAT', text: '10.244.2.5, DNAT at the socket; sent as 10.96.0.20' } });
    // Back at pod A: un-DNAT by conntrack on one side, nothing to undo on the other (the socket was connected to the backend).
    expect(diffAt('clusterip-dnat', 'clusterip-ipvs', 'reply-delivered').row('source').b.text).toContain('un-DNAT by IPVS');
  });

  it('VXLAN against native routing: outer headers on one side only, on the wire both ways', () => {
    for (const m of ['leaves-node', 'arrives-node', 'reply-leaves-node'] as const) {
      const { row, rows } = diffAt('cross-node-vxlan', 'calico-bgp', m);
      expect(row('tunnel')).toMatchObject({ differs: true, a: { kind: 'vxlan' }, b: { kind: 'none', text: 'none' } });
      expect(row('tunnel').a.text).toContain('UDP 8472, VNI 1');
      expect(row('stack').a.text).toBe('Ethernet · IPv4 · UDP · VXLAN · Ethernet · IPv4 · ICMP');
      expect(row('stack').b.text).toBe('Ethernet · IPv4 · ICMP');
      // Different pod ranges, but both as sent: not a difference.
      expect(row('source')).toMatchObject({ differs: false, a: { kind: 'kept' }, b: { kind: 'kept' } });
      expect(diffSummary(rows)).toBe('Differs: tunnel, header stack.');
    }
    const { rows } = diffAt('cross-node-vxlan', 'calico-bgp', 'delivered');
    expect(rows.some((r) => r.differs)).toBe(false);
    expect(diffSummary(rows)).toBe('The headers change the same way on both sides.');
  });

  it('VXLAN against IP-in-IP names both tunnels with their outer addresses', () => {
    const { row } = diffAt('cross-node-vxlan', 'calico-ipip', 'leaves-node');
    expect(row('tunnel').b).toEqual({ kind: 'ipip', text: 'IP-in-IP (protocol 4), outer 192.168.1.10 → 192.168.1.11' });
    expect(row('stack').b.text).toBe('Ethernet · IPv4 · IP-in-IP · IPv4 · ICMP');
  });

  it('externalTrafficPolicy Cluster masquerades the source, Local keeps it', () => {
    const { row } = diffAt('nodeport', 'nodeport-local', 'delivered');
    expect(row('source')).toMatchObject({ differs: true, a: { kind: 'masqueraded', text: '192.168.1.10, masqueraded; sent as 192.168.1.50' }, b: { kind: 'kept', text: '192.168.1.50, as sent' } });
    expect(row('destination')).toMatchObject({ differs: false, a: { kind: 'DNAT' }, b: { kind: 'DNAT' } });
    expect(row('ttl')).toMatchObject({ differs: true, a: { text: '62' }, b: { text: '63' } });
    const back = diffAt('nodeport', 'nodeport-local', 'reply-delivered').row('destination');
    expect(back).toMatchObject({ differs: true, a: { kind: 'un-SNAT by conntrack' }, b: { kind: 'kept' } });
  });

  it('an endpoint on the same node is bridged: its TTL is never decremented', () => {
    const { row } = diffAt('clusterip-dnat', 'clusterip-same-node', 'delivered');
    expect(row('ttl')).toMatchObject({ differs: true, a: { text: '62' }, b: { text: '64' } });
    expect(row('destination').a.text).toBe('10.244.2.5, DNAT; sent as 10.96.0.20');
  });

  for (const { a, b } of COMPARE_PAIRS) {
    it(`${a} and ${b}: every shared milestone has a row per aspect, no cell empty, differs exactly where the kinds do`, () => {
      const A = load(a).steps;
      const B = load(b).steps;
      for (const s of alignMilestones(A, B).filter((x) => x.a.reached && x.b.reached)) {
        const rows = headerDiff(s.milestone, A, s.a.step, B, s.b.step);
        expect(rows.map((r) => r.aspect)).toEqual(['tunnel', 'stack', 'source', 'destination', 'ttl']);
        for (const r of rows) {
          expect(r.a.text && r.b.text).toBeTruthy();
          expect(r.differs).toBe(r.a.kind !== r.b.kind);
        }
        // Nothing is rewritten at the very start of a journey.
        if (s.milestone === 'sent' || s.milestone === 'reply-sent') expect(rows.filter((r) => r.aspect === 'source' || r.aspect === 'destination').every((r) => r.a.kind === 'kept')).toBe(true);
      }
    });
  }
});
