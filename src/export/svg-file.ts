// A picture as a standalone .svg file: XML declaration, namespace, and every
// style inside (the renderer embeds its sheet; the font is the system's
// monospace, so nothing is fetched). Works on any DOM: jsdom in the CLI,
// the page's own in the app.
import { drawPicture, type Drawable } from './picture.ts';
import type { PictureOptions } from './options.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Dom {
  document: Document;
  XMLSerializer: typeof XMLSerializer;
}

/** The file text for step k. */
export function svgFile(dom: Dom, built: Drawable, k: number, opts: PictureOptions): string {
  const svg = dom.document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  drawPicture(svg, built, opts, k);
  return serializeSvg(dom, svg);
}

export function serializeSvg(dom: Dom, svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgMarkup(dom, svg)}\n`;
}

/** Markup of the svg element alone (what an <img> or a canvas takes). */
export function svgMarkup(dom: Dom, svg: SVGSVGElement): string {
  // The renderer sets xmlns as an attribute for inline use; serializers write
  // the namespace themselves, and jsdom would then write it twice.
  svg.removeAttribute('xmlns');
  return new dom.XMLSerializer().serializeToString(svg);
}
