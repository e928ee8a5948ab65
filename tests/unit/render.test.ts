// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutScene } from '../../src/layout/layout.ts';
import type { Geometry } from '../../src/layout/types.ts';
import { renderScene } from '../../src/render/index.ts';
import type { Scene } from '../../src/scene/model.ts';
import { crossNodeWithClient, fixtures, sameNodeBridge } from './layout-fixtures.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function newSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  document.body.append(svg);
  return svg;
}

for (const [name, make] of Object.entries(fixtures)) {
  describe(`render: ${name}`, () => {
    const scene = make();
    let g: Geometry;
    let svg: SVGSVGElement;
    beforeAll(async () => {
      g = await layoutScene(scene);
      svg = newSvg();
      renderScene(svg, scene, g);
    });

    it('labels the picture for assistive technology', () => {
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${g.width} ${g.height}`);
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(svg.querySelector(`title[id="${titleId}"]`)?.textContent).toBe(scene.title);
      expect(svg.querySelector(`desc[id="${descId}"]`)?.textContent).toBe(scene.summary);
    });

    it('carries its own themable style', () => {
      const css = svg.querySelector('style')?.textContent ?? '';
      expect(css).toContain('var(--kh-fg, ');
      expect(css).toContain('.kh-theme-dark');
      expect(css).toMatch(/\.kh-row\.kh-highlight/);
    });

    it('draws one g.kh-box per element with its data attributes', () => {
      const boxes = [...svg.querySelectorAll('g.kh-boxes > g.kh-box')];
      expect(boxes.map((b) => b.getAttribute('data-id')).sort()).toEqual(Object.keys(scene.elements).sort());
      for (const b of boxes) {
        const el = scene.elements[b.getAttribute('data-id')!]!;
        expect(b.getAttribute('data-kind')).toBe(el.kind);
        expect(b.getAttribute('data-type')).toBe(el.type ?? null);
        expect(b.querySelector('rect')).not.toBeNull();
        // Titles may wrap at spaces to fit their box (layout/titles.ts): the words are the label's, in order.
        const drawn = [...b.querySelectorAll(':scope > text')].map((t) => t.textContent ?? '');
        expect(drawn.join(' ').split(/\s+/)).toEqual(el.label.join(' ').split(/\s+/));
      }
    });

    it('draws one g.kh-row per table row', () => {
      for (const el of Object.values(scene.elements).filter((e) => e.kind === 'table')) {
        const rows = [...svg.querySelectorAll(`g.kh-row[data-table="${el.id}"]`)];
        expect(rows.map((r) => r.getAttribute('data-row'))).toEqual(el.rows!.map((r) => r.id));
        rows.forEach((r, i) => {
          expect(r.querySelector('rect.kh-row-bg')).not.toBeNull();
          expect(r.querySelector('text')?.textContent).toBe(el.rows![i]!.text);
          // An indented row (a Corefile block) keeps its leading spaces when drawn.
          expect(r.querySelector('text.kh-row-text')?.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'space')).toBe('preserve');
        });
      }
    });

    it('draws one path per link and ends with an empty packet layer', () => {
      const paths = [...svg.querySelectorAll('g.kh-edges > path.kh-link')];
      expect(paths.map((p) => p.getAttribute('data-link'))).toEqual(scene.links.map((l) => l.id));
      paths.forEach((p, i) => {
        expect(p.getAttribute('data-kind')).toBe(scene.links[i]!.kind);
        expect(p.getAttribute('d')).toMatch(/^M/);
      });
      const last = svg.lastElementChild!;
      expect(last.matches('g.kh-packets')).toBe(true);
      expect(last.childElementCount).toBe(0);
      const order = [...svg.children].map((c) => c.getAttribute('class'));
      expect(order.indexOf('kh-boxes')).toBeLessThan(order.indexOf('kh-edges'));
    });

    it('replaces what was there when rendered again', () => {
      renderScene(svg, scene, g);
      expect(svg.querySelectorAll('g.kh-box')).toHaveLength(Object.keys(scene.elements).length);
      expect(svg.querySelectorAll('g.kh-packets')).toHaveLength(1);
    });
  });
}

describe('render: untrusted text', () => {
  it('writes hostile labels, rows and titles as literal text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const scene: Scene = sameNodeBridge();
    scene.title = hostile;
    scene.elements['node1/cni0']!.label = [hostile, '10.244.1.1/24'];
    scene.elements['node1/fdb']!.rows![0]!.text = hostile;
    scene.links[0]!.label = hostile;
    const svg = newSvg();
    renderScene(svg, scene, await layoutScene(scene));
    expect(svg.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(svg.querySelector('title')!.textContent).toBe(hostile);
    expect(svg.querySelector('g.kh-box[data-id="node1/cni0"] text')!.textContent).toBe(hostile);
    expect(svg.querySelector('g.kh-row[data-table="node1/fdb"] text')!.textContent).toBe(hostile);
    expect(svg.querySelector('.kh-link-label')!.textContent).toContain('<img');
  });

  it('makes the wire thicker than the other links', async () => {
    const scene = crossNodeWithClient();
    const svg = newSvg();
    renderScene(svg, scene, await layoutScene(scene));
    const css = svg.querySelector('style')!.textContent!;
    const width = (sel: string): number => Number(new RegExp(`${sel}[^{]*\\{[^}]*stroke-width: ([\\d.]+)`).exec(css)?.[1]);
    expect(width('\\.kh-link\\[data-kind="wire"\\]')).toBeGreaterThan(width('\\.kh-link '));
  });
});
