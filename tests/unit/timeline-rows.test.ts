// @vitest-environment jsdom
// timeline/rows.ts on a rendered scene: only the rows of the frame's step are
// drawn, with the step's text and its +/~/− mark, and any order of seeking
// shows the same picture at a step.
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../src/pipeline.ts';
import { renderScene } from '../../src/render/index.ts';
import { applyFrame, drawPackets, frameAt } from '../../src/timeline/index.ts';

const text = `apiVersion: kubehop/v1
kind: Scene
id: t
title: T
summary: S.
elements:
  - kind: node
    name: n
    contains:
      - { kind: device, name: eth0, type: nic, ip: 192.168.1.10/24, mac: 52:54:00:00:01:10 }
      - { kind: device, name: eth1, type: nic, ip: 192.168.2.10/24, mac: 52:54:00:00:02:10 }
      - kind: table
        name: ct
        type: conntrack
        beside: eth0
        rows:
          - { id: a, text: entry a, initially: absent }
          - { id: b, text: entry b }
links:
  - { kind: stack, between: [n/eth0, n/eth1] }
packets:
  - id: p
    origin: n/eth0
    headers:
      - eth: { src: n/eth0, dst: n/eth0 }
steps:
  - { packet: p, at: n/eth0, caption: start }
  - { packet: p, to: n/eth1, rows: [{ add: n/ct#a }], caption: added }
  - { packet: p, at: n/eth1, rows: [{ change: n/ct#a, text: "entry a, changed" }], caption: changed }
  - { packet: p, at: n/eth1, rows: [{ remove: n/ct#a }, { remove: n/ct#b }], caption: removed }
  - { packet: p, at: n/eth1, caption: empty }
`;

describe('timeline rows', async () => {
  const built = await buildScene(text, 't.yaml');
  if (!built.ok) throw new Error(JSON.stringify(built.diagnostics));
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
  document.body.append(svg);
  renderScene(svg, built.scene, built.geometry);
  drawPackets(svg, built.steps);
  const show = (pos: number) => applyFrame(svg, frameAt(pos, built.steps, built.geometry));

  /** Each row as drawn: hidden, or its state, mark and visible text. */
  const picture = () =>
    [...svg.querySelectorAll<SVGGElement>('g.kh-row')].map((g) => {
      if (g.getAttribute('display') === 'none') return `${g.dataset.row}: -`;
      const shownText = [...g.querySelectorAll('text.kh-row-text')].filter((t) => t.getAttribute('display') !== 'none').map((t) => t.textContent);
      const struck = [...g.querySelectorAll('line.kh-row-strike')].filter((l) => l.getAttribute('display') !== 'none').length > 0 && g.classList.contains('kh-row-removed');
      return `${g.dataset.row}: ${g.dataset.state} ${g.querySelector('text.kh-row-tag')?.textContent ?? ''}|${shownText.join('/')}${struck ? ' (struck)' : ''}`;
    }).join('; ') + (svg.querySelector('text.kh-table-empty')?.getAttribute('display') === 'none' ? '' : ' [empty]');

  it('draws each step’s rows, marks and texts', () => {
    const at = [0, 1, 2, 3, 4].map((k) => (show(k), picture()));
    expect(at).toEqual([
      'a: -; b: present |entry b',
      'a: new +|entry a; b: present |entry b',
      'a: changed ~|entry a, changed; b: present |entry b',
      'a: removed −|entry a, changed (struck); b: removed −|entry b (struck)',
      'a: -; b: - [empty]',
    ]);
  });

  it('while the packet travels to a step, the tables are still the step before’s', () => {
    show(0.5);
    expect(picture()).toBe('a: -; b: present |entry b');
    show(1);
    expect(picture()).toContain('a: new');
  });

  it('seeking in any order shows the same picture at a step', () => {
    const direct = [0, 1, 2, 3, 4].map((k) => (show(k), picture()));
    for (const order of [[4, 0, 3, 1, 2], [2, 4, 1, 3, 0], [3, 3, 0, 0, 1, 4, 2]]) {
      for (const k of order) {
        show(k);
        expect(picture(), `step ${k} after ${order.join(',')}`).toBe(direct[k]);
      }
    }
  });

  it('leaves room for the mark: a live table’s row text starts after the gutter, and the row fits its longest text', () => {
    const box = built.geometry.boxes.find((b) => b.id === 'n/ct')!;
    expect(box.live).toBe(true);
    expect(box.rows![0]!.later).toEqual([['entry a, changed']]);
    const tag = svg.querySelector('g.kh-row[data-row="a"] text.kh-row-tag')!;
    const firstText = svg.querySelector('g.kh-row[data-row="a"] text.kh-row-text tspan')!;
    expect(Number(tag.getAttribute('x'))).toBeLessThan(Number(firstText.getAttribute('x')));
    const longest = 'entry a, changed'.length * 13 * 0.62;
    expect(box.rows![0]!.width).toBeGreaterThanOrEqual(longest);
  });
});
