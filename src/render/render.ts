// Geometry → a static SVG. No animation here: the timeline fills the empty
// `g.kh-packets` layer this leaves on top. Everything drawn comes from the
// Geometry; the scene gives only the picture's name and description.
import { select } from 'd3-selection';
import type { Scene } from '../scene/model.ts';
import type { Geometry } from '../layout/types.ts';
import { keepDrawn, type Drawn } from './drawn.ts';
import { drawBoxes } from './boxes.ts';
import { drawEdges } from './edges.ts';
import { STYLE } from './style.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An id prefix that is valid in XML and unlikely to clash when several scenes share a page. */
function idPrefix(svg: SVGSVGElement, scene: SceneText): string {
  const base = svg.id || `kh-${scene.id}`;
  return base.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The words about a scene that the picture carries for assistive technology. */
export type SceneText = Pick<Scene, 'id' | 'title' | 'summary'>;

/** Draws `geometry` into `svg`, replacing what was there; returns (and keeps, for the timeline) what it drew. */
export function renderScene(svg: SVGSVGElement, scene: SceneText, geometry: Geometry): Drawn {
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
  const drawn = keepDrawn(svg, { boxes: new Map(), rows: new Map(), empty: new Map(), edges: new Map() });
  drawBoxes(root.append('g').attr('class', 'kh-boxes'), geometry.boxes, drawn);
  drawEdges(root.append('g').attr('class', 'kh-edges'), geometry.edges, drawn);
  root.append('g').attr('class', 'kh-packets');
  return drawn;
}
