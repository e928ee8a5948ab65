// Links as plain polylines from the layout's routes, each with its label.
import type { Selection } from 'd3-selection';
import { line } from 'd3-shape';
import { FONT, type EdgeRoute, type Point } from '../layout/types.ts';
import { lineHeight } from '../layout/measure.ts';

type G = Selection<SVGGElement, unknown, null, undefined>;

const path = line<Point>()
  .x((p) => p.x)
  .y((p) => p.y);

export function drawEdges(layer: G, edges: readonly EdgeRoute[]): void {
  const lh = lineHeight();
  for (const e of edges) {
    layer
      .append('path')
      .attr('class', e.fallback ? 'kh-link kh-fallback' : 'kh-link')
      .attr('data-link', e.link)
      .attr('data-kind', e.kind)
      .attr('d', path(e.points) ?? '');
    if (!e.label) continue;
    const lines = e.label.lines ?? [e.label.text];
    const text = layer
      .append('text')
      .attr('class', 'kh-link-label')
      .attr('data-link', e.link)
      .attr('text-anchor', 'middle')
      .attr('dominant-baseline', 'central')
      .attr('font-size', FONT.size);
    const first = e.label.y - ((lines.length - 1) * lh) / 2;
    lines.forEach((l, i) => {
      text.append('tspan').attr('x', e.label!.x).attr('y', first + i * lh).text(l.trimEnd());
    });
  }
}
