// Links as plain polylines from the layout's routes, each label in the box layout gave it.
import type { Selection } from 'd3-selection';
import { FONT, type EdgeRoute, type Point } from '../layout/types.ts';
import { lineHeight } from '../layout/measure.ts';
import type { Drawn } from './drawn.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * A polyline's path data, exactly as d3-shape's line() writes it (3 decimals,
 * a lone point closed): written out because d3-shape comes whole into the
 * embed's script (about 3 KB gzipped) for these two lines.
 */
function path(points: readonly Point[]): string | null {
  if (points.length === 0) return null;
  const r = (n: number): number => Math.round(n * 1000) / 1000;
  return `M${points.map((p) => `${r(p.x)},${r(p.y)}`).join('L')}${points.length === 1 ? 'Z' : ''}`;
}

export function drawEdges(layer: G, edges: readonly EdgeRoute[], drawn?: Drawn): void {
  const lh = lineHeight();
  for (const e of edges) {
    const parts: SVGElement[] = [];
    drawn?.edges.set(e.link, parts);
    const line = layer
      .append('path')
      .attr('class', e.fallback ? 'kh-link kh-fallback' : 'kh-link')
      .attr('data-link', e.link)
      .attr('data-kind', e.kind)
      .attr('d', path(e.points) ?? '');
    parts.push(line.node()!);
    const label = e.label;
    if (!label) continue;
    const text = layer
      .append('text')
      .attr('class', 'kh-link-label')
      .attr('data-link', e.link)
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('font-size', FONT.size);
    parts.push(text.node()!);
    // Lines centred in the label's box; its centre taken back to the hundredths layout rounded it to.
    const x = hundredths(label.x + label.width / 2);
    const first = hundredths(label.y + label.height / 2) - ((label.lines.length - 1) * lh) / 2;
    label.lines.forEach((l, i) => {
      text.append('tspan').attr('x', x).attr('y', first + i * lh).text(l.trimEnd());
    });
  }
}

function hundredths(n: number): number {
  return Math.round(n * 100) / 100;
}
