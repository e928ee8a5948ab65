// The same connection to a ClusterIP by three machineries: kube-proxy's
// iptables rules, kube-proxy's IPVS, and Cilium's socket load balancing,
// checked against what the kernel and Cilium do; and the format's `by` on a
// DNAT, which says what did the rewrite so that none is drawn as iptables.
import { describe, expect, it } from 'vitest';
import { first, load } from './scene-facts-load.ts';
import { applyOp, type PacketState } from '../../src/derive/apply.ts';
import { cardView } from '../../src/timeline/card-content.ts';
import type { Header } from '../../src/scene/model.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

const lit = (steps: DerivedStep[]) => steps.flatMap((s) => s.highlight);
const CLUSTER_IP = '10.96.0.20';

describe('kube-proxy in IPVS mode', () => {
  const { steps, scene, ip } = load('clusterip-ipvs');
  const iptables = load('clusterip-dnat');

  it('binds the ClusterIP to the dummy device kube-ipvs0, which keeps an Ethernet MAC (a dummy device is NOARP, not layer 3)', () => {
    const dev = scene.elements['node1/kube-ipvs0']!;
    expect(dev.type).toBe('dummy');
    expect(ip('node1/kube-ipvs0')).toBe(CLUSTER_IP);
    expect(dev.layer3).toBeUndefined();
    // The local table's row for it is what sends the SYN to local input: lit before IPVS acts.
    const vip = steps.findIndex((s) => s.highlight.some((h) => h.table === 'node1/routes' && h.row === 'vip'));
    const dnat = steps.findIndex((s) => s.ops.includes('dnat@ipvs'));
    expect(vip).toBeGreaterThanOrEqual(0);
    expect(vip).toBeLessThan(dnat);
  });

  it('lights no KUBE-SVC or KUBE-SEP row, nor any iptables row at all', () => {
    const tables = new Set(lit(steps).map((h) => h.table));
    for (const t of tables) expect(scene.elements[t]!.type).not.toBe('iptables');
    const texts = Object.values(scene.elements).flatMap((e) => e.rows ?? []).map((r) => r.text);
    expect(texts.filter((t) => /KUBE-(SVC|SEP)/.test(t))).toEqual([]);
    // The iptables scene, by contrast, walks them.
    expect(lit(iptables.steps).some((h) => h.row.startsWith('sep-'))).toBe(true);
  });

  it('DNATs by IPVS after the real server row lit, traced and tagged as IPVS, never as a bare DNAT', () => {
    const at = steps.findIndex((s) => s.ops.includes('dnat@ipvs'));
    expect(steps.some((s) => s.ops.includes('dnat'))).toBe(false);
    expect(steps[at - 1]!.highlight.map((h) => h.row)).toEqual(['svc', 'rs-c']);
    expect(first(steps[at]!, 'ipv4').dst).toBe(ip('pod-c/eth0'));
    const dst = cardView(steps[at]!).inner.lines.find((l) => l.label === 'dst')!;
    expect(dst).toMatchObject({ was: `${CLUSTER_IP}:80`, tag: 'DNAT (ipvs)' });
  });

  it('puts the same packets on the wire as iptables mode, and IPVS undoes its DNAT on the reply', () => {
    const wire = (ss: DerivedStep[]) => ss.filter((s) => s.at === 'node2/eth0' || s.at === 'pod-c/eth0').map((s) => s.headers.filter((h) => h.layer !== 'eth'));
    expect(wire(steps)).toEqual(wire(iptables.steps));
    const undo = steps.find((s) => s.ops.includes('undnat@ipvs'))!;
    expect(first(undo, 'ipv4').src).toBe(CLUSTER_IP);
    expect(cardView(undo).inner.lines.find((l) => l.label === 'src')!.tag).toBe('un-DNAT (ipvs)');
    const last = steps.at(-1)!;
    expect(last.ops).toEqual(['deliver']);
    expect(first(last, 'tcp')).toMatchObject({ sport: 80, flags: 'SYN,ACK' });
  });
});

describe('Cilium socket load balancing', () => {
  const { steps, scene, ip } = load('cilium-socket-lb');
  const onEth0 = steps.filter((s) => s.at === 'pod-a/eth0');

  it('the first packet on pod A\'s eth0 already carries the backend\'s address and port', () => {
    const out = onEth0[0]!;
    expect(first(out, 'ipv4').dst).toBe(ip('pod-c/eth0'));
    expect(first(out, 'tcp').dport).toBe(8080);
    // It hopped there from the socket: the rewrite came before any packet existed.
    expect(out.from).toBe('pod-a/curl');
    const rewrite = steps.findIndex((s) => s.ops.includes('dnat@socket'));
    expect(rewrite).toBeLessThan(steps.indexOf(out));
    expect(steps[rewrite]!.at).toBe('pod-a/curl');
  });

  it('no header on any wire or device ever carries the ClusterIP after connect(), and nothing undoes a translation', () => {
    const after = steps.slice(steps.findIndex((s) => s.ops.includes('dnat@socket')));
    for (const s of after) for (const h of s.headers) if (h.layer === 'ipv4') expect([h.src, h.dst]).not.toContain(CLUSTER_IP);
    expect(steps.flatMap((s) => s.ops).filter((o) => o.startsWith('undnat') || o === 'dnat')).toEqual([]);
  });

  it('lights no iptables row, and has no iptables table at all', () => {
    expect(Object.values(scene.elements).filter((e) => e.type === 'iptables')).toEqual([]);
    for (const h of lit(steps)) expect(scene.elements[h.table]!.type).not.toBe('iptables');
  });

  it('shows the rewrite on the card at the socket, as connect(), not as DNAT', () => {
    const s = steps.find((x) => x.ops.includes('dnat@socket'))!;
    const dst = cardView(s).inner.lines.find((l) => l.label === 'dst')!;
    expect(dst).toMatchObject({ value: `${ip('pod-c/eth0')}:8080`, was: `${CLUSTER_IP}:80`, tag: 'connect() at the socket' });
  });
});

describe('dnat by', () => {
  const syn: Header[] = [
    { layer: 'ipv4', src: '10.244.1.2', dst: CLUSTER_IP, ttl: 64 },
    { layer: 'tcp', sport: 40312, dport: 80, flags: 'SYN' },
  ];
  const state = (extra: Partial<PacketState> = {}): PacketState => ({ headers: syn, nat: [], ...extra });

  it('by: socket rewrites only before the packet has moved, and leaves no connection to undo', () => {
    const ok = applyOp(state(), { op: 'dnat', to: '10.244.2.5', port: 8080, by: 'socket' }, undefined);
    expect(ok.ok && ok.state.nat).toEqual([]);
    expect(ok.ok && ok.state.headers[1]).toMatchObject({ dport: 8080 });
    const late = applyOp(state({ moved: true }), { op: 'dnat', to: '10.244.2.5', by: 'socket' }, undefined);
    expect(late.ok ? '' : late.message).toMatch(/already left its socket/);
    if (!ok.ok) return;
    const replied = applyOp(ok.state, { op: 'reply' }, undefined);
    const undo = replied.ok ? applyOp(replied.state, { op: 'undnat' }, undefined) : replied;
    expect(undo.ok ? '' : undo.message).toMatch(/nothing to undo.*getpeername/);
  });

  it('by: ipvs and by: tc rewrite anywhere and are undone on the reply like iptables', () => {
    for (const by of ['ipvs', 'tc'] as const) {
      const r = applyOp(state({ moved: true }), { op: 'dnat', to: '10.244.2.5', port: 8080, by }, undefined);
      expect(r.ok && r.state.nat[0]).toMatchObject({ kind: 'dnat', by });
    }
  });
});
