// @vitest-environment jsdom
// Render and timeline from the Geometry alone, as a page gets them from a
// published bundle: the scene gives the picture's name and nothing else, and
// the timeline finds rows and boxes in what render kept, never by the data
// attributes left in the DOM for tests and stylesheets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleScene } from '../../src/bundle/bundle.ts';
import { rowId } from '../../src/derive/row-id.ts';
import type { Geometry } from '../../src/layout/types.ts';
import { drawnIn, renderScene } from '../../src/render/index.ts';
import { applyFrame, buildTimeline, drawPackets, frameAt } from '../../src/timeline/index.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const newSvg = (id: string): SVGSVGElement => {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.id = id;
  document.body.append(svg);
  return svg;
};

/** Which rows and boxes a frame marked, in drawing order. */
const marks = (svg: SVGSVGElement): string[] =>
  [...svg.querySelectorAll('g.kh-row, g.kh-box, text.kh-table-empty')].map((el) => `${el.getAttribute('class')} ${el.getAttribute('display') ?? ''}`);

describe('render and timeline from a Geometry with no Scene', async () => {
  const file = 'scenes/clusterip-dnat.yaml';
  const built = await bundleScene(readFileSync(file, 'utf8'), file);
  if (!built.ok) throw new Error(`${file} does not build`);
  // What a page has: plain JSON, no scene elements.
  const geometry = JSON.parse(JSON.stringify(built.geometry)) as Geometry;
  const steps = JSON.parse(JSON.stringify(built.steps)) as typeof built.steps;
  const words = { id: built.scene.id, title: built.scene.title, summary: built.scene.summary };

  it('draws the same picture as with the whole scene', () => {
    const withScene = newSvg('a');
    renderScene(withScene, built.scene, built.geometry);
    const alone = newSvg('a');
    renderScene(alone, words, geometry);
    expect(alone.outerHTML).toBe(withScene.outerHTML);
  });

  it('keeps every table row under its one id, and every box under its element id', () => {
    const svg = newSvg('b');
    const drawn = renderScene(svg, words, geometry);
    expect(drawnIn(svg)).toBe(drawn);
    const rowIds = geometry.boxes.flatMap((b) => (b.rows ?? []).map((r) => rowId(b.id, r.id)));
    expect([...drawn.rows.keys()]).toEqual(rowIds);
    expect([...drawn.boxes.keys()]).toEqual(geometry.boxes.map((b) => b.id));
    for (const id of rowIds) expect(svg.contains(drawn.rows.get(id)!.g)).toBe(true);
  });

  it('lights and hides rows at every step without reading the DOM’s data attributes', () => {
    const reference = newSvg('c');
    renderScene(reference, words, geometry);
    drawPackets(reference, steps);
    const bare = newSvg('c');
    renderScene(bare, words, geometry);
    for (const el of bare.querySelectorAll('[data-table], [data-row], [data-id]')) {
      for (const a of ['data-table', 'data-row', 'data-id']) el.removeAttribute(a);
    }
    const tl = buildTimeline(bare, steps, geometry);
    let lit = 0;
    for (let k = 0; k < steps.length; k++) {
      applyFrame(reference, frameAt(k, steps, geometry));
      tl.seek(`step-${k}`, false);
      expect(marks(bare), `step ${k}`).toEqual(marks(reference));
      lit += bare.querySelectorAll('g.kh-row.kh-highlight').length;
    }
    // The scene lights rows (KUBE-SERVICES, KUBE-SEP…): the comparison above is not of two blank pictures.
    expect(lit).toBeGreaterThan(0);
    expect(bare.querySelectorAll('g.kh-box.kh-current')).toHaveLength(1);
    tl.kill();
  });
});
