// Pods packed before ELK (src/layout/pack-pods.ts): ELK given the packed
// graph, with the pods' insides put back, answers exactly what it answers
// for the graph with every pod as a compound node — for every bundled scene
// and fixture, at two table widths and with the rows lined up — and a pod
// the rule cannot place is left to ELK.
import { readdirSync, readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkScene } from '../../src/pipeline.ts';
import type { Scene } from '../../src/scene/model.ts';
import { toAbsolute } from '../../src/layout/absolute.ts';
import { elkGraphFor } from '../../src/layout/layout.ts';
import { packPods } from '../../src/layout/pack-pods.ts';
import { phantomsFor } from '../../src/layout/phantoms.ts';
import { tableWraps } from '../../src/layout/table-wrap.ts';
import { fixtures } from './layout-fixtures.ts';
import { generatedScene } from './fuzz-arbitraries.ts';

const elk = new ELK();

function bundled(): [string, Scene][] {
  return readdirSync('scenes')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f): [string, Scene][] => {
      const checked = checkScene(readFileSync(`scenes/${f}`, 'utf8'), f);
      return checked.ok ? [[f.replace(/\.yaml$/, ''), checked.scene]] : [];
    });
}

/** A scene from its elements and links, with one packet and step (enough to check). */
function sceneOf(id: string, elements: string, links: string): Scene {
  const text = `apiVersion: kubehop/v1
kind: Scene
id: ${id}
title: ${id}
summary: x
elements:
${elements}
links:
${links}
packets:
  - id: p
    origin: node1/eth0
    headers:
      - ipv4: { src: 10.0.0.1, dst: 10.96.0.20 }
steps:
  - packet: p
    at: node1/eth0
    caption: x
`;
  const checked = checkScene(text, `${id}.yaml`);
  if (!checked.ok) throw new Error(checked.diagnostics.map((d) => d.message).join('; '));
  return checked.scene;
}

/** Pods the rule must leave to ELK, which orders and sizes them with the rest of their node in view. */
const leftToElk: [string, Scene, string][] = [
  [
    'a pod with two links out',
    sceneOf(
      'two-drops',
      `  - kind: node
    name: node1
    contains:
      - { kind: device, name: cni0, type: bridge }
      - { kind: device, name: eth0, type: nic }
  - kind: node
    name: node2
    contains:
      - kind: pod
        name: pod-c
        contains:
          - { kind: device, name: eth0, type: veth }
          - { kind: device, name: eth1, type: veth }
      - { kind: device, name: eth0, type: nic }`,
      `  - { kind: veth, between: [pod-c/eth1, node1/cni0] }
  - { kind: veth, between: [pod-c/eth0, node2/eth0] }`,
    ),
    'pod-c',
  ],
  [
    'a pod holding an empty container',
    sceneOf(
      'empty-inside',
      `  - kind: node
    name: node1
    contains:
      - kind: pod
        name: pod-a
        contains:
          - { kind: device, name: eth0, type: veth }
          - kind: pod
            name: sidecar
      - { kind: device, name: veth1, type: veth }
      - { kind: device, name: eth0, type: nic }`,
      `  - { kind: veth, between: [pod-a/eth0, node1/veth1] }`,
    ),
    'pod-a',
  ],
];

const scenes: [string, Scene][] = [
  ...bundled(),
  ...Object.entries(fixtures).map(([k, make]): [string, Scene] => [`fixture ${k}`, make()]),
  ...leftToElk.map(([name, scene]): [string, Scene] => [name, scene]),
];

/** Every box and every link's polyline, in absolute coordinates, rounded off ELK's float noise. */
function drawing(laidOut: ElkNode): Record<string, number[]> {
  const abs = toAbsolute(laidOut);
  const r = (n: number): number => Math.round(n * 1e6) / 1e6;
  return Object.fromEntries([
    ...[...abs.rects].map(([id, b]) => [`box ${id}`, [b.x, b.y, b.width, b.height].map(r)]),
    ...[...abs.polylines].map(([id, pts]) => [`link ${id}`, pts.flatMap((p) => [p.x, p.y]).map(r)]),
  ]);
}

/** Pods given to ELK as boxes: compound in the graph, childless in the packed one. */
function packedPods(graph: ElkNode, packed: ElkNode): string[] {
  const childless = new Set((packed.children ?? []).flatMap((n) => (n.children ?? []).filter((k) => !k.children?.length).map((k) => k.id)));
  return (graph.children ?? []).flatMap((n) => (n.children ?? []).filter((k) => (k.children?.length ?? 0) > 0 && childless.has(k.id)).map((k) => k.id));
}

describe('pods packed before ELK', () => {
  it.each(scenes)('%s: ELK draws the packed graph as the compound one', async (_name, scene) => {
    const first = tableWraps(scene, 34);
    const narrow = tableWraps(scene, 20);
    const lined = phantomsFor(scene, toAbsolute(await elk.layout(elkGraphFor(scene, narrow))).rects);
    for (const graph of [elkGraphFor(scene, first), elkGraphFor(scene, narrow, lined)]) {
      const whole = await elk.layout(structuredClone(graph));
      const packed = packPods(structuredClone(graph));
      const back = packed.unpack(await elk.layout(structuredClone(packed.graph)));
      expect(drawing(back)).toEqual(drawing(whole));
    }
  });

  it('generated scenes (fuzz-arbitraries.ts): ELK draws the packed graph as the compound one', async () => {
    let packed = 0;
    await fc.assert(
      fc.asyncProperty(generatedScene, async (sample) => {
        const checked = checkScene(sample.text, sample.file);
        if (!checked.ok) return;
        const graph = elkGraphFor(checked.scene, tableWraps(checked.scene, 34));
        const pack = packPods(structuredClone(graph));
        packed += packedPods(graph, pack.graph).length;
        const whole = await elk.layout(structuredClone(graph)).catch(() => undefined);
        if (!whole) return;
        expect(drawing(pack.unpack(await elk.layout(structuredClone(pack.graph)))), sample.text).toEqual(drawing(whole));
      }),
      { numRuns: 400, seed: 20261208, endOnFailure: true },
    );
    // The property must have had pods to pack.
    expect(packed).toBeGreaterThan(10);
  }, 120_000);

  it('packs the pods that are a title over a row of boxes, and leaves a pod with a link inside it to ELK', () => {
    const packed = Object.fromEntries(
      scenes.map(([name, scene]) => {
        const graph = elkGraphFor(scene, tableWraps(scene, 34));
        return [name, packedPods(graph, packPods(graph).graph)];
      }),
    );
    expect(packed['clusterip-dnat']).toEqual(['pod-a', 'pod-b', 'pod-c']);
    expect(packed['dns-service']).toEqual(['app', 'coredns']);
    // curl → eth0 inside pod-a: two layers, which ELK places.
    expect(packed['cilium-socket-lb']).toEqual(['pod-b', 'pod-c']);
    expect(Object.values(packed).flat().length).toBeGreaterThan(35);
  });

  it.each(leftToElk)('leaves to ELK %s', (_name, scene, pod) => {
    const graph = elkGraphFor(scene, tableWraps(scene, 34));
    expect(packedPods(graph, packPods(graph).graph)).not.toContain(pod);
  });

  it('leaves to ELK a pod whose link leaves by a side, and hands back a graph with nothing to pack unchanged', () => {
    const pod = (side: string): ElkNode => ({
      id: 'root',
      children: [
        {
          id: 'node',
          children: [
            {
              id: 'pod',
              layoutOptions: { 'elk.padding': '[top=32,left=8,bottom=8,right=8]', 'elk.nodeSize.minimum': '(48, 100)' },
              ports: [{ id: 'pod.p', layoutOptions: { 'elk.port.side': side } }],
              children: [{ id: 'eth0', width: 120, height: 48, ports: [{ id: 'eth0.p', layoutOptions: { 'elk.port.side': side } }] }],
              edges: [{ id: 'e', sources: ['eth0.p'], targets: ['pod.p'] }],
            },
          ],
        },
      ],
    });
    const south = packPods(pod('SOUTH'));
    expect(south.graph.children![0]!.children![0]).toMatchObject({ id: 'pod', width: 136, height: 88, ports: [{ x: 68, y: 88 }] });
    const east = pod('EAST');
    expect(packPods(east).graph).toBe(east);
  });
});
