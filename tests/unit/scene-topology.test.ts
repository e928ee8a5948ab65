// validate: a packet only where something exists — its origin, the link it
// hops along, where it arrives — counting what is inside a created element.
import { describe, expect, it } from 'vitest';
import { checkScene } from '../../src/pipeline.ts';

const scene = (steps: string) => `apiVersion: kubehop/v1
kind: Scene
id: t
title: T
summary: S.
elements:
  - kind: node
    name: n
    contains:
      - { kind: process, name: cni }
      - { kind: table, name: conf, type: file, rows: [{ id: net, text: '"name": "cbr0"' }, { id: ip, text: 10.244.1.3 }] }
      - kind: pod
        name: p1
        contains:
          - { kind: device, name: eth0, type: veth, ip: 10.244.1.3/24, mac: 0a:58:0a:f4:01:03 }
      - { kind: device, name: veth1, type: veth }
      - { kind: device, name: cni0, type: bridge, ip: 10.244.1.1/24, mac: 0a:58:0a:f4:01:01 }
links:
  - { kind: veth, between: [p1/eth0, n/veth1] }
  - { kind: bridge-port, id: port, between: [n/veth1, n/cni0] }
packets:
  - { id: arp, origin: p1/eth0, headers: [eth: { src: p1/eth0, dst: ff:ff:ff:ff:ff:ff }] }
steps:
${steps}`;

const codes = (steps: string) => checkScene(scene(steps), 't.yaml').diagnostics.map((d) => `${d.code} ${d.message}`);

describe('create: and packets', () => {
  it('accepts a packet that moves only through what exists by its step', () => {
    expect(codes(`  - { at: n/cni, create: [p1, n/veth1, port], caption: made }
  - { packet: arp, at: p1/eth0, caption: sent }
  - { packet: arp, to: n/veth1, caption: out }
  - { packet: arp, to: n/cni0, ops: [bridge], caption: bridged }`)).toEqual([]);
  });

  it('refuses a packet inside an element created later (its pod), naming the creating step', () => {
    const got = codes(`  - { packet: arp, at: p1/eth0, caption: sent }
  - { at: n/cni, create: [p1], caption: made }`);
    expect(got).toEqual([expect.stringMatching(/^KH4201 packet 'arp' starts at 'p1\/eth0' at step 1, but step 2 \(line \d+\) creates it/)]);
  });

  it('refuses a hop along a link created later, even when both its ends exist', () => {
    const got = codes(`  - { packet: arp, at: p1/eth0, caption: sent }
  - { packet: arp, to: n/veth1, caption: out }
  - { packet: arp, to: n/cni0, ops: [bridge], caption: bridged too early }
  - { at: n/cni, create: [port], caption: attached }`);
    expect(got).toEqual([expect.stringMatching(/^KH4201 packet 'arp' crosses 'port' at step 3, but step 4/)]);
  });

  it('refuses a step without a packet that hops or applies operations', () => {
    expect(codes(`  - { at: n/cni, ops: [bridge], caption: no packet }
  - { packet: arp, at: p1/eth0, caption: sent }`)[0]).toMatch(/^KH4203 .* no 'ops'$/);
  });

  it('lets a step without a packet light the rows its actor reads, once they are in the table', () => {
    // The address row comes with the step that adds it.
    const absent = (steps: string) => scene(steps).replace('text: 10.244.1.3 }', 'text: 10.244.1.3, initially: absent }');
    const ok = checkScene(absent(`  - { at: n/cni, highlight: [n/conf#net], rows: [{ add: n/conf#ip }], caption: reads its config }
  - { at: n/cni, highlight: [n/conf#ip], caption: the address it took }
  - { at: n/cni, create: [p1, n/veth1, port], caption: made }`), 't.yaml');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.ok && ok.steps.map((s) => s.highlight.map((h) => h.row))).toEqual([['net'], ['ip'], []]);
    expect(checkScene(absent(`  - { at: n/cni, highlight: [n/conf#ip], caption: not there yet }
  - { at: n/cni, rows: [{ add: n/conf#ip }], caption: added }
  - { at: n/cni, create: [p1, n/veth1, port], caption: made }`), 't.yaml').diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^KH4103 highlight names row 'n\/conf#ip', which is not in the table at step 1/)]);
  });

  it('refuses an actor that acts before the step that creates it', () => {
    const got = codes(`  - { at: n/cni, create: [p1, n/veth1, port], caption: made }
  - { at: n/veth1, caption: acts too early }
  - { at: n/cni, create: [n/cni0], caption: the bridge }`);
    expect(got).toEqual([]);
    expect(codes(`  - { at: p1/eth0, caption: acts too early }
  - { at: n/cni, create: [p1], caption: made }
  - { packet: arp, at: p1/eth0, caption: sent }`)).toEqual([expect.stringMatching(/^KH4204 'at' names 'p1\/eth0', which step 2 \(line \d+\) creates/)]);
  });
});
