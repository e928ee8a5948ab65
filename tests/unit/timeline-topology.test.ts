// @vitest-environment jsdom
// Elements and links a step creates (`create:`): laid out from the start,
// hidden before their step, shown from it on, hidden again stepping back; a
// step on the topology draws no packet.
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/pipeline.ts';
import { renderScene } from '../../src/render/index.ts';
import { applyFrame, drawPackets, frameAt } from '../../src/timeline/index.ts';
import { cardFocus } from '../../src/timeline/card-plan.ts';
import { stepViews } from '../../src/camera/view.ts';
import { contains } from '../../src/camera/rect.ts';

const text = `apiVersion: kubehop/v1
kind: Scene
id: t
title: T
summary: S.
elements:
  - kind: node
    name: n
    contains:
      - { kind: process, name: cni }
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
  - id: arp
    origin: p1/eth0
    headers:
      - eth: { src: p1/eth0, dst: ff:ff:ff:ff:ff:ff }
      - arp: { op: request, sender: p1/eth0, target: n/cni0 }
steps:
  - { at: n/cni, caption: the plugin runs }
  - { at: n/cni, create: [p1, n/veth1], caption: the netns and veth pair }
  - { at: n/cni, create: [port], caption: attached }
  - { packet: arp, at: p1/eth0, caption: first packet }
  - { packet: arp, to: n/veth1, caption: out }
`;

describe('timeline topology', async () => {
  const built = await buildScene(text, 't.yaml');
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
  document.body.append(svg);
  renderScene(svg, built.scene, built.geometry);
  drawPackets(svg, built.steps);
  const show = (pos: number) => applyFrame(svg, frameAt(pos, built.steps, built.geometry));
  const hidden = (el: Element | null) => el?.getAttribute('display') === 'none';
  const box = (id: string) => svg.querySelector(`g.kh-box[data-id="${id}"]`);
  const link = (id: string) => svg.querySelector(`path.kh-link[data-link="${id}"]`);
  /** What is drawn: each created thing shown (+) or hidden (-). */
  const picture = () => ['p1', 'p1/eth0', 'n/veth1', 'p1/eth0--n/veth1', 'port'].map((id) => `${hidden(box(id) ?? link(id)) ? '-' : '+'}${id}`).join(' ');

  it('lays out what a step creates from the start', () => {
    for (const id of ['p1', 'p1/eth0', 'n/veth1']) expect(built.geometry.boxes.some((b) => b.id === id)).toBe(true);
    expect(built.geometry.edges.some((e) => e.link === 'port')).toBe(true);
  });

  it('hides it before its step, shows it from its step on, with what is inside and the links to it', () => {
    const at = [0, 1, 2, 3].map((k) => (show(k), picture()));
    expect(at).toEqual([
      '-p1 -p1/eth0 -n/veth1 -p1/eth0--n/veth1 -port',
      '+p1 +p1/eth0 +n/veth1 +p1/eth0--n/veth1 -port',
      '+p1 +p1/eth0 +n/veth1 +p1/eth0--n/veth1 +port',
      '+p1 +p1/eth0 +n/veth1 +p1/eth0--n/veth1 +port',
    ]);
  });

  it('hides it again stepping back, and seeking in any order gives the same picture', () => {
    const forwards = [0, 1, 2, 3, 4].map((k) => (show(k), picture()));
    const backwards = [4, 3, 2, 1, 0].map((k) => (show(k), picture())).reverse();
    expect(backwards).toEqual(forwards);
    show(4);
    show(0);
    expect(hidden(box('n/veth1'))).toBe(true);
  });

  it('marks what the step created, and shows it only once the step is reached', () => {
    show(1);
    expect(box('n/veth1')?.classList.contains('kh-appeared')).toBe(true);
    show(2);
    expect(box('n/veth1')?.classList.contains('kh-appeared')).toBe(false);
    expect(link('port')?.classList.contains('kh-appeared')).toBe(true);
    show(1.5);
    expect(hidden(link('port'))).toBe(true);
  });

  it('draws no packet on a step on the topology, and the packet once it is sent', () => {
    show(1);
    expect(svg.querySelector('g.kh-packet')?.getAttribute('visibility')).toBe('hidden');
    expect(svg.querySelectorAll('g.kh-packet')).toHaveLength(1);
    show(3);
    expect(svg.querySelector('g.kh-packet')?.getAttribute('visibility')).toBe('visible');
  });

  it('a step on the topology has no card to keep in view; the camera goes to what it creates', () => {
    expect([0, 1, 2].map((k) => cardFocus(built.steps, built.geometry, {}, k))).toEqual([undefined, undefined, undefined]);
    expect(cardFocus(built.steps, built.geometry, {}, 3)).toBeDefined();
    // A stage that shows only part of the picture: the view at step 2 holds the new pod, with the camera the shells use.
    const stage = { width: built.geometry.width / 3, height: built.geometry.height / 3 };
    const views = stepViews({ steps: built.steps, geometry: built.geometry, stage, minPx: 13 / 3, extras: (k) => { const r = cardFocus(built.steps, built.geometry, {}, k); return r ? [r] : []; } });
    const pod = built.geometry.boxes.find((b) => b.id === 'p1')!;
    expect(contains(views[1]!, { x: pod.x, y: pod.y, width: Math.min(pod.width, views[1]!.width), height: Math.min(pod.height, views[1]!.height) })).toBe(true);
  });
});
