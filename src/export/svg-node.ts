// SVG files in Node: the picture drawn into jsdom by the same DOM code the
// browser runs (jsdom has no SVG geometry, and the renderer needs none: the
// layout stage measured everything). No browser needed for this format.
import { svgFile, type Dom } from './svg-file.ts';
import type { Drawable } from './picture.ts';
import type { PictureOptions } from './options.ts';

export async function svgFiles(built: Drawable, steps: readonly number[], opts: PictureOptions): Promise<string[]> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const dom: Dom = { document: window.document, XMLSerializer: window.XMLSerializer };
  try {
    return steps.map((k) => svgFile(dom, built, k, opts));
  } finally {
    // A window left open keeps Node's event loop alive for seconds after the files are written.
    window.close();
  }
}
