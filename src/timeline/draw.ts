// The timeline's side of the SVG: the packet markers it owns (inside the
// renderer's empty `g.kh-packets` layer) and applying a Frame to the picture.
//
// Styling is written as SVG attributes, not page CSS, so an exported or
// rasterised SVG still shows the packet (TOOLCHAIN.md: page CSS does not survive).

import { select, type Selection } from 'd3-selection';
import type { DerivedStep } from '../derive/types.ts';
import { FONT } from '../layout/types.ts';
import type { Frame } from './frame.ts';

const PACKET = {
  fill: '#e66100', // orange of the Okabe–Ito-like pair used for "moving thing"
  stroke: '#1f1300',
  text: '#ffffff',
  fontSize: 13,
  height: 24,
  padX: 9,
  icon: 16,
} as const;

/** Packet ids in first-use order (each packet is drawn once, then moved). */
export function packetIds(steps: DerivedStep[]): string[] {
  return [...new Set(steps.map((s) => s.packet))];
}

/** Fills `g.kh-packets` (creating it on top if the renderer left none) with one marker per packet. */
export function drawPackets(svg: SVGSVGElement, steps: DerivedStep[]): void {
  const root = select(svg);
  let layer = root.select<SVGGElement>('g.kh-packets');
  if (layer.empty()) layer = root.append('g').attr('class', 'kh-packets');
  layer.selectAll('g.kh-packet').remove();
  for (const id of packetIds(steps)) drawPacket(layer, id);
}

function drawPacket(layer: Selection<SVGGElement, unknown, null, undefined>, id: string): void {
  const textWidth = id.length * PACKET.fontSize * FONT.charWidth;
  const width = PACKET.padX * 2 + PACKET.icon + 6 + textWidth;
  const h = PACKET.height;
  const g = layer
    .append('g')
    .attr('class', 'kh-packet')
    .attr('data-packet', id)
    .attr('visibility', 'hidden')
    .attr('pointer-events', 'none');
  g.append('title').text(`packet ${id}`);
  // A soft halo keeps the marker readable over box borders and link lines.
  g.append('rect')
    .attr('class', 'kh-packet-halo')
    .attr('x', -width / 2 - 3)
    .attr('y', -h / 2 - 3)
    .attr('width', width + 6)
    .attr('height', h + 6)
    .attr('rx', h / 2 + 3)
    .attr('fill', '#ffffff')
    .attr('fill-opacity', 0.85);
  g.append('rect')
    .attr('class', 'kh-packet-body')
    .attr('x', -width / 2)
    .attr('y', -h / 2)
    .attr('width', width)
    .attr('height', h)
    .attr('rx', h / 2)
    .attr('fill', PACKET.fill)
    .attr('stroke', PACKET.stroke)
    .attr('stroke-width', 1.5);
  // Envelope glyph: the shape carries "packet", not only the colour.
  const ix = -width / 2 + PACKET.padX;
  const iw = PACKET.icon;
  const ih = 11;
  g.append('rect')
    .attr('x', ix)
    .attr('y', -ih / 2)
    .attr('width', iw)
    .attr('height', ih)
    .attr('rx', 1.5)
    .attr('fill', PACKET.text)
    .attr('stroke', PACKET.stroke)
    .attr('stroke-width', 1);
  g.append('path')
    .attr('d', `M${ix},${-ih / 2} L${ix + iw / 2},${1} L${ix + iw},${-ih / 2}`)
    .attr('fill', 'none')
    .attr('stroke', PACKET.stroke)
    .attr('stroke-width', 1.2);
  g.append('text')
    .attr('class', 'kh-packet-label')
    .attr('x', ix + iw + 6)
    .attr('y', 0)
    .attr('dominant-baseline', 'central')
    .attr('font-family', FONT.family)
    .attr('font-size', PACKET.fontSize)
    .attr('font-weight', 700)
    // Inline style: the renderer's `.kh-scene text { fill }` rule beats a fill attribute.
    .style('fill', PACKET.text)
    .text(id);
}

/**
 * One key per table row, whether the renderer writes `data-row="pod-a"` or the
 * qualified `node1/fdb#pod-a` (the scene file writes highlights the second way).
 */
export function rowKey(table: string, row: string): string {
  return row.includes('#') ? row : `${table}#${row}`;
}

export function applyFrame(svg: SVGSVGElement, frame: Frame): void {
  const root = select(svg);
  const visible = new Set(frame.visiblePackets);
  const x = round(frame.x);
  const y = round(frame.y);
  root.selectAll<SVGGElement, unknown>('g.kh-packet').each(function () {
    const id = this.getAttribute('data-packet') ?? '';
    const g = select(this);
    if (visible.has(id)) {
      g.attr('visibility', 'visible')
        .attr('transform', `translate(${x},${y})`)
        .attr('data-x', x)
        .attr('data-y', y)
        .attr('data-step', frame.step);
    } else {
      g.attr('visibility', 'hidden');
    }
  });
  const lit = new Set(frame.highlights.map((h) => rowKey(h.table, h.row)));
  root.selectAll<SVGGElement, unknown>('g.kh-row').each(function () {
    const key = rowKey(this.getAttribute('data-table') ?? '', this.getAttribute('data-row') ?? '');
    select(this).classed('kh-highlight', lit.has(key));
  });
  // A hook for the renderer's stylesheet: the box the packet is at or heading to.
  root.selectAll<SVGGElement, unknown>('g.kh-box').each(function () {
    select(this).classed('kh-current', this.getAttribute('data-id') === frame.at);
  });
  svg.setAttribute('data-step', String(frame.step));
}

/** Two decimals: stable attribute text, and sub-pixel precision is invisible anyway. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
