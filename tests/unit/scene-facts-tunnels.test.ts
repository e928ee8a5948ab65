// The same pod-to-pod ping by different machinery: Calico's IP-in-IP through
// tunl0 (a layer-3 device), Flannel's host-gw (no tunnel at all), checked
// against what the kernel does; and the format's layer-3 devices and tunnel
// TTL, which those scenes need.
import { describe, expect, it } from 'vitest';
import { first, load } from './scene-facts-load.ts';
import { checkScene } from '../../src/pipeline.ts';
import { applyOp } from '../../src/derive/apply.ts';
import type { Header, Op } from '../../src/scene/model.ts';
import type { DerivedStep } from '../../src/derive/types.ts';

const layers = (s: DerivedStep) => s.headers.map((h) => h.layer);
const delivered = (steps: DerivedStep[], at: string) => steps.filter((s) => s.at === at && s.ops.includes('deliver'));

describe('Calico IP-in-IP', () => {
  const { steps, scene, mac, ip } = load('calico-ipip');
  const request = (at: string, op: string) => steps.find((s) => s.at === at && s.ops.includes(op))!;

  it('routes into tunl0 with TTL 63 and no Ethernet header: tunl0 has no MAC', () => {
    const routed = request('node1/tunl0', 'route');
    expect(layers(routed)).toEqual(['ipv4', 'icmp']);
    expect(first(routed, 'ipv4').ttl).toBe(63);
    expect(scene.elements['node1/tunl0']!.mac).toBeUndefined();
    // Nothing is unwrapped here: no struck tunnel band on the card, as a decap would have.
    expect(routed.removed).toBeUndefined();
    expect(request('node2/tunl0', 'decap').removed?.map((h) => h.layer)).toEqual(['eth', 'ipv4', 'ipip']);
    // Every hop on tunl0 itself, both ways, is bare IP.
    for (const s of steps.filter((x) => x.at.endsWith('/tunl0'))) expect(layers(s)[0]).toBe('ipv4');
  });

  it('wraps in an outer IPv4 of protocol 4 node to node, with no UDP, and the TTL copied from the inner (after the decrement)', () => {
    const out = request('node1/eth0', 'encap');
    // The ipip layer is the outer header's protocol 4: the inner IPv4 follows it directly.
    expect(layers(out)).toEqual(['eth', 'ipv4', 'ipip', 'ipv4', 'icmp']);
    expect(out.headers[0]).toMatchObject({ src: mac('node1/eth0'), dst: mac('node2/eth0') });
    expect(out.headers[1]).toMatchObject({ src: ip('node1/eth0'), dst: ip('node2/eth0'), ttl: 63 });
    expect(out.headers[3]).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-c/eth0'), ttl: 63 });
    for (const s of steps) expect(layers(s)).not.toContain('udp');
  });

  it('the outer destination is the next hop of the route into tunl0 (tunl0 has no remote of its own)', () => {
    const route = scene.steps.flatMap((s) => s.ops).find((o) => o.op === 'route' && o.dev === 'node1/tunl0');
    expect(route && route.op === 'route' ? ip(route.nextHop) : undefined).toBe(first(request('node1/eth0', 'encap'), 'ipv4').dst);
  });

  it('node 2 unwraps to the bare inner packet, routes it (TTL 62) and delivers it; the reply comes back the same way', () => {
    expect(layers(request('node2/tunl0', 'decap'))).toEqual(['ipv4', 'icmp']);
    const [got] = delivered(steps, 'pod-c/eth0');
    expect(first(got!, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), ttl: 62 });
    expect(first(got!, 'eth')).toMatchObject({ src: mac('node2/cali7f8e9d0c1b2'), dst: mac('pod-c/eth0') });
    const back = request('node2/eth0', 'encap');
    expect(back.headers[1]).toMatchObject({ src: ip('node2/eth0'), dst: ip('node1/eth0'), ttl: 63 });
    const [home] = delivered(steps, 'pod-a/eth0');
    expect(first(home!, 'icmp').type).toBe('echo-reply');
    expect(first(home!, 'ipv4')).toMatchObject({ src: ip('pod-c/eth0'), ttl: 62 });
  });
});

describe('Flannel host-gw', () => {
  const { steps, mac, ip } = load('flannel-host-gw');
  const vxlan = load('cross-node-vxlan');

  it('is the VXLAN scene’s ping: the same pods, addresses and first frame', () => {
    const a = steps[0]!;
    const b = vxlan.steps[0]!;
    expect(a.headers).toEqual(b.headers);
  });

  it('routes via the other node’s address on eth0: no tunnel layer anywhere, pod addresses on the wire with TTL 63', () => {
    for (const s of steps) expect(layers(s)).not.toContain('vxlan');
    for (const s of steps) expect(layers(s)).not.toContain('ipip');
    const wire = steps.find((s) => s.at === 'node2/eth0' && s.ops.length === 0)!;
    expect(layers(wire)).toEqual(['eth', 'ipv4', 'icmp']);
    expect(first(wire, 'eth')).toMatchObject({ src: mac('node1/eth0'), dst: mac('node2/eth0') });
    expect(first(wire, 'ipv4')).toMatchObject({ src: ip('pod-a/eth0'), dst: ip('pod-c/eth0'), ttl: 63 });
  });

  it('delivers with TTL 62, as VXLAN does, and the reply likewise', () => {
    expect(first(delivered(steps, 'pod-c/eth0')[0]!, 'ipv4').ttl).toBe(62);
    expect(first(delivered(vxlan.steps, 'pod-c/eth0')[0]!, 'ipv4').ttl).toBe(62);
    expect(first(delivered(steps, 'pod-a/eth0')[0]!, 'ipv4')).toMatchObject({ src: ip('pod-c/eth0'), ttl: 62 });
  });
});

describe('the format: layer-3 devices', () => {
  const scene = (extra: string, ops: string) => `apiVersion: kubehop/v1
kind: Scene
id: t
title: T
summary: S.
elements:
  - kind: node
    name: n1
    contains:
      - { kind: device, name: cali1, type: veth, mac: ee:ee:ee:ee:ee:ee }
      - { kind: device, name: wg0, type: nic, ip: 10.99.0.1/32${extra} }
      - { kind: device, name: eth0, type: nic, ip: 192.168.1.10/24, mac: 52:54:00:00:01:10 }
links:
  - { kind: stack, between: [n1/cali1, n1/wg0] }
packets:
  - { id: p, origin: n1/cali1, headers: [eth: { src: 0a:00:00:00:00:02, dst: n1/cali1 }, ipv4: { src: 10.0.0.2, dst: 10.0.1.2 }] }
steps:
  - { packet: p, to: n1/wg0, ops: [${ops}], caption: Routed. }
`;

  it('layer3: true makes any device one: routing into it leaves no Ethernet header', () => {
    const r = checkScene(scene(', layer3: true', 'route: { dev: n1/wg0, via: n1/eth0 }'), 't.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.ok && r.steps[0]!.headers.map((h) => h.layer)).toEqual(['ipv4']);
  });

  it('without it, the device needs a MAC to route into', () => {
    const r = checkScene(scene('', 'route: { dev: n1/wg0, via: n1/eth0 }'), 't.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['KH3102']);
  });

  it('a MAC taken from a layer-3 device is KH3106, at the field that takes it', () => {
    const r = checkScene(scene(', layer3: true', 'route: { dev: n1/eth0, via: n1/wg0 }'), 't.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['KH3106', 18]]);
  });
});

describe('the format: a tunnel’s outer TTL', () => {
  const inner: Header[] = [
    { layer: 'ipv4', src: '10.244.36.2', dst: '10.244.72.5', ttl: 63 },
    { layer: 'icmp', type: 'echo-request' },
  ];
  const base = { src: '192.168.1.10', dst: '192.168.1.11', srcMac: 'aa:00:00:00:00:10', dstMac: 'aa:00:00:00:00:11' };
  const outerTtl = (op: Op) => {
    const r = applyOp({ headers: inner, nat: [] }, op, undefined);
    if (!r.ok) throw new Error(r.message);
    return (r.state.headers[1] as Extract<Header, { layer: 'ipv4' }>).ttl;
  };

  it('ipip inherits by default; a number is used as is', () => {
    expect(outerTtl({ op: 'encap', type: 'ipip', ...base })).toBe(63);
    expect(outerTtl({ op: 'encap', type: 'ipip', ...base, ttl: 'inherit' })).toBe(63);
    expect(outerTtl({ op: 'encap', type: 'ipip', ...base, ttl: 255 })).toBe(255);
  });

  it('vxlan sets 64 by default, and can inherit as well (ip link … type vxlan ttl inherit)', () => {
    const vx = { op: 'encap', type: 'vxlan', vni: 1, dport: 8472, ...base } as const;
    expect(outerTtl(vx)).toBe(64);
    expect(outerTtl({ ...vx, ttl: 'inherit' })).toBe(63);
  });

  it('inherit with no inner IPv4 header cannot be applied', () => {
    const r = applyOp({ headers: [{ layer: 'eth', src: 'a', dst: 'b' }], nat: [] }, { op: 'encap', type: 'ipip', ...base }, undefined);
    expect(r).toMatchObject({ ok: false });
  });

  it('the schema takes inherit or 1–255, nothing else', () => {
    const text = (ttl: string) => `apiVersion: kubehop/v1
kind: Scene
id: t
title: T
summary: S.
elements:
  - kind: node
    name: n1
    contains:
      - { kind: device, name: tunl0, type: ipip }
      - { kind: device, name: eth0, type: nic, ip: 192.168.1.10/24, mac: 52:54:00:00:01:10 }
packets:
  - { id: p, origin: n1/tunl0, headers: [ipv4: { src: 10.0.0.2, dst: 10.0.1.2 }] }
steps:
  - { packet: p, at: n1/tunl0, ops: [encap: { type: ipip, src: n1/eth0, dst: n1/eth0, ttl: ${ttl} }], caption: Wrapped. }
`;
    expect(checkScene(text('inherit'), 't.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checkScene(text('0'), 't.yaml').diagnostics.map((d) => d.code)).toEqual(['KH2012']);
    // Said as what was expected, not taken for an unknown operation.
    const [copy] = checkScene(text('copy'), 't.yaml').diagnostics;
    expect([copy?.code, copy?.message]).toEqual(['KH2010', `'ttl' of 'encap' of operation 1 of step 1 must be "inherit" or number, got string "copy"`]);
  });
});
