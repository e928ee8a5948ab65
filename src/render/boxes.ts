// Boxes: containers with their title top-left, leaf devices with centred
// lines, tables with a title and one <g.kh-row> per row. Scene text is
// untrusted, so it only ever reaches the DOM through d3's .text().
import type { Selection } from 'd3-selection';
import { FONT, type Box } from '../layout/types.ts';
import { lineHeight, PAD, rowLineHeight, tableRowHeight, textWidth } from '../layout/measure.ts';
import { rowId } from '../derive/row-id.ts';
import type { Drawn, DrawnRow } from './drawn.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Rounded corners by kind: pods and processes softer, so shape helps tell them apart. */
const RADIUS: Record<string, number> = { node: 6, pod: 10, process: 12, table: 3, external: 4 };

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

function drawRows(g: G, box: Box, drawn: Drawn): void {
  const lh = rowLineHeight();
  const textX = PAD.rowTextX + (box.live ? PAD.rowTag : 0);
  for (const row of box.rows ?? []) {
    const r = g.append('g').attr('class', 'kh-row').attr('data-table', box.id).attr('data-row', row.id);
    const kept: DrawnRow = { g: r.node()!, table: box.id, versions: [] };
    drawn.rows.set(rowId(box.id, row.id), kept);
    rect(r, 'kh-row-bg', row, 2);
    // The marker bar makes a highlight visible without colour.
    r.append('rect').attr('class', 'kh-row-marker').attr('x', row.x).attr('y', row.y).attr('width', 4).attr('height', row.height);
    // Each text the row ever shows is drawn once; the timeline (timeline/rows.ts) shows the one of the step.
    [row.lines ?? [row.text], ...(row.later ?? [])].forEach((lines, version) => {
      const text = r
        .append('text')
        .attr('class', 'kh-row-text')
        // A Corefile's block is indented: the spaces that show it are the author's, kept in every renderer.
        .attr('xml:space', 'preserve')
        .attr('data-version', version)
        .attr('font-size', FONT.size)
        .attr('dominant-baseline', 'central');
      if (version > 0) text.attr('display', 'none');
      const parts: SVGElement[] = [text.node()!];
      kept.versions.push(parts);
      const top = row.y + (row.height - lines.length * lh) / 2 + lh / 2;
      lines.forEach((line, i) => {
        text.append('tspan').attr('x', row.x + textX).attr('y', top + i * lh).text(line);
      });
      if (!box.live) return;
      // Struck through at the step that removes the row: drawn as lines, which every renderer of an exported SVG shows.
      lines.forEach((line, i) => {
        const w = textWidth(line.trimEnd());
        if (w === 0) return;
        const strike = r
          .append('line')
          .attr('class', 'kh-row-strike')
          .attr('data-version', version)
          .attr('x1', row.x + textX - 2)
          .attr('x2', row.x + textX + w + 2)
          .attr('y1', top + i * lh)
          .attr('y2', top + i * lh);
        parts.push(strike.node()!);
      });
    });
    // +, − or ~ in the gutter: what this step did to the row, in a glyph, not only a colour.
    if (box.live) kept.tag = r.append('text').attr('class', 'kh-row-tag').attr('x', row.x + (4 + textX) / 2 + 1).attr('y', row.y + row.height / 2).attr('text-anchor', 'middle').attr('dominant-baseline', 'central').attr('font-size', FONT.size * 1.3).node()!;
  }
  const first = box.rows?.[0];
  if (first && box.live) {
    // A table whose rows come and go says so when it has none, rather than looking unfinished (timeline/rows.ts shows it).
    const empty = g
      .append('text')
      .attr('class', 'kh-table-empty')
      .attr('data-table', box.id)
      .attr('x', first.x + textX)
      .attr('y', first.y + tableRowHeight(1) / 2)
      .attr('dominant-baseline', 'central')
      .attr('font-size', FONT.size)
      .attr('display', 'none')
      .text('(empty)');
    drawn.empty.set(box.id, empty.node()!);
  }
}

export function drawBoxes(layer: G, boxes: readonly Box[], drawn: Drawn): void {
  const lh = lineHeight();
  for (const box of boxes) {
    const g = layer.append('g').attr('class', 'kh-box').attr('data-id', box.id).attr('data-kind', box.kind);
    drawn.boxes.set(box.id, g.node()!);
    if (box.type !== undefined) g.attr('data-type', box.type);
    rect(g, 'kh-box-bg', box, RADIUS[box.kind] ?? 4);
    if (box.kind === 'table') {
      drawLines(g, box.label, box.x + box.width / 2, box.y + PAD.leafY + lh / 2, 'middle', 'kh-title');
      drawRows(g, box, drawn);
    } else if (box.container) {
      drawLines(g, box.label, box.x + PAD.titleX, box.y + PAD.titleY + lh / 2, 'start', 'kh-title');
    } else {
      const first = box.y + box.height / 2 - ((box.label.length - 1) * lh) / 2;
      drawLines(g, box.label, box.x + box.width / 2, first, 'middle', 'kh-label');
    }
  }
}
