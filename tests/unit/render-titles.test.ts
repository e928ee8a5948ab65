// @vitest-environment jsdom
// Titles wrapped by the layout are drawn line by line, and a table's rows
// start under the last title line, their own wrapped lines at the row pitch.
import { describe, expect, it } from 'vitest';
import { layoutAtRowWrap } from '../../src/layout/layout.ts';
import { lineHeight, rowLineHeight } from '../../src/layout/measure.ts';
import { renderScene } from '../../src/render/index.ts';
import { sameNodeBridge } from './layout-fixtures.ts';

describe('render: wrapped titles and rows', () => {
  it('draws a wrapped table title as several lines, above the rows', async () => {
    const scene = sameNodeBridge();
    // At 22 characters "cni0 forwarding database" takes two lines.
    const g = await layoutAtRowWrap(scene, 22);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg') as SVGSVGElement;
    document.body.append(svg);
    renderScene(svg, scene, g);
    const fdb = svg.querySelector('g.kh-box[data-id="node1/fdb"]')!;
    const titles = [...fdb.querySelectorAll(':scope > text.kh-title')];
    expect(titles.map((t) => t.textContent)).toEqual(['cni0 forwarding', 'database']);
    const lastTitle = Number(titles[1]!.getAttribute('y'));
    const firstRow = fdb.querySelector('g.kh-row rect.kh-row-bg')!;
    expect(Number(firstRow.getAttribute('y'))).toBeGreaterThanOrEqual(lastTitle + lineHeight() / 2 - 0.5);

    const wrapped = [...fdb.querySelectorAll('g.kh-row')].find((r) => r.querySelectorAll('tspan').length > 1)!;
    const ys = [...wrapped.querySelectorAll('tspan')].map((t) => Number(t.getAttribute('y')));
    expect(ys[1]! - ys[0]!).toBeCloseTo(rowLineHeight(), 6);
  });
});
