// Boxes: containers with their title top-left, leaf devices with centred
// lines, tables with a title and one <g.kh-row> per row. Scene text is
// untrusted, so it only ever reaches the DOM through d3's .text().
import type { Selection } from 'd3-selection';
import type { Scene } from '../scene/model.ts';
import { FONT, type Box } from '../layout/types.ts';
import { lineHeight, PAD, rowLineHeight } from '../layout/measure.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Rounded corners by kind: pods and processes softer, so shape helps tell them apart. */
const RADIUS: Record<string, number> = { node: 6, pod: 10, process: 12, table: 3, external: 4 };

function isContainer(scene: Scene, box: Box): boolean {
  const el = scene.elements[box.id];
  return box.kind === 'node' || box.kind === 'pod' || (el !== undefined && el.children.length > 0);
}

function drawLines(g: G, lines: readonly string[], x: number, firstCentreY: number, anchor: 'start' | 'middle', cls: string): void {
  const lh = lineHeight();
  lines.forEach((line, i) => {
    g.append('text')
      .attr('class', cls)
      .attr('x', x)
      .attr('y', firstCentreY + i * lh)
      .attr('text-anchor', anchor)
      .attr('dominant-baseline', 'central')
      .attr('font-size', FONT.size)
      .text(line);
  });
}

function rect(g: G, cls: string, r: { x: number; y: number; width: number; height: number }, rx: number): void {
  g.append('rect').attr('class', cls).attr('x', r.x).attr('y', r.y).attr('width', r.width).attr('height', r.height).attr('rx', rx);
}

function drawRows(g: G, box: Box): void {
  const lh = rowLineHeight();
  for (const row of box.rows ?? []) {
    const r = g.append('g').attr('class', 'kh-row').attr('data-table', box.id).attr('data-row', row.id);
    rect(r, 'kh-row-bg', row, 2);
    // The marker bar makes a highlight visible without colour.
    r.append('rect').attr('class', 'kh-row-marker').attr('x', row.x).attr('y', row.y).attr('width', 4).attr('height', row.height);
    const text = r
      .append('text')
      .attr('class', 'kh-row-text')
      .attr('font-size', FONT.size)
      .attr('dominant-baseline', 'central');
    const lines = row.lines ?? [row.text];
    const top = row.y + (row.height - lines.length * lh) / 2 + lh / 2;
    lines.forEach((line, i) => {
      text.append('tspan').attr('x', row.x + PAD.rowTextX).attr('y', top + i * lh).text(line);
    });
  }
}

export function drawBoxes(layer: G, scene: Scene, boxes: readonly Box[]): void {
  const lh = lineHeight();
  for (const box of boxes) {
    const g = layer.append('g').attr('class', 'kh-box').attr('data-id', box.id).attr('data-kind', box.kind);
    if (box.type !== undefined) g.attr('data-type', box.type);
    rect(g, 'kh-box-bg', box, RADIUS[box.kind] ?? 4);
    if (box.kind === 'table') {
      drawLines(g, box.label, box.x + box.width / 2, box.y + PAD.leafY + lh / 2, 'middle', 'kh-title');
      drawRows(g, box);
    } else if (isContainer(scene, box)) {
      drawLines(g, box.label, box.x + PAD.titleX, box.y + PAD.titleY + lh / 2, 'start', 'kh-title');
    } else {
      const first = box.y + box.height / 2 - ((box.label.length - 1) * lh) / 2;
      drawLines(g, box.label, box.x + box.width / 2, first, 'middle', 'kh-label');
    }
  }
}
