// Draws a CardShape into the packet's group. Colours come from the SVG's own
// stylesheet (src/render/style.ts), so themes and exported files agree; the
// kind of packet is also told by the card's outline (dashes, corners, a
// double border) and by its title, never by colour alone. Scene text reaches
// the DOM only through .text().
import type { Selection } from 'd3-selection';
import { FONT } from '../layout/types.ts';
import type { CardShape, CardRect } from './card-layout.ts';
import type { PacketKind } from './card-content.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Outline per kind: TCP a plain square card, UDP (and DNS over it) dashed, ICMP rounded, ARP dotted (a broadcast), BGP doubled. */
const OUTLINE: Record<PacketKind, { rx: number; dash?: string; double?: boolean }> = {
  tcp: { rx: 2 },
  udp: { rx: 2, dash: '9 4' },
  dns: { rx: 2, dash: '9 4' },
  icmp: { rx: 12 },
  arp: { rx: 4, dash: '2 3' },
  bgp: { rx: 2, double: true },
  ip: { rx: 4 },
};

export function drawCard(g: G, shape: CardShape): void {
  g.selectAll('*').remove();
  g.attr('data-kind', shape.kind);
  if (shape.bandState) g.attr('data-band', shape.bandState);
  else g.attr('data-band', null);
  g.attr('data-fate', shape.fate ?? null);
  const outline = OUTLINE[shape.kind];
  for (const r of shape.rects) {
    const el = rect(g, r, r.role === 'card' ? outline.rx : r.role === 'band' ? 8 : r.role === 'bar' ? Math.min(outline.rx, 4) : 1);
    if (r.role === 'card' && outline.dash) el.attr('stroke-dasharray', outline.dash);
    if (r.role === 'band' && shape.bandState === 'removed') el.attr('stroke-dasharray', '6 4');
    if (r.role === 'card' && outline.double) {
      rect(g, { ...r, x: r.x + 3, y: r.y + 3, width: r.width - 6, height: r.height - 6, role: 'card' }, 1).attr('class', 'kh-card-inner-border');
    }
  }
  for (const t of shape.texts) {
    g.append('text')
      .attr('class', `kh-card-text kh-card-${t.role}`)
      .attr('x', round(t.x))
      .attr('y', round(t.y))
      .attr('dominant-baseline', 'central')
      .attr('font-size', FONT.size)
      .text(t.text);
    // A drawn line, not text-decoration: it survives every SVG renderer an export may meet.
    if (t.struck) {
      g.append('line')
        .attr('class', `kh-card-strike kh-card-strike-${t.role}`)
        .attr('x1', round(t.x - 1))
        .attr('x2', round(t.x + t.width + 1))
        .attr('y1', round(t.y))
        .attr('y2', round(t.y));
    }
  }
}

function rect(g: G, r: CardRect, rx: number): Selection<SVGRectElement, unknown, null, undefined> {
  return g
    .append('rect')
    .attr('class', `kh-card-${r.role}`)
    .attr('x', round(r.x))
    .attr('y', round(r.y))
    .attr('width', round(r.width))
    .attr('height', round(r.height))
    .attr('rx', rx);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
