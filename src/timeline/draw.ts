// The timeline's side of the SVG: the packet markers it owns (inside the
// renderer's empty `g.kh-packets` layer) and applying a Frame to the picture.
//
// Styling is written as SVG attributes, not page CSS, so an exported or
// rasterised SVG still shows the packet (page CSS does not survive rasterising).

import { select, type Selection } from 'd3-selection';
import type { DerivedStep } from '../derive/types.ts';
import type { Frame } from './frame.ts';
import { MARKER_REACH } from './rest.ts';
import { drawCard } from './card-draw.ts';
import { applyRows } from './rows.ts';
import { rowId } from '../derive/row-id.ts';
import { drawnIn, type Drawn } from '../render/drawn.ts';

// A round badge, not a labelled pill: at rest it sits on a box corner
// (rest.ts) and must stay clear of the box's label and its pod/node titles,
// so it is small and carries no text. The packet's name is in the caption
// bar and the inspector instead.
const PACKET = {
  fill: '#e66100', // orange of the Okabe–Ito-like pair used for "moving thing"
  stroke: '#1f1300',
  glyph: '#ffffff',
  radius: 10,
  /** White ring that keeps the badge readable over box borders and link lines. */
  halo: MARKER_REACH,
} as const;

/** Packet ids in first-use order (each packet is drawn once, then moved). */
export function packetIds(steps: DerivedStep[]): string[] {
  return [...new Set(steps.map((s) => s.packet))].filter((p) => p !== '');
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
  const g = layer
    .append('g')
    .attr('class', 'kh-packet')
    .attr('data-packet', id)
    .attr('visibility', 'hidden')
    .attr('pointer-events', 'none');
  // Hover text, and the name a screen reader or an exported SVG still has; applyFrame makes it read the card.
  g.append('title').text(`packet ${id}`);
  g.attr('role', 'img').attr('aria-label', `packet ${id}`);
  // Under the dot: the leader that ties the card to where the packet is, then the card itself.
  g.append('line').attr('class', 'kh-packet-leader');
  g.append('g').attr('class', 'kh-packet-card');
  g.append('circle').attr('class', 'kh-packet-halo').attr('r', PACKET.halo).attr('fill', '#ffffff').attr('fill-opacity', 0.9);
  g.append('circle')
    .attr('class', 'kh-packet-body')
    .attr('r', PACKET.radius)
    .attr('fill', PACKET.fill)
    .attr('stroke', PACKET.stroke)
    .attr('stroke-width', 1.5);
  // Envelope glyph: the shape says "packet", not only the colour.
  const w = 11;
  const h = 8;
  g.append('rect')
    .attr('x', -w / 2)
    .attr('y', -h / 2)
    .attr('width', w)
    .attr('height', h)
    .attr('rx', 1)
    .attr('fill', PACKET.glyph)
    .attr('stroke', PACKET.stroke)
    .attr('stroke-width', 0.9);
  g.append('path')
    .attr('d', `M${-w / 2},${-h / 2} L0,${h / 8} L${w / 2},${-h / 2}`)
    .attr('fill', 'none')
    .attr('stroke', PACKET.stroke)
    .attr('stroke-width', 0.9);
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
      applyCard(this, frame);
    } else {
      g.attr('visibility', 'hidden');
    }
  });
  const drawn = drawnIn(svg);
  applyRows(drawn, frame.tables);
  applyTopology(drawn, frame);
  const lit = new Set(frame.highlights.map((h) => rowId(h.table, h.row)));
  for (const [id, row] of drawn.rows) row.g.classList.toggle('kh-highlight', lit.has(id));
  // A hook for the renderer's stylesheet: the box the packet is at or heading to.
  for (const [id, g] of drawn.boxes) g.classList.toggle('kh-current', id === frame.at);
  svg.setAttribute('data-step', String(frame.step));
}

/** Hides what is not yet created; marks what the step created (`kh-appeared`), for the stylesheet. */
function applyTopology(drawn: Drawn, frame: Frame): void {
  const hidden = new Set(frame.hidden);
  const appeared = new Set(frame.appeared);
  const set = (el: Element, id: string): void => {
    if (hidden.has(id)) el.setAttribute('display', 'none');
    else el.removeAttribute('display');
    el.classList.toggle('kh-appeared', appeared.has(id));
  };
  for (const [id, g] of drawn.boxes) set(g, id);
  for (const [id, parts] of drawn.edges) for (const p of parts) set(p, id);
}

/**
 * The card in the packet's group, in the group's own coordinates (the dot is
 * at 0,0). Redrawn only when it shows another step's headers; moved every tick.
 */
function applyCard(group: SVGGElement, frame: Frame): void {
  const g = select(group);
  const card = g.select<SVGGElement>('g.kh-packet-card');
  const leader = g.select<SVGLineElement>('line.kh-packet-leader');
  const c = frame.card;
  if (!c) {
    card.attr('visibility', 'hidden');
    leader.attr('visibility', 'hidden');
    return;
  }
  const key = `${frame.packet}:${c.step}`;
  if (card.attr('data-card-step') !== key) {
    drawCard(card, c.shape);
    card.attr('data-card-step', key);
    g.attr('aria-label', c.summary);
    g.select('title').text(c.summary);
  }
  const dx = round(c.x - frame.x);
  const dy = round(c.y - frame.y);
  card.attr('visibility', null).attr('transform', `translate(${dx},${dy})`);
  // From the dot to the nearest point of the card's edge.
  const nx = Math.min(Math.max(0, dx), dx + c.shape.width);
  const ny = Math.min(Math.max(0, dy), dy + c.shape.height);
  leader.attr('visibility', null).attr('x1', 0).attr('y1', 0).attr('x2', round(nx)).attr('y2', round(ny));
}

/** Two decimals: stable attribute text, and sub-pixel precision is invisible anyway. */
function round(v: number): number {
  return Math.round(v * 100) / 100;
}
