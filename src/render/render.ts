// Scene + Geometry → a static SVG. No animation here: the timeline fills the
// empty `g.kh-packets` layer this leaves on top.
import { select } from 'd3-selection';
import type { Scene } from '../scene/model.ts';
import type { Geometry } from '../layout/types.ts';
import { drawBoxes } from './boxes.ts';
import { drawEdges } from './edges.ts';
import { STYLE } from './style.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An id prefix that is valid in XML and unlikely to clash when several scenes share a page. */
function idPrefix(svg: SVGSVGElement, scene: Scene): string {
  const base = svg.id || `kh-${scene.id}`;
  return base.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function renderScene(svg: SVGSVGElement, scene: Scene, geometry: Geometry): void {
  const root = select(svg);
  root.selectAll('*').remove();
  const prefix = idPrefix(svg, scene);
  root
    .attr('xmlns', SVG_NS)
    .attr('viewBox', `0 0 ${geometry.width} ${geometry.height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${prefix}-title ${prefix}-desc`)
    .classed('kh-scene', true);
  root.append('title').attr('id', `${prefix}-title`).text(scene.title);
  root.append('desc').attr('id', `${prefix}-desc`).text(scene.summary);
  root.append('style').text(STYLE);
  root
    .append('rect')
    .attr('class', 'kh-bg')
    .attr('width', geometry.width)
    .attr('height', geometry.height);
  drawBoxes(root.append('g').attr('class', 'kh-boxes'), geometry.boxes);
  drawEdges(root.append('g').attr('class', 'kh-edges'), geometry.edges);
  root.append('g').attr('class', 'kh-packets');
}
